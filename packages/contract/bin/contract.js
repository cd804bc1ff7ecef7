#!/usr/bin/env node
/**
 * Runs the contract suite against one target, or (--ci) against every CI target in turn and then the
 * coverage gate. Exits non-zero when any run or the gate fails.
 *
 *   npm run contract -- --target url --base-url https://api.example.com
 *   npm run contract:ci
 */
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import {
  CI_TARGETS,
  coverageTotals,
  optionsFromEnv,
  parseCommandLine,
  readReport,
  runCoverageGate,
  TARGET_NAMES,
  targets,
} from '../dist/index.js';

const CONFIG = fileURLToPath(new URL('../vitest.config.ts', import.meta.url));

const HELP = `Usage: contract [--target <name>] [--base-url <url>] [--report-dir <dir>] [--msw-handlers <module>] [file filters...]
       contract --ci      every CI target in turn (${CI_TARGETS.join(', ')}), then the coverage gate
       contract --gate    the coverage gate alone, over the last reports

Targets:
${TARGET_NAMES.map((name) => `  ${name.padEnd(27)}${targets[name].description}`).join('\n')}

Environment: CONTRACT_TARGET, CONTRACT_BASE_URL, CONTRACT_EMAIL, CONTRACT_PASSWORD, CONTRACT_EMAIL_2,
CONTRACT_PASSWORD_2 (the sample accounts by default), CONTRACT_REPORT_DIR (reports/contract).`;

/** One vitest run against `target`; true when every test passed. */
async function runTarget(target, filters) {
  process.env.CONTRACT_TARGET = target;
  process.exitCode = undefined;
  const vitest = await startVitest('test', filters, { config: CONFIG, run: true, watch: false });
  const failed = process.exitCode !== undefined && process.exitCode !== 0;
  await vitest.close();
  return !failed && vitest.state.getCountOfFailedTests() === 0;
}

function summaryLine(target, ok) {
  const report = readReport(optionsFromEnv().reportDir, target);
  if (!report) return `  ${target.padEnd(27)}${ok ? 'passed' : 'FAILED'} (no report)`;
  const { covered, documented } = coverageTotals(report.coverage);
  const { passed, failed, notApplicable } = report.tests;
  return (
    `  ${target.padEnd(27)}${ok ? 'passed' : 'FAILED'}  ${String(passed).padStart(3)} passed  ${String(failed).padStart(3)} failed  ` +
    `${String(notApplicable).padStart(3)} not applicable  coverage ${covered}/${documented}  ${(report.durationMs / 1000).toFixed(1)} s`
  );
}

async function gate() {
  const result = await runCoverageGate(optionsFromEnv());
  console.log(result.ok ? '\nCoverage gate: passed' : `\nCoverage gate: FAILED\n${result.failures.map((f) => `  - ${f}`).join('\n')}`);
  return result.ok;
}

async function main() {
  const commandLine = parseCommandLine(process.argv.slice(2));
  if (commandLine.help) {
    console.log(HELP);
    return 0;
  }
  Object.assign(process.env, commandLine.env);
  // Fail on a bad option before anything starts.
  const options = optionsFromEnv();

  if (commandLine.gate) return (await gate()) ? 0 : 1;
  if (!commandLine.ci) return (await runTarget(options.target, commandLine.filters)) ? 0 : 1;

  const results = [];
  for (const target of CI_TARGETS) {
    // Outside CI a target whose service is missing is left out, saying so; in CI it runs and fails.
    const missing = targets[target].unavailable?.();
    if (missing && !process.env.CI) console.warn(`\n${target}: not run here: ${missing}.`);
    else results.push([target, await runTarget(target, commandLine.filters)]);
  }
  const gatePassed = await gate();
  console.log(`\nContract CI:\n${results.map(([target, ok]) => summaryLine(target, ok)).join('\n')}`);
  return results.every(([, ok]) => ok) && gatePassed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
