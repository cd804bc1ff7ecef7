/**
 * The contract reporter, the run's only one: a line per file as it finishes, then the run's summary (causes
 * named once, breaches grouped by operation and field), and the JSON report with every case and exchange.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import type { CheckedExchange } from '../check/response-checker.js';
import { buildCoverage, EXCLUDED_RESPONSES } from '../coverage/coverage-matrix.js';
import { optionsFromEnv, type ContractOptions } from '../options.js';
import { blockedCause, isBlocked } from '../report/blocked.js';
import { colours } from '../report/colours.js';
import { runFileName, writeReport, type CaseResult, type ContractReport } from '../report/contract-report.js';
import { formatFileLine, formatSummary } from '../report/format-summary.js';
import './task-meta.js';

function firstLines(text: string | undefined, count = 6): string {
  return (text ?? '').split('\n').slice(0, count).join('\n');
}

interface ModuleResult {
  cases: CaseResult[];
  exchanges: { test: string; exchange: CheckedExchange }[];
  /** Errors of the file outside its cases (a hook, an import), not caused by a blocked sign-in. */
  errors: { name: string; message: string }[];
}

/** Every case of a file, its exchanges and its own errors. */
function readModule(module: TestModule): ModuleResult {
  const file = module.relativeModuleId;
  const exchanges = (module.meta().exchanges ?? []).map((exchange) => ({ test: `${file} (hooks)`, exchange }));
  const moduleErrors = module.errors();
  // A hook that needed the signed-in customer blocks the cases it would have prepared.
  const hookBlocked = moduleErrors.find((e) => isBlocked(e));
  const cases: CaseResult[] = (module.meta().notApplicable ?? []).map((c) => ({ file, name: c.name, state: 'not-applicable', message: c.reason, durationMs: 0 }));
  for (const test of module.children.allTests()) {
    const name = test.fullName;
    for (const exchange of test.meta().exchanges ?? []) exchanges.push({ test: `${file} > ${name}`, exchange });
    const result = test.result();
    const error = result.errors?.[0];
    const durationMs = Math.round(test.diagnostic()?.duration ?? 0);
    if (result.state === 'passed') cases.push({ file, name, state: 'passed', durationMs });
    else if (result.state === 'failed' && isBlocked(error)) cases.push({ file, name, state: 'blocked', message: blockedCause(error!.message), durationMs });
    else if (result.state === 'failed') cases.push({ file, name, state: 'failed', message: firstLines(error?.message), durationMs });
    else if (hookBlocked) cases.push({ file, name, state: 'blocked', message: blockedCause(hookBlocked.message), durationMs });
    else if (moduleErrors.length > 0) cases.push({ file, name, state: 'failed', message: `not run: ${firstLines(moduleErrors[0]!.message, 1)}`, durationMs });
  }
  const errors = moduleErrors.filter((e) => !isBlocked(e)).map((e) => ({ name: file, message: firstLines(e.message) }));
  return { cases, exchanges, errors };
}

class ContractReporter implements Reporter {
  private vitest: Vitest | undefined;
  private options: ContractOptions | undefined;
  private startedAt = new Date();
  private startedMs = 0;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    this.options = optionsFromEnv();
    this.startedAt = new Date();
    this.startedMs = performance.now();
  }

  private log(text = ''): void {
    if (this.vitest) this.vitest.logger.log(text);
    else console.log(text);
  }

  onTestModuleEnd(module: TestModule): void {
    const { cases, errors } = readModule(module);
    this.log(formatFileLine(module.relativeModuleId, cases, errors.length, colours()));
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const options = this.options ?? optionsFromEnv();
    const cases: CaseResult[] = [];
    const exchanges: { test: string; exchange: CheckedExchange }[] = [];
    const failures: ContractReport['failures'] = [];
    for (const module of testModules) {
      const result = readModule(module);
      cases.push(...result.cases);
      exchanges.push(...result.exchanges);
      failures.push(...result.errors);
    }
    for (const c of cases) if (c.state === 'failed') failures.push({ name: `${c.file} > ${c.name}`, message: c.message ?? '' });
    for (const error of unhandledErrors) failures.push({ name: '(outside any test)', message: firstLines(error.message) });
    if (testModules.length === 0) failures.push({ name: '(the run)', message: 'no test file ran' });

    const count = (state: CaseResult['state']) => cases.filter((c) => c.state === state).length;
    const blocked = cases.filter((c) => c.state === 'blocked');
    const startedAt = this.startedAt.toISOString();
    const report: ContractReport = {
      target: options.target,
      baseUrl: options.baseUrl,
      startedAt,
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(performance.now() - this.startedMs),
      passed: failures.length === 0 && blocked.length === 0 && reason === 'passed',
      runFile: runFileName(options.target, startedAt),
      tests: { passed: count('passed'), failed: count('failed'), blocked: blocked.length, notApplicable: count('not-applicable') },
      ...(blocked.length > 0 ? { signIn: { cause: blocked[0]!.message ?? '', blocked: blocked.length } } : {}),
      cases,
      notApplicable: cases.filter((c) => c.state === 'not-applicable').map((c) => ({ name: `${c.file} > ${c.name}`, reason: c.message ?? '' })),
      failures,
      breaches: exchanges.filter(({ exchange }) => exchange.breaches.length > 0).map(({ test, exchange }) => ({ test, ...exchange })),
      excluded: { ...EXCLUDED_RESPONSES },
      // A response counts as covered only when it kept the contract.
      coverage: buildCoverage(exchanges.map(({ exchange }) => exchange).filter((exchange) => exchange.breaches.length === 0)),
    };
    const paths = writeReport(options.reportDir, report);
    this.log();
    this.log(formatSummary(report, paths, colours()));
  }
}

// vitest loads a reporter given by path from its default export.
export default ContractReporter;
