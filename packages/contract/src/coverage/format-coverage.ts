/** The coverage matrix as a plain-text table: operations down, documented statuses across. */
import { coverageTotals, type CoverageMatrix } from './coverage-matrix.js';

/**
 * One row per operation; `✓` a documented response the run produced, `·` one it did not, blank where the
 * operation documents no such status.
 *
 * @example
 * console.log(formatCoverage(matrix));
 * // operation              200  201  400  401 ...
 * // login                   ✓         ✓    ✓  ...
 */
export function formatCoverage(matrix: CoverageMatrix): string {
  const statuses = [...new Set(matrix.operations.flatMap((row) => row.documented))].sort((a, b) => a - b);
  const nameWidth = Math.max('operation'.length, ...matrix.operations.map((row) => row.operationId.length));
  // A mark sits under the middle digit of its status.
  const cell = (text: string) => text.padEnd(5);
  const header = 'operation'.padEnd(nameWidth) + '  ' + statuses.map((s) => cell(String(s))).join('');
  const rows = matrix.operations.map((row) => {
    const cells = statuses.map((status) => {
      if (!row.documented.includes(status)) return cell('');
      return cell(row.produced[status] ? ' ✓' : ' ·');
    });
    return row.operationId.padEnd(nameWidth) + '  ' + cells.join('');
  });
  const { covered, documented } = coverageTotals(matrix);
  const footer = `${covered} of ${documented} documented responses produced (✓ produced, · never produced; \`default\` excluded)`;
  return [header, ...rows, footer].map((line) => line.trimEnd()).join('\n');
}
