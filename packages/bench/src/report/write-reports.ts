/** Writing one run's results: JSON for machines, Markdown for people, and the published page. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performanceDoc } from '../paths.js';
import type { BenchResults } from '../results.js';
import { renderMarkdown } from './markdown.js';
import { renderPerformanceDoc } from './performance-doc.js';

/**
 * Writes results.json and results.md into `outDir` and, when `publish` is set, docs/performance.md.
 *
 * @returns the paths written.
 * @example
 * writeReports(results, { outDir: 'reports/bench', publish: false });
 */
export function writeReports(results: BenchResults, { outDir, publish }: { outDir: string; publish: boolean }): string[] {
  mkdirSync(outDir, { recursive: true });
  const written = [join(outDir, 'results.json'), join(outDir, 'results.md')];
  writeFileSync(written[0]!, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(written[1]!, `# Benchmark results\n\n${renderMarkdown(results)}\n`);
  if (publish) {
    mkdirSync(dirname(performanceDoc), { recursive: true });
    writeFileSync(performanceDoc, renderPerformanceDoc(results));
    written.push(performanceDoc);
  }
  return written;
}
