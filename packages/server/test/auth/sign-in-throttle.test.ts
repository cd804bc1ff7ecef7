/** The sign-in throttle's rules, on a clock the test moves (issue 16, finding 1). */
import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, ADDRESS_POLICY, createSignInThrottle, type SignInAttempt, type SignInOutcome, type SignInThrottle } from '../../src/auth/sign-in-throttle.js';

function throttleOnAClock(maxTracked?: number) {
  let now = 0;
  const throttle = createSignInThrottle({ now: () => now, ...(maxTracked && { maxTracked }) });
  /** One sign-in: the lock in ms if refused, else 0 after it ended with `outcome`. */
  const signIn = async (account: string | undefined, address: string, outcome: SignInOutcome = 'failed') => {
    const attempt = await throttle.begin(account, address);
    if ('retryAfterMs' in attempt) return attempt.retryAfterMs;
    attempt.end(outcome);
    return 0;
  };
  return { throttle, signIn, wait: (ms: number) => (now += ms) };
}

describe('per account', () => {
  it('allows five failures, then locks for 1 s, and doubles the lock with each further failure', async () => {
    const { signIn, wait } = throttleOnAClock();
    for (let i = 0; i < 4; i++) expect(await signIn('ali', `10.0.0.${i}`)).toBe(0);
    expect(await signIn('ali', '10.0.0.9')).toBe(0); // the fifth failure sets the first lock
    expect(await signIn('ali', '10.0.0.10')).toBe(1000);
    wait(1000);
    expect(await signIn('ali', '10.0.0.11')).toBe(0);
    expect(await signIn('ali', '10.0.0.12')).toBe(2000);
    wait(2000);
    expect(await signIn('ali', '10.0.0.13')).toBe(0);
    expect(await signIn('ali', '10.0.0.14')).toBe(4000);
  });

  it(`never locks an account for more than ${ACCOUNT_POLICY.maxLockMs / 1000} s, however many failures`, async () => {
    const { signIn, wait } = throttleOnAClock();
    let longest = 0;
    for (let i = 0; i < 200; i++) {
      const lock = await signIn('ali', `10.1.${i >> 8}.${i & 255}`);
      longest = Math.max(longest, lock);
      wait(lock);
    }
    expect(longest).toBe(ACCOUNT_POLICY.maxLockMs);
  });

  it('a correct password clears the count', async () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < 4; i++) await signIn('ali', 'home');
    await signIn('ali', 'home', 'succeeded');
    for (let i = 0; i < 4; i++) expect(await signIn('ali', 'home')).toBe(0);
  });

  it('forgets failures after 15 quiet minutes', async () => {
    const { signIn, wait } = throttleOnAClock();
    for (let i = 0; i < 5; i++) await signIn('ali', 'home');
    wait(ACCOUNT_POLICY.forgetAfterMs + 1);
    for (let i = 0; i < 5; i++) expect(await signIn('ali', 'home')).toBe(0);
  });

  it('does not count a request that was no sign-in attempt (a 422 body)', async () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < 10; i++) await signIn('ali', 'home', 'not-an-attempt');
    expect(await signIn('ali', 'home')).toBe(0);
  });

  it('locks one account, not the others', async () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < 6; i++) await signIn('ali', `10.0.0.${i}`);
    expect(await signIn('ali', '10.9.9.9')).toBeGreaterThan(0);
    expect(await signIn('sara', '10.9.9.9')).toBe(0);
  });
});

describe('per address', () => {
  it(`allows ${ADDRESS_POLICY.freeAttempts} failures across any accounts, then locks the address`, async () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < ADDRESS_POLICY.freeAttempts; i++) expect(await signIn(`guess${i}@example.com`, 'attacker')).toBe(0);
    expect(await signIn('another@example.com', 'attacker')).toBe(1000);
    expect(await signIn('another@example.com', 'elsewhere')).toBe(0);
  });

  it(`never locks an address for more than ${ADDRESS_POLICY.maxLockMs / 1000} s`, async () => {
    const { signIn, wait } = throttleOnAClock();
    let longest = 0;
    for (let i = 0; i < 300; i++) {
      const lock = await signIn(`guess${i}`, 'attacker');
      longest = Math.max(longest, lock);
      wait(lock);
    }
    expect(longest).toBe(ADDRESS_POLICY.maxLockMs);
  });

  it("a success does not clear the address's failures, and is not counted as one", async () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < ADDRESS_POLICY.freeAttempts - 1; i++) await signIn(`guess${i}`, 'attacker');
    for (let i = 0; i < 50; i++) expect(await signIn('own-account', 'attacker', 'succeeded')).toBe(0);
    expect(await signIn('guess-last', 'attacker')).toBe(0);
    expect(await signIn('guess-after', 'attacker')).toBe(1000);
  });

  it('an address that only signs in successfully is never locked (a busy office, a benchmark)', async () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < 1000; i++) expect(await signIn('ali', 'office', 'succeeded')).toBe(0);
  });
});

describe('attempts sent together', () => {
  /** Begins `count` sign-ins at once; each resolves to its attempt once the throttle lets it through. */
  const together = (throttle: SignInThrottle, count: number, account: string, address = 'office') =>
    Array.from({ length: count }, () => throttle.begin(account, address));
  const settled = async <T>(promises: Promise<T>[]) => {
    const seen: (T | 'waiting')[] = promises.map(() => 'waiting');
    promises.forEach((p, i) => void p.then((value) => (seen[i] = value)));
    await new Promise((resolve) => setImmediate(resolve));
    return seen;
  };
  const ended = (attempt: SignInAttempt | 'waiting') => attempt !== 'waiting' && 'end' in attempt;

  it('eight right passwords for one account all get through: five at once, the rest as those end', async () => {
    const { throttle } = throttleOnAClock();
    const attempts = together(throttle, 8, 'ali');
    const first = await settled(attempts);
    expect(first.filter(ended)).toHaveLength(5);
    expect(first.filter((a) => a === 'waiting')).toHaveLength(3);
    for (const attempt of first) if (attempt !== 'waiting' && 'end' in attempt) attempt.end('succeeded');
    const later = await settled(attempts);
    expect(later.every(ended)).toBe(true);
  });

  it('guesses beyond the free attempts wait for those in flight, and are locked out when those fail', async () => {
    const { throttle } = throttleOnAClock();
    const attempts = together(throttle, 32, 'ali', 'attacker');
    const first = await settled(attempts);
    expect(first.filter(ended)).toHaveLength(ACCOUNT_POLICY.freeAttempts);
    for (const attempt of first) if (attempt !== 'waiting' && 'end' in attempt) attempt.end('failed');
    const later = await settled(attempts);
    expect(later.slice(ACCOUNT_POLICY.freeAttempts)).toEqual(Array(32 - ACCOUNT_POLICY.freeAttempts).fill({ retryAfterMs: 1000 }));
  });

  it('an attempt that is no sign-in (a 422 body) makes room without counting', async () => {
    const { throttle, signIn } = throttleOnAClock();
    const attempts = together(throttle, 6, 'ali');
    const first = await settled(attempts);
    for (const attempt of first) if (attempt !== 'waiting' && 'end' in attempt) attempt.end('not-an-attempt');
    expect((await settled(attempts)).every(ended)).toBe(true);
    expect(await signIn('ali', 'office')).toBe(0);
  });

  it('refuses at once an attempt that finds 64 already waiting for the account', async () => {
    const { throttle } = throttleOnAClock();
    const attempts = together(throttle, ACCOUNT_POLICY.freeAttempts + 64 + 1, 'ali');
    const seen = await settled(attempts);
    expect(seen.filter((a) => a === 'waiting')).toHaveLength(64);
    expect(seen.at(-1)).toEqual({ retryAfterMs: 1000 });
  });
});

describe('memory', () => {
  it('remembers at most maxTracked accounts, forgetting the least recently failed first', async () => {
    const { signIn } = throttleOnAClock(3);
    for (let i = 0; i < 5; i++) await signIn('first', `a${i}`);
    for (const other of ['b', 'c', 'd']) await signIn(other, 'x');
    expect(await signIn('first', 'fresh')).toBe(0);
  });
});
