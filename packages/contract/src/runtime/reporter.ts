/**
 * The contract reporter: after a run it gathers what the test processes attached to the tasks (exchanges,
 * not-applicable cases), prints the coverage matrix and the not-applicable list, and writes the JSON report.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import type { CheckedExchange } from '../check/response-checker.js';
import { buildCoverage, EXCLUDED_RESPONSES } from '../coverage/coverage-matrix.js';
import { writeReport, type ContractReport } from '../coverage/contract-report.js';
import { formatCoverage } from '../coverage/format-coverage.js';
import { optionsFromEnv, type ContractOptions } from '../options.js';
import type { NotApplicableCase } from './task-meta.js';
import './task-meta.js';

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').slice(0, 6).join('\n');
}

class ContractReporter implements Reporter {
  private vitest: Vitest | undefined;
  private options: ContractOptions | undefined;
  private startedAt = 0;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    this.options = optionsFromEnv();
    this.startedAt = performance.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const options = this.options ?? optionsFromEnv();
    const exchanges: { test: string; exchange: CheckedExchange }[] = [];
    const notApplicable: NotApplicableCase[] = [];
    const failures: ContractReport['failures'] = [];
    let passed = 0;

    for (const module of testModules) {
      const file = module.relativeModuleId;
      for (const exchange of module.meta().exchanges ?? []) exchanges.push({ test: `${file} (hooks)`, exchange });
      notApplicable.push(...(module.meta().notApplicable ?? []).map((c) => ({ ...c, name: `${file} > ${c.name}` })));
      for (const test of module.children.allTests()) {
        const name = `${file} > ${test.fullName}`;
        for (const exchange of test.meta().exchanges ?? []) exchanges.push({ test: name, exchange });
        const result = test.result();
        if (result.state === 'passed') passed += 1;
        if (result.state === 'failed') failures.push({ name, message: firstLine(result.errors?.[0]?.message) });
      }
      for (const error of module.errors()) failures.push({ name: file, message: firstLine(error.message) });
    }

    // A target that did not start, or an error outside any test, fails the run even with no test failed.
    for (const error of unhandledErrors) failures.push({ name: '(outside any test)', message: firstLine(error.message) });
    // vitest reports a globalSetup that threw (a target that would not start) elsewhere, and runs no file.
    if (testModules.length === 0) failures.push({ name: '(the run)', message: 'no test file ran: see the error above (did the target start?)' });

    const coverage = buildCoverage(exchanges.map(({ exchange }) => exchange));
    const report: ContractReport = {
      target: options.target,
      baseUrl: options.baseUrl,
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(performance.now() - this.startedAt),
      passed: failures.length === 0 && reason === 'passed',
      tests: { passed, failed: failures.length, notApplicable: notApplicable.length },
      notApplicable,
      failures,
      breaches: exchanges
        .filter(({ exchange }) => exchange.breaches.length > 0)
        .map(({ test, exchange }) => ({ test, ...exchange })),
      excluded: { ...EXCLUDED_RESPONSES },
      coverage,
    };
    const path = writeReport(options.reportDir, report);
    this.print(report, path);
  }

  private print(report: ContractReport, path: string): void {
    const log = (text = '') => (this.vitest ? this.vitest.logger.log(text) : console.log(text));
    log();
    log(`Contract coverage on ${report.target}:`);
    log(formatCoverage(report.coverage));
    if (report.notApplicable.length > 0) {
      log();
      log(`Not applicable on ${report.target} (${report.notApplicable.length}), by design:`);
      const byReason = new Map<string, NotApplicableCase[]>();
      for (const c of report.notApplicable) byReason.set(c.reason, [...(byReason.get(c.reason) ?? []), c]);
      for (const [reason, cases] of byReason) {
        log(`  ${reason} (${cases.length}):`);
        for (const c of cases) log(`    - ${c.name}`);
      }
    }
    log();
    log(
      `Contract ${report.target}: ${report.tests.passed} passed, ${report.tests.failed} failed, ` +
        `${report.tests.notApplicable} not applicable, ${report.breaches.length} responses breaking the contract ` +
        `(${(report.durationMs / 1000).toFixed(1)} s) -> ${path}`,
    );
  }
}

// vitest loads a reporter given by path from its default export.
export default ContractReporter;
