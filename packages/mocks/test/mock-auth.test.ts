import { jwtDecode } from 'jwt-decode';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockAuth } from '../src/mock-auth.js';

describe('createMockAuth', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts exactly the stored sample password, and nothing for an unknown account', async () => {
    const auth = createMockAuth();
    expect(await auth.verifyPassword('customer123', 'customer123')).toBe(true);
    expect(await auth.verifyPassword('customer123', 'Customer123')).toBe(false);
    expect(await auth.verifyPassword(undefined, 'customer123')).toBe(false);
  });

  it('issues tokens jwt-decode reads like the server’s: sub, iat and exp an hour later', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 15, 9, 0, 0) });
    const { access_token, expires_in } = await createMockAuth().issueToken(1);
    expect(jwtDecode(access_token)).toEqual({ sub: '1', iat: 1768467600, exp: 1768467600 + 3600 });
    expect(jwtDecode(access_token, { header: true })).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(expires_in).toBe(3600);
  });

  it('issues a distinct token each time, each naming its customer until forget()', async () => {
    const auth = createMockAuth();
    const first = await auth.issueToken(1);
    const second = await auth.issueToken(1);
    expect(first.access_token).not.toBe(second.access_token);
    expect(await auth.verifyToken(second.access_token)).toBe(1);
    auth.forget();
    expect(await auth.verifyToken(first.access_token)).toBeUndefined();
  });

  it('refuses a token with a claim changed, since only the issued text is remembered', async () => {
    const auth = createMockAuth();
    const [header, , rest] = (await auth.issueToken(1)).access_token.split('.');
    const forged = `${header}.${btoa(JSON.stringify({ sub: '2', iat: 0, exp: 9999999999 })).replace(/=+$/, '')}.${rest}`;
    expect(await auth.verifyToken(forged)).toBeUndefined();
  });

  it('accepts a token until the second its exp names, as the server does', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 15, 9, 0, 0) });
    const auth = createMockAuth({ tokenLifetimeSeconds: 60 });
    const { access_token, expires_in } = await auth.issueToken(2);
    expect(expires_in).toBe(60);
    vi.advanceTimersByTime(59_999);
    expect(await auth.verifyToken(access_token)).toBe(2);
    vi.advanceTimersByTime(1);
    expect(await auth.verifyToken(access_token)).toBeUndefined();
  });

  it.each([0, -5, 1.5])('refuses a token lifetime of %s seconds', (seconds) => {
    expect(() => createMockAuth({ tokenLifetimeSeconds: seconds })).toThrow('tokenLifetimeSeconds must be a whole number of seconds, 1 or more');
  });

  it('issues a device token at sign-in, and answers it again when its own account sends it back', async () => {
    const auth = createMockAuth();
    const first = await auth.issueDeviceToken!('ali.jawad@example.com', undefined);
    expect(first).toEqual(expect.any(String));
    expect(await auth.issueDeviceToken!('ali.jawad@example.com', first)).toBe(first);
  });

  it("answers a new device token to a token it never issued, or issued for another account", async () => {
    const auth = createMockAuth();
    const ali = await auth.issueDeviceToken!('ali.jawad@example.com', undefined);
    expect(await auth.issueDeviceToken!('sara.khan@example.com', ali)).not.toBe(ali);
    expect(await auth.issueDeviceToken!('ali.jawad@example.com', 'made-up')).not.toBe('made-up');
  });
});
