/**
 * Bearer tokens: HS256 JWTs (jsonwebtoken) whose `sub` is the customer id. The key is a KeyObject built
 * once: given a string, jsonwebtoken would parse it as a key on every call, many times the cost of a check
 * (docs/notes/server-measurements.md).
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { TOKEN_LIFETIME_SECONDS } from '@customer-portal/core';
import { createVerifiedTokens } from './verified-tokens.js';

export { TOKEN_LIFETIME_SECONDS };

export interface TokenService {
  issue(customerId: number): { access_token: string; expires_in: number };
  /** The customer id the token names, or undefined for any token that is not one of ours and current. */
  verify(token: string): number | undefined;
}

/**
 * Issues and verifies tokens signed with `secret`. Verification pins the algorithm to HS256, so `alg: none`
 * and tokens signed with any other algorithm or key are refused, as are expired ones and ones without `exp`.
 * A token that verified is remembered until its `exp` (see verified-tokens.ts), so that a customer's later
 * requests skip the signature check.
 *
 * @example
 * const tokens = createTokenService('a-long-random-secret');
 * const { access_token } = tokens.issue(1);
 * tokens.verify(access_token); // 1
 */
export function createTokenService(secret: string | Buffer, lifetimeSeconds = TOKEN_LIFETIME_SECONDS): TokenService {
  const key: KeyObject = createSecretKey(typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret);
  const verified = createVerifiedTokens();
  return {
    issue(customerId) {
      const access_token = jwt.sign({}, key, { algorithm: 'HS256', subject: String(customerId), expiresIn: lifetimeSeconds });
      return { access_token, expires_in: lifetimeSeconds };
    },
    verify(token) {
      const remembered = verified.get(token, Math.floor(Date.now() / 1000));
      if (remembered !== undefined) return remembered;
      let payload: string | jwt.JwtPayload;
      try {
        payload = jwt.verify(token, key, { algorithms: ['HS256'] });
      } catch {
        return undefined;
      }
      if (typeof payload === 'string' || typeof payload.exp !== 'number' || !/^[1-9][0-9]{0,15}$/.test(payload.sub ?? '')) {
        return undefined;
      }
      const customerId = Number(payload.sub);
      if (!Number.isSafeInteger(customerId)) return undefined;
      // A token with `nbf` is never issued here; it is checked in full every time rather than remembered.
      if (payload.nbf === undefined) verified.remember(token, { customerId, exp: payload.exp });
      return customerId;
    },
  };
}
