/**
 * Sign-in throttling (issue 16, finding 1), per account and per client address: a few free attempts, then
 * a lock that doubles with each further failure, capped at a few minutes, and forgotten after a quiet
 * quarter of an hour. A sign-in that succeeds clears its account. Kept in this process's memory, bounded in
 * size: several server processes each keep their own counts (SECURITY.md says what that means).
 */

export interface ThrottlePolicy {
  /** Failures allowed before the first lock. */
  freeAttempts: number;
  /** The first lock; each further failure doubles it. */
  firstLockMs: number;
  /** No lock lasts longer than this, however many failures: a customer is never locked out for long. */
  maxLockMs: number;
  /** Failures this long ago are forgotten. */
  forgetAfterMs: number;
}

/** Five wrong passwords in a row lock an account for 1 s, then 2 s, 4 s... never more than 2 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeAttempts: 5, firstLockMs: 1000, maxLockMs: 120_000, forgetAfterMs: 15 * 60_000 };

/** An address may fail more (a shared office, a NAT), and is locked for at most 5 minutes. */
export const ADDRESS_POLICY: ThrottlePolicy = { freeAttempts: 20, firstLockMs: 1000, maxLockMs: 300_000, forgetAfterMs: 15 * 60_000 };

/** How many accounts and addresses are remembered; the least recently seen are forgotten first. */
const MAX_TRACKED = 10_000;

export type SignInOutcome = 'succeeded' | 'failed' | 'not-an-attempt';

export interface SignInThrottle {
  /**
   * Starts a sign-in for the account (a lower-cased email, if the body had one) from the address. Returns
   * the milliseconds to wait when either is locked; otherwise counts the attempt as a failure at once (so
   * that 32 attempts sent together are counted as 32, not after their passwords are checked) and returns
   * `end`, which says how it went.
   */
  begin(account: string | undefined, address: string): { retryAfterMs: number } | { end(outcome: SignInOutcome): void };
}

interface Record_ {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

/**
 * @example
 * const throttle = createSignInThrottle();
 * const attempt = throttle.begin('ali.jawad@example.com', '203.0.113.7');
 * if ('retryAfterMs' in attempt) throw tooManySignIns(attempt.retryAfterMs);
 * attempt.end(signedIn ? 'succeeded' : 'failed');
 */
export function createSignInThrottle(
  options: { now?: () => number; account?: ThrottlePolicy; address?: ThrottlePolicy; maxTracked?: number } = {},
): SignInThrottle {
  const now = options.now ?? Date.now;
  const accounts = createCounter(options.account ?? ACCOUNT_POLICY, options.maxTracked ?? MAX_TRACKED);
  const addresses = createCounter(options.address ?? ADDRESS_POLICY, options.maxTracked ?? MAX_TRACKED);
  return {
    begin(account, address) {
      const at = now();
      const wait = Math.max(account === undefined ? 0 : accounts.lockedFor(account, at), addresses.lockedFor(address, at));
      if (wait > 0) return { retryAfterMs: wait };
      if (account !== undefined) accounts.fail(account, at);
      addresses.fail(address, at);
      return {
        end(outcome) {
          if (outcome === 'failed') return;
          // A success clears the account; at the address it takes back only its own count, so that an
          // attacker who owns one account cannot wipe the failures of the address they guess others' from.
          if (account !== undefined) accounts.forgive(account, outcome === 'succeeded');
          addresses.forgive(address, false);
        },
      };
    },
  };
}

function createCounter(policy: ThrottlePolicy, maxTracked: number) {
  const records = new Map<string, Record_>();

  const current = (key: string, at: number): Record_ | undefined => {
    const record = records.get(key);
    if (record && at - record.lastFailure > policy.forgetAfterMs) {
      records.delete(key);
      return undefined;
    }
    return record;
  };

  return {
    lockedFor(key: string, at: number): number {
      const record = current(key, at);
      return record ? Math.max(0, record.lockedUntil - at) : 0;
    },
    fail(key: string, at: number): void {
      const record = current(key, at) ?? { failures: 0, lockedUntil: 0, lastFailure: at };
      record.failures += 1;
      record.lastFailure = at;
      const over = record.failures - policy.freeAttempts;
      if (over >= 0) record.lockedUntil = at + Math.min(policy.firstLockMs * 2 ** Math.min(over, 30), policy.maxLockMs);
      // Re-inserted, so that the Map's order is least recently failed first.
      records.delete(key);
      records.set(key, record);
      if (records.size > maxTracked) records.delete(records.keys().next().value!);
    },
    /** Takes back a counted failure; `all` forgets the key altogether. */
    forgive(key: string, all: boolean): void {
      const record = records.get(key);
      if (!record) return;
      if (all || record.failures <= 1) records.delete(key);
      else record.failures -= 1;
      if (record.failures < policy.freeAttempts) record.lockedUntil = 0;
    },
  };
}
