/**
 * `pg` is an optional peer of the server: an app on SQLite installs nothing for PostgreSQL, and its types
 * never name `pg`. The PostgreSQL store is '@customer-portal/server/postgres'; a server given DATABASE_URL
 * without `pg` installed says in one sentence what to install.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPg, PG_MISSING } from '../src/store/postgres/load-pg.js';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

/** Every declaration file that `entry` reaches through relative imports, with its text. */
function declarationsReachedFrom(entry: string): Map<string, string> {
  const reached = new Map<string, string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    const text = readFileSync(file, 'utf8');
    reached.set(file, text);
    for (const [, spec] of text.matchAll(/from '(\.[^']+)'/g)) visit(resolve(dirname(file), spec!.replace(/\.js$/, '.d.ts')));
  };
  visit(join(packageDir, entry));
  return reached;
}

describe('pg, an optional peer of the server', () => {
  it('is a peer that npm does not install, not a dependency', () => {
    expect(manifest.dependencies).not.toHaveProperty('pg');
    expect(manifest.dependencies).not.toHaveProperty('@types/pg');
    expect(manifest.peerDependenciesMeta).toEqual({ pg: { optional: true }, '@types/pg': { optional: true } });
  });

  it("keeps pg's types out of everything the main entry declares; the postgres entry declares the store", () => {
    const main = declarationsReachedFrom(manifest.exports['.'].types);
    expect([...main].filter(([, text]) => /from 'pg'|import\('pg'\)/.test(text)).map(([file]) => file)).toEqual([]);
    expect(manifest.exports['./postgres']).toEqual({ types: './dist/postgres.d.ts', default: './dist/postgres.js' });
    expect(readFileSync(join(packageDir, 'dist/postgres.d.ts'), 'utf8')).toContain('createPostgresStore');
  });

  it('says in one sentence what to install when DATABASE_URL is given without pg', async () => {
    const missing = Object.assign(new Error("Cannot find package 'pg' imported from /app/node_modules/@customer-portal/server/dist/store/postgres/load-pg.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadPg(() => Promise.reject(missing))).rejects.toThrow(PG_MISSING);
    expect(PG_MISSING).toBe('DATABASE_URL names a PostgreSQL database, but the `pg` driver is not installed: run `npm install pg` in your app.');
  });

  it('lets any other failure to load pg through as it is', async () => {
    await expect(loadPg(() => Promise.reject(new Error('broken install')))).rejects.toThrow('broken install');
  });
});
