/**
 * The "why" of each missed target, in sentences built from the run's own figures, so that the published
 * explanation cannot drift from the numbers beside it.
 */
import type { BenchResults } from '../results.js';
import { count, decimal } from './table.js';
import { TARGETS } from './targets.js';

function cpuOf(results: BenchResults, contender: 'reference' | 'koa' | 'prism'): number | undefined {
  return results.throughput?.rows.find((r) => r.workload === 'orders' && r.contender === contender)?.cpuMicrosPerRequest;
}

function partsSentence(results: BenchResults): string {
  const steps = results.breakdown?.steps ?? [];
  if (steps.length < 2) return '';
  const parts = steps.filter((s) => s.removed).map((s) => `${s.removed} ${count(s.partMicros)} µs`);
  const koa = steps.at(-1)!;
  const leanest = steps.at(-2)!;
  const prism = results.throughput?.rows.find((r) => r.workload === 'orders' && r.contender === 'prism')?.requestsPerSecond;
  return (
    ` Per request it spends ${count(steps[0]!.cpuMicrosPerRequest)} µs of CPU: ${parts.join(', ')}, and bare Koa's own ` +
    `${count(koa.cpuMicrosPerRequest)} µs (see "What each part costs"). With validation, JWT and SQLite all taken out, what ` +
    `remains serves ${count(leanest.requestsPerSecond)} req/s: ${decimal(leanest.requestsPerSecond / koa.requestsPerSecond)} of bare Koa` +
    (prism ? `, about ${decimal(leanest.requestsPerSecond / prism, 1)}× Prism's rate above.` : '.')
  );
}

function throughputWhy(results: BenchResults): string {
  const reference = cpuOf(results, 'reference');
  const koa = cpuOf(results, 'koa');
  const prism = cpuOf(results, 'prism');
  const budget = koa === undefined ? Number.NaN : koa / TARGETS.vsKoa;
  const sqlite = results.breakdown?.steps.find((s) => s.removed.includes('SQLite'))?.partMicros;
  const overBudget =
    sqlite !== undefined && sqlite > budget ? `, which the SQLite store alone (${count(sqlite)} µs) exceeds on this machine` : '';
  return [
    `**GET /orders against bare Koa and Prism.** Bare Koa writes a canned buffer in ${count(koa ?? NaN)} µs of CPU; ` +
      `half its speed leaves a budget of about ${count(budget)} µs for a whole request${overBudget}. ` +
      `The reference server takes ${count(reference ?? NaN)} µs, Prism ${count(prism ?? NaN)} µs (summed over its two processes).` +
      partsSentence(results),
    'The largest parts that could shrink without changing what the server checks: JWT verification, whose result could be ' +
      'cached per token until its `exp` (packages/server/src/auth/tokens.ts), and the SQLite store, which runs four ' +
      'statements and builds a JavaScript object per row. Response validation, on by default, is a smaller part. ' +
      `With 32 connections, p99 under ${TARGETS.p99Ms} ms needs well over 3,200 req/s (the mean wait alone is connections ÷ req/s), ` +
      'so the latency target follows the throughput one.',
  ].join(' ');
}

/**
 * A paragraph per missed target saying why, from this run's figures; empty when nothing was missed.
 *
 * @example
 * renderAnalysis(results); // '## Why targets are missed (or nearly)\n\n**GET /orders against bare Koa ...'
 */
export function renderAnalysis(results: BenchResults): string | undefined {
  const missed = new Set(results.targets.filter((t) => t.status === 'miss').map((t) => t.id));
  const paragraphs: string[] = [];
  if (missed.has('orders-vs-koa') || missed.has('orders-vs-prism') || missed.has('orders-p99')) paragraphs.push(throughputWhy(results));
  const startups = [results.startup?.reference.medianMs, ...(results.growth?.sizes.map((s) => s.startupMs) ?? [])].filter(
    (ms): ms is number => ms !== undefined,
  );
  const slowestStart = startups.length ? Math.max(...startups) : undefined;
  if (missed.has('startup') || (slowestStart !== undefined && slowestStart >= TARGETS.startupMs)) {
    const sample = results.startup?.reference.medianMs ?? Number.NaN;
    const verdict = missed.has('startup') ? `misses its ${TARGETS.startupMs} ms limit by ${count(sample - TARGETS.startupMs)} ms` : `is close to its ${TARGETS.startupMs} ms limit`;
    const growth = slowestStart !== undefined && slowestStart > sample ? `, up to ${count(slowestStart)} ms on the generated databases` : '';
    paragraphs.push(
      `**Start-up** ${verdict}: ${count(sample)} ms on the seeded sample database${growth}. It is wall time, so it moves ` +
        'with the load of the machine. The time goes to Node itself, loading Koa, ajv and jsonwebtoken, opening SQLite, and ' +
        "compiling the validators of the first operation. Creating each of core's two ajv instances also validates the " +
        "contract's schemas against the JSON Schema meta-schema (about 25 ms each here); `validateSchema: false` in " +
        "packages/core/src/validation.ts would skip that, as redocly and core's tests already check the contract.",
    );
  }
  const worst = results.growth?.rows.reduce((a, b) => (b.slowdown > a.slowdown ? b : a));
  if (missed.has('growth-flat') && worst) {
    paragraphs.push(
      `**Growth.** ${worst.label} costs ${decimal(worst.slowdown)}× the CPU time at ${count(worst.totalOrders)} orders as on the ` +
        'smallest database. The lists read through per-customer indexes, so what remains is SQLite touching more pages ' +
        'of a larger file (caches) rather than scanning more rows.',
    );
  }
  if (missed.has('rss')) {
    const worstRss = results.targets.find((t) => t.id === 'rss')?.measured;
    paragraphs.push(`**Memory.** ${worstRss}: see the RSS column of each workload for where it peaks.`);
  }
  if (missed.has('generation')) {
    paragraphs.push(`**Data generation.** ${results.targets.find((t) => t.id === 'generation')?.measured}; \`npm run bench:data\` times it on its own.`);
  }
  if (paragraphs.length === 0) return undefined;
  return ['## Why targets are missed (or nearly)', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n').trimEnd();
}
