/** The sign-in throttle's rules, counted in memory (the database counts are shown in abuse/sign-in-storm.test.ts). */
import { describe, expect, it } from 'vitest';
import { createDeviceTokens } from '../../src/auth/device-tokens.js';
import { ACCOUNT_POLICY, ADDRESS_POLICY, createSignInThrottle, DEVICE_POLICY, type SignInOutcome } from '../../src/auth/sign-in-throttle.js';

const devices = createDeviceTokens('a-test-secret-that-is-long-enough-for-hs256');

function throttled() {
  const throttle = createSignInThrottle({ devices });
  /** One sign-in: the wait in ms if refused, else 0 after it ended with `outcome`. */
  const signIn = async (account: string | undefined, address: string, outcome: SignInOutcome = 'failed', deviceToken?: string) => {
    const attempt = await throttle.begin(account, address, deviceToken);
    if ('retryAfterMs' in attempt) return attempt.retryAfterMs;
    attempt.end(outcome);
    return 0;
  };
  return { throttle, signIn };
}

const fifteenMinutes = 15 * 60_000;

describe('per account, for clients without its device token', () => {
  it(`allows ${ACCOUNT_POLICY.freeFailures} failures, then refuses until the quarter hour is over, even from other addresses`, async () => {
    const { signIn } = throttled();
    for (let i = 0; i < ACCOUNT_POLICY.freeFailures; i++) expect(await signIn('ali', `10.0.0.${i}`)).toBe(0);
    const wait = await signIn('ali', '10.0.0.99', 'succeeded');
    expect(wait).toBeGreaterThan(fifteenMinutes - 5000);
    expect(wait).toBeLessThanOrEqual(fifteenMinutes);
  });

  it('does not count a success, or a request that was no sign-in attempt (a 422 body)', async () => {
    const { signIn } = throttled();
    for (let i = 0; i < 50; i++) expect(await signIn('ali', `10.0.1.${i}`, i % 2 ? 'succeeded' : 'not-an-attempt')).toBe(0);
  });

  it('counts one account, not the others', async () => {
    const { signIn } = throttled();
    for (let i = 0; i < ACCOUNT_POLICY.freeFailures; i++) await signIn('ali', `10.0.2.${i}`);
    expect(await signIn('ali', '10.0.2.100')).toBeGreaterThan(0);
    expect(await signIn('sara', '10.0.2.101')).toBe(0);
  });
});

describe('per device, for a client that sends its account device token', () => {
  it('is not locked out by failures from elsewhere', async () => {
    const { signIn } = throttled();
    const token = devices.issue('ali');
    for (let i = 0; i < 40; i++) await signIn('ali', `10.1.0.${i}`);
    expect(await signIn('ali', '10.1.0.200', 'succeeded')).toBeGreaterThan(0);
    expect(await signIn('ali', '10.1.0.201', 'succeeded', token)).toBe(0);
  });

  it(`is refused after its own ${DEVICE_POLICY.freeFailures} failures, and other devices of the account are not`, async () => {
    const { signIn } = throttled();
    const mine = devices.issue('ali');
    for (let i = 0; i < DEVICE_POLICY.freeFailures; i++) expect(await signIn('ali', '10.1.1.1', 'failed', mine)).toBe(0);
    expect(await signIn('ali', '10.1.1.1', 'succeeded', mine)).toBeGreaterThan(0);
    expect(await signIn('ali', '10.1.1.2', 'succeeded', devices.issue('ali'))).toBe(0);
  });

  it("counts another account's device token, or a forged one, as no device token at all", async () => {
    const { signIn } = throttled();
    for (let i = 0; i < ACCOUNT_POLICY.freeFailures; i++) await signIn('ali', `10.1.2.${i}`);
    const sarasToken = devices.issue('sara');
    expect(await signIn('ali', '10.1.2.100', 'succeeded', sarasToken)).toBeGreaterThan(0);
    expect(await signIn('ali', '10.1.2.101', 'succeeded', `${devices.issue('ali').slice(0, -2)}AA`)).toBeGreaterThan(0);
  });
});

describe('per address, for clients without a device token', () => {
  it(`allows ${ADDRESS_POLICY.freeFailures} failures across any accounts, then refuses the address`, async () => {
    const { signIn } = throttled();
    for (let i = 0; i < ADDRESS_POLICY.freeFailures; i++) expect(await signIn(`guess${i}`, '203.0.113.9')).toBe(0);
    expect(await signIn('someone-else', '203.0.113.9', 'succeeded')).toBeGreaterThan(0);
    expect(await signIn('someone-else', '203.0.113.10', 'succeeded')).toBe(0);
  });

  it('does not refuse a customer behind the address who sends a device token', async () => {
    const { signIn } = throttled();
    for (let i = 0; i < ADDRESS_POLICY.freeFailures; i++) await signIn(`guess${i}`, '203.0.113.20');
    expect(await signIn('ali', '203.0.113.20', 'succeeded', devices.issue('ali'))).toBe(0);
  });

  it('counts an IPv6 client by its /64, and an IPv4-mapped address as the IPv4 one', async () => {
    const { signIn } = throttled();
    for (let i = 0; i < ADDRESS_POLICY.freeFailures; i++) await signIn(`guess${i}`, `2001:db8:0:7::${i + 1}`);
    expect(await signIn('x', '2001:db8:0:7:ffff::1')).toBeGreaterThan(0);
    for (let i = 0; i < ADDRESS_POLICY.freeFailures; i++) await signIn(`guess${i}`, '::ffff:198.51.100.4');
    expect(await signIn('x', '198.51.100.4')).toBeGreaterThan(0);
  });
});

describe('attempts sent together', () => {
  it('32 guesses at once: ten are checked, the others refused at once (never held open)', async () => {
    const { throttle } = throttled();
    const attempts = await Promise.all(Array.from({ length: 32 }, () => throttle.begin('ali', '10.2.0.1')));
    const checked = attempts.filter((attempt) => 'end' in attempt);
    expect(checked).toHaveLength(ACCOUNT_POLICY.freeFailures);
    for (const attempt of checked) if ('end' in attempt) attempt.end('failed');
    expect('retryAfterMs' in (await throttle.begin('ali', '10.2.0.2'))).toBe(true);
  });

  it('eight right passwords at once are all checked, and their points are handed back', async () => {
    const { throttle, signIn } = throttled();
    const attempts = await Promise.all(Array.from({ length: 8 }, () => throttle.begin('ali', '10.2.1.1')));
    expect(attempts.every((attempt) => 'end' in attempt)).toBe(true);
    for (const attempt of attempts) if ('end' in attempt) attempt.end('succeeded');
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (let i = 0; i < ACCOUNT_POLICY.freeFailures; i++) expect(await signIn('ali', '10.2.1.1')).toBe(0);
  });

  it('a refusal does not count, so refused guesses never lengthen the wait', async () => {
    const { throttle, signIn } = throttled();
    for (let i = 0; i < ACCOUNT_POLICY.freeFailures - 1; i++) await signIn('ali', '10.2.2.1');
    const burst = await Promise.all(Array.from({ length: 5 }, () => throttle.begin('ali', '10.2.2.1')));
    expect(burst.filter((attempt) => 'end' in attempt)).toHaveLength(1);
    for (const attempt of burst) if ('end' in attempt) attempt.end('succeeded');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await signIn('ali', '10.2.2.1')).toBe(0);
  });
});
