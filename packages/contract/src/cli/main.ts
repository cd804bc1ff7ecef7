/**
 * The `customer-portal-contract` command: runs the suite against one target, or (--ci) every CI target in turn
 * and then the coverage gate; `diff` compares two versions of the contract. Exit codes: 0 clean, 1 a breach or
 * a failed case, 2 a run that could not start (the highest wins across targets).
 */
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { runCoverageGate } from '../coverage-gate.js';
import { coverageTotals } from '../coverage/coverage-matrix.js';
import { CI_TARGETS, optionsFromEnv, parseCommandLine, TARGET_NAMES, type CommandLine, type TargetName } from '../options.js';
import { colours } from '../report/colours.js';
import { readReport, shownPath, type ContractReport } from '../report/contract-report.js';
import { formatJunit, type JunitTarget } from '../report/junit.js';
import { SetupError } from '../setup-error.js';
import { infoOf, targets, type RunningTarget } from '../targets/index.js';
import { runDiffCommand } from './diff-command.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = join(PACKAGE_ROOT, 'vitest.config.ts');
const SUITE = join(PACKAGE_ROOT, 'suite');

const EXIT = { clean: 0, breach: 1, setup: 2 } as const;

const HELP = `Usage: customer-portal-contract [--target <name>] [--base-url <url>] [options] [file filters...]
       customer-portal-contract --ci      every CI target in turn (${CI_TARGETS.join(', ')}), then the coverage gate;
                                          outside CI a target whose service is missing is left out, saying so
       customer-portal-contract --gate    the coverage gate alone, over the latest reports
       customer-portal-contract diff <base> <head> [--format text|json|markdown] [--allow-breaking] [--world <file>]...
                                          what changed between two versions of openapi.yaml (diff --help)

Targets:
${TARGET_NAMES.map((name) => `  ${name.padEnd(27)}${targets[name].description}`).join('\n')}

Options:
  --report-dir <dir>         where reports go (reports/contract): <target>.json is the latest run, runs/ keeps each run
  --reporter junit           also write JUnit XML, one testsuite per target, blocked and not-applicable cases skipped
  --output <file>            where --reporter junit writes (<report dir>/junit.xml)
  --msw-handlers <module>    MSW handlers put in front of the mocks' own (msw target)
  --world <file>             seed the reference server from a world file (reference target); the suite signs in as
                             two of its customers, and what needs the sample world is not applicable
  file filters               run only the suite's files whose path contains each word (orders, tickets, ...)

Exit codes: 0 every case kept the contract, 1 a breach or a failed case, 2 the run could not start (an
unreachable URL, refused credentials, a package to install, an unknown option, a filter matching no file).
Colours only on a terminal; NO_COLOR and FORCE_COLOR are honoured.

Environment: CONTRACT_TARGET, CONTRACT_BASE_URL, CONTRACT_EMAIL, CONTRACT_PASSWORD, CONTRACT_EMAIL_2,
CONTRACT_PASSWORD_2 (the sample accounts by default), CONTRACT_REPORT_DIR (reports/contract), CONTRACT_WORLD.`;

/** The suite's files, relative to the package (`suite/orders.contract.ts`). */
function suiteFiles(): string[] {
  return readdirSync(SUITE)
    .filter((name) => name.endsWith('.contract.ts'))
    .map((name) => `suite/${name}`)
    .sort();
}

/** vitest takes each word as a part of a file's path; a word that matches none would run nothing and pass. */
function checkFilters(filters: string[]): void {
  const files = suiteFiles();
  const unmatched = filters.filter((filter) => !files.some((file) => file.includes(filter)));
  if (unmatched.length > 0) {
    const names = files.map((file) => file.replace(/^suite\//, '').replace(/\.contract\.ts$/, '')).join(', ');
    throw new SetupError(`No file of the suite matches ${unmatched.map((f) => `"${f}"`).join(', ')}: the files are ${names}.`);
  }
}

/** Starts a target that lives in this process, or checks the peers of one that starts inside vitest. */
async function startTarget(name: TargetName): Promise<RunningTarget | undefined> {
  const options = optionsFromEnv();
  const target = targets[name];
  try {
    if (target.runsIn === 'worker') {
      await target.preflight?.(options);
      return undefined;
    }
    return await target.start(options);
  } catch (error) {
    if (error instanceof SetupError) throw error;
    // Whatever stops a host from starting (a peer to install, a port, a database) is the run's setup.
    throw new SetupError(`--target ${name} did not start: ${(error as Error).message}`, { cause: error });
  }
}

/** One vitest run against `target`, with this run's report. */
async function runTarget(target: TargetName, filters: string[]): Promise<{ code: number; report: ContractReport | undefined }> {
  process.env['CONTRACT_TARGET'] = target;
  const startedAt = new Date();
  const running = await startTarget(target);
  if (running) process.env['CONTRACT_RUNNING_TARGET'] = JSON.stringify(infoOf(running));
  else delete process.env['CONTRACT_RUNNING_TARGET'];
  try {
    process.exitCode = undefined;
    // Our reporter is the run's only one: it names causes once, where vitest's would repeat each failure.
    const vitest = await startVitest('test', filters, { config: CONFIG, run: true, watch: false });
    await vitest.close();
    process.exitCode = undefined;
    const report = readReport(optionsFromEnv().reportDir, target);
    const fresh = report && new Date(report.finishedAt) >= startedAt ? report : undefined;
    if (!fresh) return { code: EXIT.breach, report: undefined };
    return { code: fresh.passed ? EXIT.clean : EXIT.breach, report: fresh };
  } finally {
    delete process.env['CONTRACT_RUNNING_TARGET'];
    await running?.stop();
  }
}

async function gate(): Promise<boolean> {
  const c = colours();
  const result = await runCoverageGate(optionsFromEnv());
  console.log(`\nCoverage gate: ${result.ok ? c.green('passed') : c.red('FAILED')}, over the latest runs:`);
  for (const run of result.read) console.log(`  ${run}`);
  for (const failure of result.failures) console.log(`  - ${failure}`);
  return result.ok;
}

function writeJunit(commandLine: CommandLine, entries: JunitTarget[]): void {
  if (commandLine.reporter !== 'junit') return;
  const path = resolve(commandLine.output ?? join(optionsFromEnv().reportDir, 'junit.xml'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatJunit(entries));
  console.log(`JUnit: ${shownPath(path)}`);
}

function summaryLine(target: string, code: number, report: ContractReport | undefined, setupError?: string): string {
  if (setupError) return `  ${target.padEnd(27)}did not start: ${setupError}`;
  if (!report) return `  ${target.padEnd(27)}FAILED (no report)`;
  const { passed, failed, blocked, notApplicable } = report.tests;
  const { covered, documented } = coverageTotals(report.coverage);
  return (
    `  ${target.padEnd(27)}${code === 0 ? 'passed' : 'FAILED'}  ${String(passed).padStart(3)} passed  ${String(failed).padStart(3)} failed  ` +
    `${String(blocked).padStart(3)} blocked  ${String(notApplicable).padStart(3)} not applicable  coverage ${covered}/${documented}  ${(report.durationMs / 1000).toFixed(1)} s`
  );
}

async function runCommand(argv: string[]): Promise<number> {
  const commandLine = parseCommandLine(argv);
  if (commandLine.help) {
    console.log(HELP);
    return EXIT.clean;
  }
  Object.assign(process.env, commandLine.env);
  // A bad option or filter stops the run before anything starts.
  const options = optionsFromEnv();
  checkFilters(commandLine.filters);

  if (commandLine.gate) return (await gate()) ? EXIT.clean : EXIT.breach;
  const chosen = commandLine.ci ? CI_TARGETS : [options.target];
  const results: { target: TargetName; code: number; report: ContractReport | undefined; setupError?: string }[] = [];
  for (const target of chosen) {
    // Outside CI, --ci leaves out a target whose service is missing, saying so; in CI it runs and fails.
    const missing = commandLine.ci ? targets[target].unavailable?.() : undefined;
    if (missing && !process.env['CI']) {
      console.warn(`\n${target}: not run here: ${missing}.`);
      continue;
    }
    try {
      results.push({ target, ...(await runTarget(target, commandLine.filters)) });
    } catch (error) {
      if (!(error instanceof SetupError)) throw error;
      console.error(commandLine.ci ? `\n${target}: ${error.message}` : error.message);
      results.push({ target, code: EXIT.setup, report: undefined, setupError: error.message });
    }
  }
  writeJunit(
    commandLine,
    results.map((r) => (r.report ? { target: r.target, report: r.report } : { target: r.target, setupError: r.setupError ?? 'the run wrote no report' })),
  );
  let code = Math.max(EXIT.clean, ...results.map((r) => r.code));
  if (!commandLine.ci) return code;
  if (!(await gate())) code = Math.max(code, EXIT.breach);
  console.log(`\nContract CI:\n${results.map((r) => summaryLine(r.target, r.code, r.report, r.setupError)).join('\n')}`);
  return code;
}

/**
 * The command line's whole run; resolves to the exit code. A setup error is printed as its sentence alone.
 *
 * @example
 * process.exit(await main(process.argv.slice(2)));
 */
export async function main(argv: string[]): Promise<number> {
  try {
    // The subcommand is read before any other argument.
    if (argv[0] === 'diff') return await runDiffCommand(argv.slice(1));
    return await runCommand(argv);
  } catch (error) {
    if (error instanceof SetupError) {
      console.error(error.message);
      return EXIT.setup;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return EXIT.setup;
  }
}
