import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../src/index.js';

describe('scrypt password hashes', () => {
  const hash = hashPassword('customer123');

  it('stores the scheme, cost, salt and key, never the password', () => {
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('customer123');
  });

  it('salts every hash, so equal passwords do not give equal hashes', () => {
    expect(hashPassword('customer123')).not.toBe(hash);
  });

  it.each([
    ['the right password', 'customer123', true],
    ['a wrong password', 'customer124', false],
    ['a different case', 'CUSTOMER123', false],
    ['an empty password', '', false],
  ])('%s: %s', async (_name, password, matches) => {
    expect(await verifyPassword(hash, password)).toBe(matches);
  });

  it('matches a password typed in another Unicode normal form', async () => {
    expect(await verifyPassword(hashPassword('caf\u00e9'), 'cafe\u0301')).toBe(true);
  });

  it.each([
    ['another scheme', hash.replace('scrypt', 'bcrypt')],
    ['a cost that is not a power of two', hash.replace('$16384$', '$10000$')],
    ['a cost too high to compute', hash.replace('$16384$', '$1073741824$')],
    ['a missing key', hash.split('$').slice(0, 5).join('$')],
    ['an extra field', `${hash}$x`],
    ['a plain password', 'customer123'],
  ])('never matches a malformed hash: %s', async (_name, malformed) => {
    expect(await verifyPassword(malformed, 'customer123')).toBe(false);
  });

  it('keeps a dummy hash at the current cost, so unknown emails cost a real check', async () => {
    expect(DUMMY_PASSWORD_HASH.split('$').slice(0, 4)).toEqual(hash.split('$').slice(0, 4));
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, 'customer123')).toBe(false);
  });
});
