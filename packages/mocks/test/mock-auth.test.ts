import { describe, expect, it } from 'vitest';
import { createMockAuth } from '../src/mock-auth.js';

describe('createMockAuth', () => {
  it('accepts exactly the stored sample password, and nothing for an unknown account', async () => {
    const auth = createMockAuth();
    expect(await auth.verifyPassword('customer123', 'customer123')).toBe(true);
    expect(await auth.verifyPassword('customer123', 'Customer123')).toBe(false);
    expect(await auth.verifyPassword(undefined, 'customer123')).toBe(false);
  });

  it('issues a distinct token each time, each naming its customer until forget()', async () => {
    const auth = createMockAuth();
    const first = await auth.issueToken(1);
    const second = await auth.issueToken(1);
    expect(first.access_token).not.toBe(second.access_token);
    expect(await auth.verifyToken(second.access_token)).toBe(1);
    expect(await auth.verifyToken('mock.1.' + '0'.repeat(32))).toBeUndefined();

    auth.forget();
    expect(await auth.verifyToken(first.access_token)).toBeUndefined();
  });
});
