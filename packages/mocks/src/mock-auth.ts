import type { HostAuth } from '@customer-portal/core';

/** What the mocks announce as `expires_in`: the reference server's token lifetime. Mock tokens never expire. */
export const TOKEN_LIFETIME_SECONDS = 3600;

export interface MockAuth extends HostAuth {
  /** Forgets every issued token, so each one is a 401 from now on. */
  forget(): void;
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sign-in for the mocks, without a secret or a hashing library in the browser: the memory store hands back the
 * fixtures' plain passwords, and tokens are opaque (`mock.<customerId>.<random>`) and remembered in a Map, so
 * only a token these handlers issued is accepted.
 *
 * @example
 * const auth = createMockAuth();
 * const { access_token } = await auth.issueToken(1); // 'mock.1.3f9a…'
 * await auth.verifyToken(access_token); // 1
 */
export function createMockAuth(): MockAuth {
  const tokens = new Map<string, number>();
  return {
    async verifyPassword(storedPassword, password) {
      return storedPassword !== undefined && storedPassword === password;
    },
    async issueToken(customerId) {
      const token = `mock.${customerId}.${randomHex(16)}`;
      tokens.set(token, customerId);
      return { access_token: token, expires_in: TOKEN_LIFETIME_SECONDS };
    },
    async verifyToken(token) {
      return tokens.get(token);
    },
    forget() {
      tokens.clear();
    },
  };
}
