/**
 * The PostgreSQL the tests run against: the throwaway cluster `.ci/postgres start` makes, named by
 * TEST_DATABASE_URL. Without it the PostgreSQL tests are reported as skipped, and fail in CI, where a missing
 * cluster is a broken setup.
 */
import { describeUnless } from '../../../../test/support/skipped.js';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** `describe`, on a real PostgreSQL; without one, the same tests skipped (failing in CI). */
export function describeOnPostgres(name: string, body: (clusterUrl: string) => void): void {
  const missing = TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL is not set (eval "$(.ci/postgres start)" starts a throwaway cluster; .ci/run does)';
  describeUnless(missing, name, () => body(TEST_DATABASE_URL ?? 'postgres://unset'));
}
