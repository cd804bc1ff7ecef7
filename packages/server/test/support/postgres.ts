/**
 * The PostgreSQL the tests run against: the throwaway cluster `.ci/postgres start` makes, named by
 * TEST_DATABASE_URL. Without it the PostgreSQL tests do not run, say so, and fail in CI, where a missing
 * cluster is a broken setup, never a silent skip.
 */
import { describe, expect, it } from 'vitest';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** `describe`, on a real PostgreSQL; without one, a test that reports why nothing ran and fails in CI. */
export function describeOnPostgres(name: string, body: (clusterUrl: string) => void): void {
  if (TEST_DATABASE_URL) {
    describe(name, () => body(TEST_DATABASE_URL));
    return;
  }
  describe(name, () => {
    it('reports that the PostgreSQL tests did not run, and fails in CI', () => {
      console.warn(`${name}: not run, TEST_DATABASE_URL is not set (eval "$(.ci/postgres start)" starts a throwaway cluster; .ci/run does)`);
      expect(process.env.CI, 'CI must start PostgreSQL (.ci/postgres) and set TEST_DATABASE_URL').toBeUndefined();
    });
  });
}
