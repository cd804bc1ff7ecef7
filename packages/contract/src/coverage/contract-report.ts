/** The JSON a contract run writes to `reports/contract/<target>.json`, and reading it back. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Breach } from '../check/response-checker.js';
import type { TargetName } from '../options.js';
import type { NotApplicableCase } from '../runtime/task-meta.js';
import type { CoverageMatrix } from './coverage-matrix.js';

export interface ContractReport {
  target: TargetName;
  baseUrl: string | undefined;
  finishedAt: string;
  durationMs: number;
  passed: boolean;
  tests: { passed: number; failed: number; notApplicable: number };
  notApplicable: NotApplicableCase[];
  failures: { name: string; message: string }[];
  /** Every response that broke the contract, with the test that received it. */
  breaches: { test: string; method: string; path: string; operationId: string | undefined; status: number; breaches: Breach[] }[];
  /** Documented responses left out of coverage, and why. */
  excluded: Record<string, string>;
  coverage: CoverageMatrix;
}

export function reportPath(reportDir: string, target: TargetName): string {
  return join(reportDir, `${target}.json`);
}

export function writeReport(reportDir: string, report: ContractReport): string {
  mkdirSync(reportDir, { recursive: true });
  const path = reportPath(reportDir, report.target);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

/** The report of `target`'s last run, or undefined when there is none. */
export function readReport(reportDir: string, target: TargetName): ContractReport | undefined {
  try {
    return JSON.parse(readFileSync(reportPath(reportDir, target), 'utf8')) as ContractReport;
  } catch {
    return undefined;
  }
}
