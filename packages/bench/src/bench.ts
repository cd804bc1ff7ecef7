#!/usr/bin/env node
/**
 * `npm run bench`: the reference server against a naive handler, bare Koa and Prism (and PostgreSQL with
 * --postgres), start-up, growth with data, MSW's cost and the SDK's size, in one run. Prints the report and
 * writes reports/bench/results.{json,md}; --publish also writes docs/performance.md; --smoke checks that it
 * all works and exits non-zero when it does not. See --help.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './contenders.js';
import { performanceDoc, problems, renderMarkdown, type Results } from './report.js';
import { runGrowth } from './sections/growth.js';
import { runMocksSize } from './sections/mocks-size.js';
import { runMsw } from './sections/msw.js';
import { runSdkSize } from './sections/sdk-size.js';
import { runThroughput } from './sections/throughput.js';
import { runWorlds } from './sections/worlds.js';
import { parseSettings, USAGE, type Settings } from './settings.js';

async function run(settings: Settings, log: (line: string) => void): Promise<Results> {
  const started = performance.now();
  const workDir = mkdtempSync(join(os.tmpdir(), 'customer-portal-bench-'));
  // Also when interrupted (processes.ts exits on signals): the growth databases take hundreds of MB.
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  process.once('exit', removeWorkDir);
  const wants = (section: Settings['sections'][number]) => settings.sections.includes(section);
  const { smoke, rounds, connections, durationSeconds, warmupSeconds, growthSizes } = settings;
  const results: Results = {
    machine: {
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      cores: os.availableParallelism(),
      memoryGb: os.totalmem() / 2 ** 30,
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      date: new Date().toISOString(),
    },
    settings: { smoke, rounds, connections, durationSeconds, warmupSeconds, growthSizes, postgres: settings.postgresUrl !== undefined },
    seconds: 0,
  };
  try {
    if (wants('sdk')) results.sdk = await runSdkSize();
    if (wants('worlds')) results.worlds = runWorlds();
    if (wants('msw')) results.msw = await runMsw(settings.mswRequests);
    if (wants('mocks-size')) results.mocksSize = await runMocksSize();
    if (wants('throughput')) results.throughput = await runThroughput(settings, workDir, log);
    if (wants('growth')) results.growth = await runGrowth(settings, workDir, log);
  } finally {
    removeWorkDir();
    process.off('exit', removeWorkDir);
  }
  results.seconds = (performance.now() - started) / 1000;
  return results;
}

try {
  const settings = parseSettings(process.argv.slice(2));
  if (settings === 'help') {
    console.log(USAGE);
  } else {
    const results = await run(settings, (line) => console.error(line));
    const markdown = renderMarkdown(results);
    console.log(`\n${markdown}\n`);
    const out = join(repoRoot, 'reports', 'bench');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(out, 'results.md'), `${markdown}\n`);
    const found = problems(results);
    // A broken run is never published.
    if (settings.publish && found.length === 0) writeFileSync(join(repoRoot, 'docs', 'performance.md'), performanceDoc(results));
    if (found.length > 0) {
      console.error(`\nThe benchmark does not work as it should:\n${found.map((p) => `- ${p}`).join('\n')}`);
      process.exitCode = 1;
    } else if (settings.smoke) {
      console.error(`\nSmoke run passed in ${results.seconds.toFixed(0)} s: no failed request, the same bytes, every figure a number.`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
// Servers are stopped; a left-over handle (a pg pool timer, MSW) must not keep the process up.
process.exit();
