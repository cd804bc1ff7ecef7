/**
 * A bounded memo of tokens whose signature has already been checked. Verifying an HS256 JWT with
 * jsonwebtoken (decode, JSON parse, HMAC, claim checks) would be paid again on every request a signed-in
 * customer makes with the same token; the memo pays it once per token, and core verifies a token once per
 * request (docs/decisions/013). The whole token
 * is the key, signature included, so a token altered in any byte is never found and is verified in full.
 * Expiry is still checked on every hit, and the customer is still looked up by the caller on every request,
 * so an expired token or a deleted customer is refused exactly as before.
 */

/** What a verified token said: whose it is and until when (seconds since the epoch, the JWT `exp`). */
interface VerifiedToken {
  customerId: number;
  exp: number;
}

export interface VerifiedTokens {
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
