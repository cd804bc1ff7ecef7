/** What the test processes attach to vitest's tasks for the contract reporter to collect. */
import type { CheckedExchange } from '../check/response-checker.js';

export interface NotApplicableCase {
  /** The case's full name, `describe` blocks included. */
  name: string;
  reason: string;
}

interface ContractTaskMeta {
  /** The exchanges a test (or, on a file, its hooks) made, in order. */
  exchanges?: CheckedExchange[];
  /** Cases the file did not register on this target, and why (file meta only). */
  notApplicable?: NotApplicableCase[];
}

// vitest re-exports TaskMeta from its runner, where the interface is declared and can be extended.
declare module '@vitest/runner' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface TaskMeta extends ContractTaskMeta {}
}
