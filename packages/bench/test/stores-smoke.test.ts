/**
 * `npm run bench:stores -- --smoke`, run for real on the test cluster, so that the stores benchmark cannot
 * rot. It asserts that every store and workload was measured, never how fast anything was.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchEntry } from '../src/paths.js';
import { STORE_CONTENDERS } from '../src/stores/contenders.js';
import type { StoresResult } from '../src/stores/run-stores.js';

const run = promisify(execFile);
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

if (!TEST_DATABASE_URL) {
  // Not a skipped test: it says why nothing ran, and fails in CI, where a missing cluster is a broken setup.
  it('reports that the stores benchmark did not run, and fails in CI', () => {
    console.warn('bench:stores smoke skipped: TEST_DATABASE_URL is not set (eval "$(.ci/postgres start)" starts a cluster; .ci/run does)');
    expect(process.env.CI, 'CI must start PostgreSQL (.ci/postgres) and set TEST_DATABASE_URL').toBeUndefined();
  });
} else {
  describe('npm run bench:stores -- --smoke', () => {
    let out: string;
    let result: StoresResult;
    let printed: string;

    beforeAll(async () => {
      out = mkdtempSync(join(tmpdir(), 'bench-stores-smoke-'));
      const { stdout } = await run(process.execPath, [benchEntry('bench-stores'), '--smoke', '--out', out], { maxBuffer: 16 * 2 ** 20, timeout: 220_000 });
      printed = stdout;
      result = JSON.parse(readFileSync(join(out, 'stores.json'), 'utf8')) as StoresResult;
    }, 240_000);
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('measures every workload on SQLite, on PostgreSQL and on PostgreSQL with two processes', () => {
      const workloads = [...new Set(result.rows.map((r) => r.workload))];
      expect(workloads).toEqual(['orders', 'dashboard', 'message', 'mixed']);
      for (const workload of workloads) {
        expect(result.rows.filter((r) => r.workload === workload).map((r) => r.contender)).toEqual([...STORE_CONTENDERS]);
      }
    });

    it('reads the heavy customer from every PostgreSQL growth database', () => {
      expect(result.growth.rows.map((r) => `${r.workload} ${r.totalOrders}`)).toEqual([
        'orders 1200', 'orders 2000', 'dashboard 1200', 'dashboard 2000', 'search 1200', 'search 2000',
      ]);
    });

    it('prints both stores side by side', () => {
      expect(printed).toContain('## SQLite or PostgreSQL, side by side');
      expect(printed).toContain('PostgreSQL 2 / SQLite');
      expect(printed).toContain('## Growth with data, on PostgreSQL');
    });
  });
}
