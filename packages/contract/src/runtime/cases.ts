/**
 * Cases that need a capability. On a target without it the case is not registered at all (our rules forbid
 * skipped tests), and the file records it as not applicable with the target's reason, for the report.
 */
import { it, TestRunner, type TestFunction } from 'vitest';
import type { Capability } from '../capabilities.js';
import { session } from './session.js';
import './task-meta.js';

/** Whether the target has every capability named. */
export function has(...capabilities: Capability[]): boolean {
  return capabilities.every((c) => session().target.capabilities.includes(c));
}

/** The names of the `describe` blocks being collected, outermost first (the file itself excluded). */
function suitePath(): string[] {
  const names: string[] = [];
  let suite: { name: string; suite?: unknown; filepath?: string } | undefined = TestRunner.getCurrentSuite().suite;
  while (suite && suite.filepath === undefined) {
    names.unshift(suite.name);
    suite = suite.suite as typeof suite;
  }
  return names;
}

type Row = readonly unknown[];

export interface CaseApi {
  it(name: string, fn: TestFunction, timeout?: number): void;
  /** One case per row, named by `%s` taking the row's values in turn (as in vitest's `it.each`) or by a function. */
  each<R extends Row>(rows: readonly R[]): (name: string | ((...row: [...R]) => string), fn: (...row: [...R]) => Promise<void> | void, timeout?: number) => void;
}

function caseName(template: string, row: Row): string {
  let i = 0;
  return template.replace(/%[sdi]/g, () => String(row[i++]));
}

/**
 * Cases that run only where the target has `capabilities`; elsewhere each is recorded as not applicable.
 *
 * @example
 * needs('stateful').it('a new ticket counts in open_tickets', async () => { ... });
 * needs('rules').each([['open'], ['closed']])('filters by %s', async (status) => { ... });
 */
export function needs(...capabilities: Capability[]): CaseApi {
  function register(name: string, fn: TestFunction, timeout?: number): void {
    const { target } = session();
    const lacking = capabilities.find((c) => !target.capabilities.includes(c));
    if (!lacking) {
      it(name, fn, timeout);
      return;
    }
    const file = TestRunner.getCurrentSuite().file;
    file.meta.notApplicable ??= [];
    file.meta.notApplicable.push({
      name: [...suitePath(), name].join(' > '),
      reason: target.missing[lacking] ?? `the target lacks "${lacking}"`,
    });
  }
  return {
    it: register,
    each: (rows) => (name, fn, timeout) => {
      for (const row of rows) register(typeof name === 'string' ? caseName(name, row) : name(...row), () => fn(...row), timeout);
    },
  };
}
