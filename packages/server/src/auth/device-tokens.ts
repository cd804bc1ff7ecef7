/**
 * Device tokens, after OWASP's device cookies, carried in the API rather than a cookie so that they work from
 * any origin: a successful sign-in answers one bound to its account; a later sign-in for that account that
 * sends it back is counted on that device alone (sign-in-throttle.ts), so a guesser elsewhere cannot lock the
 * customer out. A token is `<exp>.<nonce>.<mac>`: the MAC (HMAC-SHA256, with a key derived from the token
 * signing key) covers the expiry, the nonce and the account, which the token does not spell out.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Seconds a device token stays good: a device that signs in once a quarter stays trusted. */
export const DEVICE_TOKEN_LIFETIME_SECONDS = 90 * 24 * 3600;

const TOKEN = /^(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export interface DeviceTokens {
  /** A new token for `account` (the lower-cased email). */
  issue(account: string): string;
  /** The device (the token's nonce) when `token` is a current one of `account`'s; otherwise undefined. */
  deviceOf(token: string | undefined, account: string): string | undefined;
}

/**
 * @example
 * const devices = createDeviceTokens(secret);
 * const token = devices.issue('ali.jawad@example.com');
 * devices.deviceOf(token, 'ali.jawad@example.com'); // 'q1Ghk2rY3m0xXk9Vb7cTZA'
 * devices.deviceOf(token, 'sara.khan@example.com'); // undefined
 */
export function createDeviceTokens(secret: string | Buffer, now: () => number = Date.now): DeviceTokens {
  // A key of their own, so that no device token's MAC is ever a valid signature of anything else.
  const key = createHmac('sha256', secret).update('customer-portal device tokens v1').digest();
  const mac = (exp: string, nonce: string, account: string) => createHmac('sha256', key).update(`${exp}.${nonce}.${account}`).digest();
  return {
    issue(account) {
      const exp = String(Math.floor(now() / 1000) + DEVICE_TOKEN_LIFETIME_SECONDS);
      const nonce = randomBytes(16).toString('base64url');
      return `${exp}.${nonce}.${mac(exp, nonce, account).toString('base64url')}`;
    },
    deviceOf(token, account) {
      const parts = token === undefined ? null : TOKEN.exec(token);
      if (!parts) return undefined;
      const [, exp, nonce, sent] = parts as unknown as [string, string, string, string];
      if (Number(exp) * 1000 <= now()) return undefined;
      const expected = mac(exp, nonce, account);
      const given = Buffer.from(sent, 'base64url');
      return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : undefined;
    },
  };
}
