#!/usr/bin/env node
/**
 * `npm run bench`: the reference server against bare Koa and Prism, its growth with data, the cost of MSW and
 * the size of the SDK. Prints the report and writes reports/bench/results.{json,md} (and, with --publish,
 * docs/performance.md). See `npm run bench -- --help`.
 */
import { readFileSync } from 'node:fs';
import { parseBenchArgs, USAGE } from './options.js';
import { renderMarkdown } from './report/markdown.js';
import { checkTargets } from './report/targets.js';
import { writeReports } from './report/write-reports.js';
import type { BenchResults } from './results.js';
import { runBench } from './run-bench.js';

/** Earlier results, with the targets checked again by this version's rules. */
function readResults(file: string): BenchResults {
  const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  return { ...results, targets: checkTargets(results) };
}

try {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
  } else {
    const results = options.from ? readResults(options.from) : await runBench(options);
    console.log(`\n${renderMarkdown(results)}\n`);
    for (const path of writeReports(results, options)) console.error(`wrote ${path}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
