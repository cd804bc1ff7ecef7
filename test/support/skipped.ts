/**
 * Tests that need something the machine may lack (a PostgreSQL cluster, a browser): where it is missing they
 * are reported as skipped, with the reason in the suite's name, never as passed; in CI (`CI` set), where
 * everything they need is set up, a missing dependency is a broken set-up and a failing test says so.
 */
import { describe, it } from 'vitest';

/**
 * `describe(name, body)` when `missing` is undefined; otherwise the same tests, skipped (or, in CI, one failing
 * test). `missing` says what is not there and how to get it.
 */
export function describeUnless(missing: string | undefined, name: string, body: () => void): void {
  if (missing === undefined) describe(name, body);
  else if (process.env.CI) {
    describe(name, () => {
      it('runs in CI', () => {
        throw new Error(`${name}: must run in CI, but ${missing}`);
      });
    });
  } else describe.skip(`${name} (skipped: ${missing})`, body);
}
