/**
 * The coverage matrix: for each operation of the contract, which of its documented responses a run saw.
 * A documented response nobody ever produced is a response nobody has checked.
 */
import { listOperations, type Operation, type OperationId } from '@customer-portal/core';

/**
 * Documented responses left out of coverage, and why. `default` documents an unexpected server error: a
 * journey cannot make a correct host fail, so no run is expected to produce it.
 */
export const EXCLUDED_RESPONSES: Readonly<Record<string, string>> = {
  default: 'an unexpected server error; a journey cannot make a correct host produce one',
};

export interface OperationCoverage {
  operationId: OperationId;
  method: string;
  path: string;
  /** The explicit status codes documented for the operation, ascending (`default` excluded). */
  documented: number[];
  /** How many times each status was seen, documented or not. */
  produced: Record<string, number>;
}

export interface CoverageMatrix {
  operations: OperationCoverage[];
}

export interface SeenResponse {
  operationId: OperationId | undefined;
  status: number;
}

/** The explicit status codes documented for an operation, ascending. */
export function documentedStatuses(operation: Operation): number[] {
  return Object.keys(operation.responses)
    .filter((key) => !(key in EXCLUDED_RESPONSES))
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The matrix of every operation against the responses seen (responses of no operation are left out).
 *
 * @example
 * const matrix = buildCoverage([{ operationId: 'login', status: 200 }]);
 * missingResponses(matrix); // [{ operationId: 'login', status: 400 }, ...]
 */
export function buildCoverage(seen: Iterable<SeenResponse>, operations: Operation[] = listOperations()): CoverageMatrix {
  const rows = new Map<OperationId, OperationCoverage>(
    operations.map((op) => [
      op.operationId,
      { operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, documented: documentedStatuses(op), produced: {} },
    ]),
  );
  for (const { operationId, status } of seen) {
    const row = operationId && rows.get(operationId);
    if (row) row.produced[status] = (row.produced[status] ?? 0) + 1;
  }
  return { operations: [...rows.values()] };
}

/** The documented responses the matrix never saw. */
export function missingResponses(matrix: CoverageMatrix): { operationId: OperationId; status: number }[] {
  return matrix.operations.flatMap((row) =>
    row.documented.filter((status) => !row.produced[status]).map((status) => ({ operationId: row.operationId, status })),
  );
}

/** How many documented responses were seen, of how many. */
export function coverageTotals(matrix: CoverageMatrix): { covered: number; documented: number } {
  let covered = 0;
  let documented = 0;
  for (const row of matrix.operations) {
    documented += row.documented.length;
    covered += row.documented.filter((status) => row.produced[status]).length;
  }
  return { covered, documented };
}
