import { describe, expect, it } from 'vitest';
import { createDeviceTokens, DEVICE_TOKEN_LIFETIME_SECONDS } from '../../src/auth/device-tokens.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

describe('device tokens', () => {
  const devices = createDeviceTokens(SECRET);

  it("name a device of the account they were issued for, and of no other", () => {
    const token = devices.issue('ali.jawad@example.com');
    expect(devices.deviceOf(token, 'ali.jawad@example.com')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(devices.deviceOf(token, 'sara.khan@example.com')).toBeUndefined();
  });

  it('are a new device each time, and do not spell out the account', () => {
    const [first, second] = [devices.issue('ali.jawad@example.com'), devices.issue('ali.jawad@example.com')];
    expect(devices.deviceOf(first, 'ali.jawad@example.com')).not.toBe(devices.deviceOf(second, 'ali.jawad@example.com'));
    expect(first).not.toMatch(/ali|example/);
  });

  it.each([
    ['another key', () => createDeviceTokens('another-secret-that-is-long-enough-0000').issue('ali.jawad@example.com')],
    ['a changed expiry', () => devices.issue('ali.jawad@example.com').replace(/^\d+/, (exp) => String(Number(exp) + 1))],
    ['a changed MAC', () => `${devices.issue('ali.jawad@example.com').slice(0, -3)}AAA`],
    ['not a token at all', () => 'device-1'],
  ])('refuse %s', (_name, token) => {
    expect(devices.deviceOf(token(), 'ali.jawad@example.com')).toBeUndefined();
  });

  it(`expire after ${DEVICE_TOKEN_LIFETIME_SECONDS / 86_400} days`, () => {
    let now = Date.UTC(2026, 0, 1);
    const clocked = createDeviceTokens(SECRET, () => now);
    const token = clocked.issue('ali.jawad@example.com');
    now += DEVICE_TOKEN_LIFETIME_SECONDS * 1000 - 1000;
    expect(clocked.deviceOf(token, 'ali.jawad@example.com')).toBeDefined();
    now += 1000;
    expect(clocked.deviceOf(token, 'ali.jawad@example.com')).toBeUndefined();
  });
});
