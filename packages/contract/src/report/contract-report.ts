/**
 * The JSON a contract run writes: its own file under `runs/`, and a copy at `<target>.json`, the latest run of
 * that target, which the coverage gate and the summaries read.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Breach } from '../check/response-checker.js';
import type { CoverageMatrix } from '../coverage/coverage-matrix.js';
import type { TargetName } from '../options.js';
import type { NotApplicableCase } from '../runtime/task-meta.js';

/** What became of one case: `blocked` when a cause outside it (sign-in) stopped it, `not-applicable` by design. */
export type CaseState = 'passed' | 'failed' | 'blocked' | 'not-applicable';

export interface CaseResult {
  /** The test file, relative to the suite's root (`suite/orders.contract.ts`). */
  file: string;
  /** The case's full name, `describe` blocks included. */
  name: string;
  state: CaseState;
  /** Why it failed (the error's message), was blocked, or is not applicable. */
  message?: string;
  durationMs: number;
}

/** A response that broke the contract, with the test that received it. */
export interface BreachingResponse {
  test: string;
  method: string;
  path: string;
  operationId: string | undefined;
  status: number;
  breaches: Breach[];
}

export interface ContractReport {
  target: TargetName;
  baseUrl: string | undefined;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  passed: boolean;
  /** This run's own file, relative to the report folder (`runs/url-2026-12-07T09-01-02-123Z.json`). */
  runFile: string;
  tests: { passed: number; failed: number; blocked: number; notApplicable: number };
  /** Set when signing in failed or broke the contract: the one cause of every blocked case. */
  signIn?: { cause: string; blocked: number };
  cases: CaseResult[];
  notApplicable: NotApplicableCase[];
  /** The failed cases and errors outside any case, with their messages. */
  failures: { name: string; message: string }[];
  breaches: BreachingResponse[];
  /** Documented responses left out of coverage, and why. */
  excluded: Record<string, string>;
  /** Counts only responses that kept the contract. */
  coverage: CoverageMatrix;
}

export function reportPath(reportDir: string, target: TargetName): string {
  return join(reportDir, `${target}.json`);
}

/** `runs/<target>-<started at>.json`: a name no later run of the same target takes. */
export function runFileName(target: TargetName, startedAt: string): string {
  return join('runs', `${target}-${startedAt.replace(/:/g, '-')}.json`);
}

/**
 * Writes the run's own report and makes it the target's latest; returns both paths.
 *
 * @example
 * const { latest, run } = writeReport('reports/contract', report); // reports/contract/url.json, reports/contract/runs/url-….json
 */
export function writeReport(reportDir: string, report: ContractReport): { latest: string; run: string } {
  const run = join(reportDir, report.runFile);
  mkdirSync(join(reportDir, 'runs'), { recursive: true });
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(run, text);
  const latest = reportPath(reportDir, report.target);
  writeFileSync(latest, text);
  return { latest, run };
}

/** The report of `target`'s last run, or undefined when there is none. */
export function readReport(reportDir: string, target: TargetName): ContractReport | undefined {
  try {
    return JSON.parse(readFileSync(reportPath(reportDir, target), 'utf8')) as ContractReport;
  } catch {
    return undefined;
  }
}

/** A path as the user would type it from where they are. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
