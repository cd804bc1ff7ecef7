/**
 * Sign-in throttling (issue 16, finding 1), per account and per client address: a few free attempts, then
 * a lock that doubles with each further failure, capped at a few minutes, and forgotten after a quiet
 * quarter of an hour. A sign-in that succeeds clears its account. Kept in this process's memory, bounded in
 * size: several server processes each keep their own counts (SECURITY.md says what that means).
 *
 * Attempts still being checked count as if they will fail: an attempt that could not be afforded if they
 * did waits for them to end. So 32 guesses sent together hash at most five passwords, and eight right
 * passwords sent together (eight test workers signing in as one sample account) are all answered 200.
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

/** Attempts that may wait for one account or address; one more is refused at once. */
const MAX_WAITING = 64;

export type SignInOutcome = 'succeeded' | 'failed' | 'not-an-attempt';

export type SignInAttempt = { retryAfterMs: number } | { end(outcome: SignInOutcome): void };

export interface SignInThrottle {
  /**
   * Starts a sign-in for the account (a lower-cased email, if the body had one) from the address, once the
   * attempts in flight leave room for it. Resolves to the milliseconds to wait when either is locked;
   * otherwise to `end`, which must be called once, with how it went.
   */
  begin(account: string | undefined, address: string): Promise<SignInAttempt>;
}

interface Record_ {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

/**
 * @example
 * const throttle = createSignInThrottle();
 * const attempt = await throttle.begin('ali.jawad@example.com', '203.0.113.7');
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
    async begin(account, address) {
      for (;;) {
        const at = now();
        const wait = Math.max(account === undefined ? 0 : accounts.lockedFor(account, at), addresses.lockedFor(address, at));
        if (wait > 0) return { retryAfterMs: wait };
        const full = account !== undefined && accounts.isFull(account, at) ? accounts : addresses.isFull(address, at) ? addresses : undefined;
        if (!full) break;
        const turn = full.queue(full === accounts ? account! : address);
        // A line already full is answered like the first lock: retry in a second, no password hashed.
        if (!turn) return { retryAfterMs: 1000 };
        await turn;
      }
      if (account !== undefined) accounts.start(account);
      addresses.start(address);
      return {
        end(outcome) {
          const at = now();
          // A success clears the account; the address only ever counts failures, so that an attacker who
          // owns one account cannot wipe the failures of the address they guess others' from.
          if (account !== undefined) accounts.finish(account, at, outcome === 'failed', outcome === 'succeeded');
          addresses.finish(address, at, outcome === 'failed', false);
        },
      };
    },
  };
}

function createCounter(policy: ThrottlePolicy, maxTracked: number) {
  const records = new Map<string, Record_>();
  // Attempts begun and not yet ended, and the attempts waiting for one of them to end, by key.
  const inFlight = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();

  const current = (key: string, at: number): Record_ | undefined => {
    const record = records.get(key);
    if (record && at - record.lastFailure > policy.forgetAfterMs) {
      records.delete(key);
      return undefined;
    }
    return record;
  };

  const fail = (key: string, at: number): void => {
    const record = current(key, at) ?? { failures: 0, lockedUntil: 0, lastFailure: at };
    record.failures += 1;
    record.lastFailure = at;
    const over = record.failures - policy.freeAttempts;
    if (over >= 0) record.lockedUntil = at + Math.min(policy.firstLockMs * 2 ** Math.min(over, 30), policy.maxLockMs);
    // Re-inserted, so that the Map's order is least recently failed first.
    records.delete(key);
    records.set(key, record);
    if (records.size > maxTracked) records.delete(records.keys().next().value!);
  };

  return {
    lockedFor(key: string, at: number): number {
      const record = current(key, at);
      return record ? Math.max(0, record.lockedUntil - at) : 0;
    },
    /**
     * Whether one more attempt must wait: some are in flight, and they could lock the key if they all
     * failed. With none in flight an unlocked key takes one more, as a key whose lock just ran out does.
     */
    isFull(key: string, at: number): boolean {
      const running = inFlight.get(key) ?? 0;
      return running > 0 && (current(key, at)?.failures ?? 0) + running >= policy.freeAttempts;
    },
    /** A place in the key's line, resolved when an attempt in flight ends; undefined when the line is full. */
    queue(key: string): Promise<void> | undefined {
      const line = waiting.get(key) ?? [];
      if (line.length >= MAX_WAITING) return undefined;
      waiting.set(key, line);
      return new Promise<void>((resolve) => line.push(resolve));
    },
    start(key: string): void {
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
    },
    /** Ends an attempt: counted when it `failed`, the key's failures forgotten when it `clears`. */
    finish(key: string, at: number, failed: boolean, clears: boolean): void {
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left > 0) inFlight.set(key, left);
      else inFlight.delete(key);
      if (failed) fail(key, at);
      if (clears) records.delete(key);
      // Everyone waiting looks again: the lock may have come, or room been made.
      const line = waiting.get(key);
      waiting.delete(key);
      line?.forEach((resolve) => resolve());
    },
  };
}
