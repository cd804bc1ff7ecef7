import { TOKEN_LIFETIME_SECONDS, type HostAuth } from '@customer-portal/core';

export { TOKEN_LIFETIME_SECONDS };

/** Where a handler set keeps the tokens it issued: memory by default, sessionStorage in a browser tab. */
export interface IssuedTokens {
  get(token: string): { customerId: number; exp: number } | undefined;
  set(token: string, claims: { customerId: number; exp: number }): void;
  clear(): void;
}

export interface MockAuth extends HostAuth {
  /** Forgets every issued token, so each one is a 401 from now on. */
  forget(): void;
}

export interface MockAuthOptions {
  /** Seconds a token stays valid (default 3600, the reference server's). */
  tokenLifetimeSeconds?: number | undefined;
  issued?: IssuedTokens | undefined;
}

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomBase64url(bytes: number): string {
  return base64url(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))));
}

function memoryTokens(): IssuedTokens {
  const tokens = new Map<string, { customerId: number; exp: number }>();
  return { get: (t) => tokens.get(t), set: (t, c) => void tokens.set(t, c), clear: () => tokens.clear() };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Sign-in for the mocks, without a secret or a hashing library in the browser. The memory store hands back the
 * fixtures' plain passwords. Tokens are shaped like the reference server's JWTs (`sub`, `iat`, `exp`), so
 * jwt-decode reads them, but the third part is random rather than a signature: a token is accepted because
 * these handlers remember issuing it (decision 003), and only until its `exp`, the second it expires on the
 * server too. A sign-in answers a device token, as the server's does, and answers the same one again when its
 * account sends it back.
 *
 * @example
 * const auth = createMockAuth({ tokenLifetimeSeconds: 60 });
 * const { access_token } = await auth.issueToken(1); // 'eyJhbGciOi….eyJzdWIiOiIxIiwiaWF0Ijo….<random>'
 * await auth.verifyToken(access_token); // 1, for a minute
 */
export function createMockAuth(options: MockAuthOptions = {}): MockAuth {
  const lifetime = options.tokenLifetimeSeconds ?? TOKEN_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime < 1) {
    throw new Error(`tokenLifetimeSeconds must be a whole number of seconds, 1 or more; got ${String(lifetime)}.`);
  }
  const issued = options.issued ?? memoryTokens();
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  // Device tokens issued, by token: the account each was issued for. The mocks do not throttle, so honouring
  // one means answering it again to its own account (a client keeps one token), and a new one to anyone else.
  const devices = new Map<string, string>();
  return {
    async verifyPassword(storedPassword, password) {
      return storedPassword !== undefined && storedPassword === password;
    },
    async issueToken(customerId) {
      const iat = nowSeconds();
      const exp = iat + lifetime;
      const payload = base64url(JSON.stringify({ sub: String(customerId), iat, exp }));
      const token = `${header}.${payload}.${randomBase64url(32)}`;
      issued.set(token, { customerId, exp });
      return { access_token: token, expires_in: lifetime };
    },
    async issueDeviceToken(account, presented) {
      if (presented !== undefined && devices.get(presented) === account) return presented;
      const token = `mock-device.${randomBase64url(16)}`;
      devices.set(token, account);
      return token;
    },
    async verifyToken(token) {
      const claims = issued.get(token);
      return claims && nowSeconds() < claims.exp ? claims.customerId : undefined;
    },
    forget() {
      issued.clear();
      devices.clear();
    },
  };
}
