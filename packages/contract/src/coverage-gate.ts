/**
 * The coverage gate, run after the reference and msw runs: every documented response of every operation
 * (each explicit status; `default` excluded, see EXCLUDED_RESPONSES) must have been produced by the reference
 * server and by the mocks, and the reference server must answer routes the contract lacks with 404/405
 * problems only.
 */
import { createContractValidator } from '@customer-portal/core';
import { createOperationMatcher } from './check/operation-matcher.js';
import { createResponseChecker } from './check/response-checker.js';
import { readReport, reportPath, shownPath } from './report/contract-report.js';
import { missingResponses } from './coverage/coverage-matrix.js';
import { SAMPLE_ACCOUNTS, type ContractOptions, type TargetName } from './options.js';
import { ROUTE_PROBES } from './route-probes.js';
import { startReferenceServer } from './targets/reference.js';

/** The hosts whose coverage must be full: the two that run the portal's behaviour. */
export const GATED_TARGETS: readonly TargetName[] = ['reference', 'msw'];

export interface GateResult {
  ok: boolean;
  /** One line per failure, naming the target, the operation and the status, or the route. */
  failures: string[];
  /** The runs it read: `reference.json (runs/reference-….json, 2026-12-07T09:01:02.000Z)` for each gated target. */
  read: string[];
}

/**
 * Responses a gated target is not yet expected to produce, with why. The mocks do not throttle sign-in: the
 * 429 comes to them as a fault (issue 14), and leaves this list then.
 */
const NOT_YET_PRODUCED: Partial<Record<TargetName, { operationId: string; status: number; why: string }[]>> = {
  msw: [{ operationId: 'login', status: 429, why: 'sign-in throttling is the reference server\u2019s; the mocks serve it as a fault' }],
};

function coverageFailures(reportDir: string, target: TargetName): string[] {
  const report = readReport(reportDir, target);
  if (!report) return [`${target}: no report in ${reportDir}; run the suite against ${target} first`];
  const pending = NOT_YET_PRODUCED[target] ?? [];
  return missingResponses(report.coverage).filter(({ operationId, status }) => !pending.some((p) => p.operationId === operationId && p.status === status)).map(
    ({ operationId, status }) => `${target}: ${operationId} never answered ${status}, which the contract documents`,
  );
}

/** Each probe of a route the contract lacks, as failures: an answer, a wrong status, or a non-problem. */
async function routeFailures(options: ContractOptions): Promise<string[]> {
  const server = await startReferenceServer({ ...options, accounts: SAMPLE_ACCOUNTS });
  try {
    const validator = createContractValidator();
    const matcher = createOperationMatcher(validator.operations);
    const checker = createResponseChecker({ baseUrl: server.url, validator, matcher });
    const login = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(SAMPLE_ACCOUNTS[0]),
    });
    const { access_token } = (await login.json()) as { access_token: string };
    const failures: string[] = [];
    for (const probe of ROUTE_PROBES) {
      const url = `${server.url}${probe.path}`;
      const response = await fetch(url, { method: probe.method, headers: { Authorization: `Bearer ${access_token}` } });
      const body = await response.text();
      const name = `reference: ${probe.method} ${probe.path}`;
      const { breaches } = checker.check({ method: probe.method, url }, { status: response.status, headers: response.headers, body });
      failures.push(...breaches.map((b) => `${name} answered ${response.status}: ${b.location}: ${b.message}`));
      if (breaches.length === 0 && response.status !== probe.expected) failures.push(`${name} answered ${response.status}, expected ${probe.expected}`);
      // RFC 9110: a 405 says which methods the path has.
      if (response.status === 405 && !response.headers.get('Allow')) failures.push(`${name} answered 405 without an Allow header`);
    }
    return failures;
  } finally {
    await server.stop();
  }
}

/**
 * Checks the last reports of the gated targets and probes the reference server.
 *
 * @example
 * const { ok, failures } = await runCoverageGate(optionsFromEnv());
 */
export async function runCoverageGate(options: ContractOptions): Promise<GateResult> {
  const failures = [...GATED_TARGETS.flatMap((target) => coverageFailures(options.reportDir, target)), ...(await routeFailures(options))];
  return { ok: failures.length === 0, failures, read: GATED_TARGETS.map((target) => runRead(options.reportDir, target)) };
}

/** Which run of `target` the gate read: the latest, named by its own file and when it ended. */
function runRead(reportDir: string, target: TargetName): string {
  const report = readReport(reportDir, target);
  const latest = shownPath(reportPath(reportDir, target));
  if (!report) return `${latest} (missing)`;
  return `${latest} (${report.runFile ?? 'a run'}, ended ${report.finishedAt})`;
}
