/**
 * The reference server's way of proving who a customer is: scrypt password hashes at sign-in, then HS256
 * JWTs (jsonwebtoken) whose `sub` is the customer id, each verified once and remembered until it expires.
 * One module, because core asks one question of it on every request (`verifyToken`) and the answer is all
 * here: the key, the claims a token of ours carries, and the memo that skips the signature check next time.
 *
 * The key is a KeyObject built once: given a string, jsonwebtoken would parse it as a key on every call, many
 * times the cost of a check (docs/notes/server-measurements.md).
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { TOKEN_LIFETIME_SECONDS, type HostAuth } from '@customer-portal/core';
import type { DeviceTokens } from './device-tokens.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password.js';

export { TOKEN_LIFETIME_SECONDS };

/**
 * core's HostAuth for the server. An unknown email is checked against a dummy hash, so that it costs the
 * same scrypt run as a wrong password and response times do not reveal which accounts exist. With device
 * tokens, each sign-in answers a new one (OWASP: a new device cookie on each success).
 *
 * @example
 * const auth = createServerAuth(createTokenService(secret), createDeviceTokens(secret));
 * const portal = createPortal({ store, auth });
 */
export function createServerAuth(tokens: TokenService, devices?: DeviceTokens): HostAuth {
  return {
    ...(devices && { issueDeviceToken: async (account: string) => devices.issue(account) }),
    async verifyPassword(passwordHash, password) {
      const matches = await verifyPassword(passwordHash ?? DUMMY_PASSWORD_HASH, password);
      return passwordHash !== undefined && matches;
    },
    async issueToken(customerId) {
      return tokens.issue(customerId);
    },
    async verifyToken(token) {
      return tokens.verify(token);
    },
  };
}

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
 * not exactly what `issue` writes (see issuedClaims).
 * A token that verified is remembered until its `exp` (see createVerifiedTokens), so that a customer's later
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

/**
 * A bounded memo of tokens whose signature has already been checked. Verifying an HS256 JWT with
 * jsonwebtoken (decode, JSON parse, HMAC, claim checks) would be paid again on every request a signed-in
 * customer makes with the same token; the memo pays it once per token, and core verifies a token once per
 * request (docs/decisions/013). The whole token is the key, signature included, so a token altered in any
 * byte is never found and is verified in full. Expiry is still checked on every hit, and the customer is still
 * looked up by the caller on every request, so an expired token or a deleted customer is refused exactly as
 * before.
 */

/** What a verified token said: whose it is and until when (seconds since the epoch, the JWT `exp`). */
interface VerifiedToken {
  customerId: number;
  exp: number;
}

interface VerifiedTokens {
  /** The customer a remembered token names, if it is remembered and not expired at `nowSeconds`. */
  get(token: string, nowSeconds: number): number | undefined;
  remember(token: string, verified: VerifiedToken): void;
}

/** Enough for every customer signed in at once on one server; a few hundred bytes each. */
const VERIFIED_TOKENS_CAPACITY = 10_000;

/**
 * @example
 * const memo = createVerifiedTokens();
 * memo.remember(token, { customerId: 1, exp: 1_900_000_000 });
 * memo.get(token, Math.floor(Date.now() / 1000)); // 1
 */
export function createVerifiedTokens(capacity = VERIFIED_TOKENS_CAPACITY): VerifiedTokens {
  // A Map iterates in insertion order, so its first key is the oldest entry: the one to evict when full.
  const entries = new Map<string, VerifiedToken>();
  return {
    get(token, nowSeconds) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      // The same rule as jsonwebtoken's: a token is expired from the second its `exp` names.
      if (nowSeconds >= entry.exp) {
        entries.delete(token);
        return undefined;
      }
      return entry.customerId;
    },
    remember(token, verified) {
      if (entries.size >= capacity) entries.delete(entries.keys().next().value as string);
      entries.set(token, verified);
    },
  };
}
