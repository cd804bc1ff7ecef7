/**
 * The Customer Portal contract suite: one vitest suite of journeys, written with the SDK, run unchanged
 * against the reference server, the MSW mocks, Prism or any deployment, with every response checked against
 * openapi.yaml and a coverage matrix of operations by documented statuses; and the diff between two versions
 * of the contract. Run them with the `customer-portal-contract` bin; the exports below are their parts, for
 * other tools.
 *
 * @example
 * import { createResponseChecker, createCheckedFetch } from '@customer-portal/contract';
 * import { createPortalClient } from '@customer-portal/sdk';
 * const baseUrl = 'http://127.0.0.1:3000';
 * const portal = createPortalClient({ baseUrl, fetch: createCheckedFetch({ checker: createResponseChecker({ baseUrl }) }) });
 * await portal.GET('/api/v1/customer/dashboard'); // throws a ContractBreachError if the answer breaks the contract
 *
 * @example
 * import { compareContracts, readContract } from '@customer-portal/contract';
 * const changes = compareContracts(readContract('main').document, readContract('openapi.yaml').document);
 * changes.filter((c) => c.classification !== 'compatible'); // [{ operationId: 'getOrder', field: 'response.200.body.total', rule: ... }]
 */
export { CAPABILITIES, type Capability } from './capabilities.js';
export { ContractBreachError, createCheckedFetch, describeBreach, type CheckedFetchOptions } from './check/checked-fetch.js';
export { createOperationMatcher, pathBelowBase, type OperationMatch, type OperationMatcher } from './check/operation-matcher.js';
export { prismBreaches } from './check/prism-violations.js';
export {
  createResponseChecker,
  type Breach,
  type CheckedExchange,
  type ExchangeResponse,
  type ResponseChecker,
  type ResponseCheckerOptions,
} from './check/response-checker.js';
export {
  readReport,
  reportPath,
  writeReport,
  type BreachingResponse,
  type CaseResult,
  type CaseState,
  type ContractReport,
} from './report/contract-report.js';
export { formatJunit, type JunitTarget } from './report/junit.js';
export { formatSummary, groupBreaches, type BreachGroup } from './report/format-summary.js';
export { SetupError } from './setup-error.js';
export { compareContracts, isBreaking, type ContractChange } from './diff/contract-changes.js';
export { formatDiff, type DiffFormat, type DiffResult } from './diff/format-diff.js';
export { readContract, type ContractVersion } from './diff/read-contract.js';
export { classificationOf, RULES, type Classification, type RuleName } from './diff/rules.js';
export { readWorld, worldBreaks, type WorldBreak } from './diff/world-breaks.js';
export { changelogEntry, checkRelease, type ReleaseGateResult, type ReleaseState } from './diff/release-gate.js';
export {
  buildCoverage,
  coverageTotals,
  documentedStatuses,
  EXCLUDED_RESPONSES,
  missingResponses,
  type CoverageMatrix,
  type OperationCoverage,
  type SeenResponse,
} from './coverage/coverage-matrix.js';
export { formatCoverage } from './coverage/format-coverage.js';
export { GATED_TARGETS, runCoverageGate, type GateResult } from './coverage-gate.js';
export {
  CI_TARGETS,
  optionsFromEnv,
  parseCommandLine,
  SAMPLE_ACCOUNTS,
  TARGET_NAMES,
  type Account,
  type CommandLine,
  type ContractOptions,
  type TargetName,
} from './options.js';
export { ROUTE_PROBES, type RouteProbe } from './route-probes.js';
export { targets, type ContractTarget, type RunningTarget, type TargetInfo } from './targets/index.js';
// Shared with the benchmark and the tests, which start servers and Prism the same way.
export { freePort } from './targets/free-port.js';
export { startPrism, type PrismMode, type PrismProcess } from './targets/prism-process.js';
