#!/usr/bin/env node
/**
 * `npm run bench`: the reference server against bare Koa and Prism, its growth with data, the cost of MSW and
 * the size of the SDK. Prints the report and writes reports/bench/results.{json,md} (and, with --publish,
 * docs/performance.md). See `npm run bench -- --help`.
 */
import { parseBenchArgs, USAGE } from './options.js';
import { renderMarkdown } from './report/markdown.js';
import { writeReports } from './report/write-reports.js';
import { runBench } from './run-bench.js';

try {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
  } else {
    const results = await runBench(options);
    console.log(`\n${renderMarkdown(results)}\n`);
    for (const path of writeReports(results, options)) console.error(`wrote ${path}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
