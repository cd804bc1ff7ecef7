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

/** How far ahead of this process's clock a token's `iat` may be: another process's clock may run a little fast. */
const CLOCK_SKEW_SECONDS = 30;

// A customer id as the server writes it in `sub`: decimal digits, no sign, no leading zero.
const CUSTOMER_ID = /^[1-9][0-9]{0,15}$/;

export interface TokenService {
  issue(customerId: number): { access_token: string; expires_in: number };
  /** The customer id the token names, or undefined for any token that is not one of ours and current. */
  verify(token: string): number | undefined;
}

/**
 * Issues and verifies tokens signed with `secret`. Verification pins the algorithm to HS256, so `alg: none`
 * and tokens signed with any other algorithm or key are refused, as are expired ones and any whose claims are
not exactly what `issue` writes (see issuedClaims).
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
      if (typeof payload === 'string') return undefined;
      const claims = issuedClaims(payload, lifetimeSeconds, Math.floor(Date.now() / 1000));
      if (!claims) return undefined;
      // A token with `nbf` is never issued here; it is checked in full every time rather than remembered.
      if (payload.nbf === undefined) verified.remember(token, claims);
      return claims.customerId;
    },
  };
}

/**
 * The claims of a verified token, when they are exactly what `issue` writes: `sub` a customer id as a
 * decimal string (not a number or an array that would read as one), `iat` a whole second not in the future
 * beyond the skew, and `exp` no later than `iat` plus the lifetime. A token signed with our key but claiming
 * more (a ten-year `exp`) was not issued by this server and is refused like a forged one.
 */
function issuedClaims(payload: jwt.JwtPayload, lifetimeSeconds: number, nowSeconds: number): { customerId: number; exp: number } | undefined {
  const { sub, iat, exp } = payload as { sub?: unknown; iat?: unknown; exp?: unknown };
  if (typeof sub !== 'string' || !CUSTOMER_ID.test(sub)) return undefined;
  if (!Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return undefined;
  if ((iat as number) > nowSeconds + CLOCK_SKEW_SECONDS || (exp as number) > (iat as number) + lifetimeSeconds) return undefined;
  const customerId = Number(sub);
  return Number.isSafeInteger(customerId) ? { customerId, exp: exp as number } : undefined;
}
