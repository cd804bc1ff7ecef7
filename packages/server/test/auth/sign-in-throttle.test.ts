/** The sign-in throttle's rules, on a clock the test moves (issue 16, finding 1). */
import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, ADDRESS_POLICY, createSignInThrottle, type SignInOutcome } from '../../src/auth/sign-in-throttle.js';

function throttleOnAClock(maxTracked?: number) {
  let now = 0;
  const throttle = createSignInThrottle({ now: () => now, ...(maxTracked && { maxTracked }) });
  /** One sign-in: the lock in ms if refused, else 0 after it ended with `outcome`. */
  const signIn = (account: string | undefined, address: string, outcome: SignInOutcome = 'failed') => {
    const attempt = throttle.begin(account, address);
    if ('retryAfterMs' in attempt) return attempt.retryAfterMs;
    attempt.end(outcome);
    return 0;
  };
  return { signIn, wait: (ms: number) => (now += ms) };
}

describe('per account', () => {
  it('allows five failures, then locks for 1 s, and doubles the lock with each further failure', () => {
    const { signIn, wait } = throttleOnAClock();
    for (let i = 0; i < 4; i++) expect(signIn('ali', `10.0.0.${i}`)).toBe(0);
    expect(signIn('ali', '10.0.0.9')).toBe(0); // the fifth failure sets the first lock
    expect(signIn('ali', '10.0.0.10')).toBe(1000);
    wait(1000);
    expect(signIn('ali', '10.0.0.11')).toBe(0);
    expect(signIn('ali', '10.0.0.12')).toBe(2000);
    wait(2000);
    expect(signIn('ali', '10.0.0.13')).toBe(0);
    expect(signIn('ali', '10.0.0.14')).toBe(4000);
  });

  it(`never locks an account for more than ${ACCOUNT_POLICY.maxLockMs / 1000} s, however many failures`, () => {
    const { signIn, wait } = throttleOnAClock();
    let longest = 0;
    for (let i = 0; i < 200; i++) {
      const lock = signIn('ali', `10.1.${i >> 8}.${i & 255}`);
      longest = Math.max(longest, lock);
      wait(lock);
    }
    expect(longest).toBe(ACCOUNT_POLICY.maxLockMs);
  });

  it('a correct password clears the count', () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < 4; i++) signIn('ali', 'home');
    signIn('ali', 'home', 'succeeded');
    for (let i = 0; i < 4; i++) expect(signIn('ali', 'home')).toBe(0);
  });

  it('forgets failures after 15 quiet minutes', () => {
    const { signIn, wait } = throttleOnAClock();
    for (let i = 0; i < 5; i++) signIn('ali', 'home');
    wait(ACCOUNT_POLICY.forgetAfterMs + 1);
    for (let i = 0; i < 5; i++) expect(signIn('ali', 'home')).toBe(0);
  });

  it('does not count a request that was no sign-in attempt (a 422 body)', () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < 10; i++) signIn('ali', 'home', 'not-an-attempt');
    expect(signIn('ali', 'home')).toBe(0);
  });

  it('locks one account, not the others', () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < 6; i++) signIn('ali', `10.0.0.${i}`);
    expect(signIn('ali', '10.9.9.9')).toBeGreaterThan(0);
    expect(signIn('sara', '10.9.9.9')).toBe(0);
  });
});

describe('per address', () => {
  it(`allows ${ADDRESS_POLICY.freeAttempts} failures across any accounts, then locks the address`, () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < ADDRESS_POLICY.freeAttempts; i++) expect(signIn(`guess${i}@example.com`, 'attacker')).toBe(0);
    expect(signIn('another@example.com', 'attacker')).toBe(1000);
    expect(signIn('another@example.com', 'elsewhere')).toBe(0);
  });

  it(`never locks an address for more than ${ADDRESS_POLICY.maxLockMs / 1000} s`, () => {
    const { signIn, wait } = throttleOnAClock();
    let longest = 0;
    for (let i = 0; i < 300; i++) {
      const lock = signIn(`guess${i}`, 'attacker');
      longest = Math.max(longest, lock);
      wait(lock);
    }
    expect(longest).toBe(ADDRESS_POLICY.maxLockMs);
  });

  it("a success does not clear the address's failures, and is not counted as one", () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < ADDRESS_POLICY.freeAttempts - 1; i++) signIn(`guess${i}`, 'attacker');
    for (let i = 0; i < 50; i++) expect(signIn('own-account', 'attacker', 'succeeded')).toBe(0);
    expect(signIn('guess-last', 'attacker')).toBe(0);
    expect(signIn('guess-after', 'attacker')).toBe(1000);
  });

  it('an address that only signs in successfully is never locked (a busy office, a benchmark)', () => {
    const { signIn } = throttleOnAClock();
    for (let i = 0; i < 1000; i++) expect(signIn('ali', 'office', 'succeeded')).toBe(0);
  });
});

describe('memory', () => {
  it('remembers at most maxTracked accounts, forgetting the least recently failed first', () => {
    const { signIn } = throttleOnAClock(3);
    for (let i = 0; i < 5; i++) signIn('first', `a${i}`);
    for (const other of ['b', 'c', 'd']) signIn(other, 'x');
    expect(signIn('first', 'fresh')).toBe(0);
  });
});
