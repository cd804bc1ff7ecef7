import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveJwtSecret } from '../../src/index.js';

describe('the token signing key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'portal-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is JWT_SECRET when given', () => {
    expect(resolveJwtSecret('given-secret', join(dir, 'portal.db'))).toEqual({ value: 'given-secret', origin: 'given' });
  });

  it('is otherwise created beside the database, readable by its owner only', () => {
    const secret = resolveJwtSecret(undefined, join(dir, 'data', 'portal.db'));
    const file = join(dir, 'data', 'jwt-secret');
    expect(secret).toEqual({ value: expect.stringMatching(/^[\w-]{43}$/), origin: 'created', file });
    expect(readFileSync(file, 'utf8').trim()).toBe(secret.value);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is read back on the next start, so sessions survive a restart', () => {
    const first = resolveJwtSecret(undefined, join(dir, 'portal.db'));
    expect(resolveJwtSecret(undefined, join(dir, 'portal.db'))).toEqual({ ...first, origin: 'file' });
  });

  it('refuses an empty key file rather than sign with an empty key', () => {
    writeFileSync(join(dir, 'jwt-secret'), '\n');
    expect(() => resolveJwtSecret(undefined, join(dir, 'portal.db'))).toThrow(/jwt-secret is empty/);
  });

  it('lives in memory only for an in-memory database', () => {
    expect(resolveJwtSecret(undefined, ':memory:').origin).toBe('memory');
  });
});
