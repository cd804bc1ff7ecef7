/**
 * What a contract run prints: one line per file as it ends, then a summary that fits a screen. Each cause is
 * named once (a broken sign-in at the top, each breach grouped by operation and field with its count); the
 * report file holds every case and every response.
 */
import { coverageTotals } from '../coverage/coverage-matrix.js';
import { formatCoverage } from '../coverage/format-coverage.js';
import type { Colours } from './colours.js';
import { shownPath, type CaseResult, type ContractReport } from './contract-report.js';

/** At most this many breach groups and other failures are printed; the rest are in the report. */
const MAX_GROUPS = 20;
const MAX_FAILURES = 10;
const MAX_LINE = 200;

function clip(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' ');
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}\u2026` : line;
}

function counts(cases: CaseResult[], errors = 0): string {
  const n = (state: CaseResult['state']) => cases.filter((c) => c.state === state).length;
  const parts = [`${n('passed')} passed`];
  if (n('failed') + errors) parts.push(`${n('failed') + errors} failed`);
  if (n('blocked')) parts.push(`${n('blocked')} blocked`);
  if (n('not-applicable')) parts.push(`${n('not-applicable')} not applicable`);
  return parts.join(', ');
}

/** `  ✗ suite/orders.contract.ts  3 passed, 2 failed, 7 blocked` */
export function formatFileLine(file: string, cases: CaseResult[], errors: number, c: Colours): string {
  const bad = errors > 0 || cases.some((x) => x.state === 'failed' || x.state === 'blocked');
  return `  ${bad ? c.red('\u2717') : c.green('\u2713')} ${file}  ${c.dim(counts(cases, errors))}`;
}

export interface BreachGroup {
  /** The operation, or `METHOD /path` for a route the contract lacks. */
  operation: string;
  /** `response.status`, `response.body.total`, … */
  field: string;
  /** The statuses of the responses that broke it, ascending. */
  statuses: number[];
  /** The first response's message for this field. */
  message: string;
  /** How many responses broke it. */
  count: number;
}

/**
 * The breaches of a run, one entry per operation and field, most frequent first.
 *
 * @example
 * groupBreaches(report.breaches)[0]; // { operation: 'login', field: 'response.body.access_token', count: 12, ... }
 */
export function groupBreaches(responses: ContractReport['breaches']): BreachGroup[] {
  const groups = new Map<string, BreachGroup>();
  for (const response of responses) {
    const operation = response.operationId ?? `${response.method} ${response.path}`;
    for (const breach of response.breaches) {
      const key = `${operation}\u0000${breach.location}`;
      const group = groups.get(key) ?? { operation, field: breach.location, statuses: [], message: breach.message, count: 0 };
      group.count += 1;
      if (!group.statuses.includes(response.status)) group.statuses.push(response.status);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map((g) => ({ ...g, statuses: g.statuses.sort((a, b) => a - b) })).sort((a, b) => b.count - a.count);
}

/** Failed cases not explained by a breach already grouped (an assertion on the portal's rules, a timeout). */
function otherFailures(report: ContractReport): { name: string; message: string }[] {
  return report.failures.filter((f) => !f.message.includes('breaking the contract'));
}

/**
 * The run's summary, for a terminal or a CI log.
 *
 * @example
 * console.log(formatSummary(report, { latest: 'reports/contract/url.json', run: 'reports/contract/runs/url-….json' }, colours()));
 */
export function formatSummary(report: ContractReport, paths: { latest: string; run: string }, c: Colours): string {
  const lines: string[] = [];
  const where = report.baseUrl ? ` (${report.baseUrl})` : '';
  const verdict = report.passed ? c.green('passed') : c.red('FAILED');
  lines.push(c.bold(`Contract run against ${report.target}${where}: `) + verdict);
  if (report.signIn) {
    lines.push(c.red(clip(`  ${report.signIn.cause.charAt(0).toUpperCase()}${report.signIn.cause.slice(1)}.`)));
    lines.push(`  ${report.signIn.blocked} cases that need a signed-in customer are blocked by it.`);
  }
  const seconds = `${(report.durationMs / 1000).toFixed(1)} s`;
  lines.push(`  ${counts(report.cases, report.failures.length - report.tests.failed)}, ${seconds}`);

  const groups = groupBreaches(report.breaches);
  if (groups.length > 0) {
    lines.push('', c.bold(`Breaches by operation and field (${report.breaches.length} responses broke the contract):`));
    for (const g of groups.slice(0, MAX_GROUPS)) {
      lines.push(clip(`  ${String(g.count).padStart(4)}\u00d7 ${g.operation} (${g.statuses.join(', ')}) ${c.yellow(g.field)}: ${g.message}`));
    }
    if (groups.length > MAX_GROUPS) lines.push(`  \u2026 and ${groups.length - MAX_GROUPS} more fields in the report`);
  }

  const others = otherFailures(report);
  if (others.length > 0) {
    lines.push('', c.bold(`Other failures (${others.length}):`));
    for (const f of others.slice(0, MAX_FAILURES)) lines.push(clip(`  - ${f.name}: ${f.message}`));
    if (others.length > MAX_FAILURES) lines.push(`  \u2026 and ${others.length - MAX_FAILURES} more in the report`);
  }

  const { covered, documented } = coverageTotals(report.coverage);
  lines.push('');
  if (report.passed) lines.push(`Coverage on ${report.target}:`, formatCoverage(report.coverage));
  else lines.push(`Coverage: ${covered} of ${documented} documented responses produced and kept the contract.`);

  if (report.notApplicable.length > 0) {
    const byReason = new Map<string, number>();
    for (const n of report.notApplicable) byReason.set(n.reason, (byReason.get(n.reason) ?? 0) + 1);
    lines.push('', `Not applicable on ${report.target} (${report.notApplicable.length}), by design:`);
    for (const [reason, n] of byReason) lines.push(clip(`  ${String(n).padStart(4)} ${reason}`));
  }
  lines.push('', `Report: ${shownPath(paths.latest)} ${c.dim(`(this run: ${shownPath(paths.run)})`)}`);
  return lines.join('\n');
}
