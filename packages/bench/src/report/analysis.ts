/**
 * The "why" of each missed target, in sentences built from the run's own figures, so that the published
 * explanation cannot drift from the numbers beside it.
 */
import type { BenchResults } from '../results.js';
import type { ThroughputRow } from '../sections/throughput.js';
import { referencePeak } from './memory.js';
import { describePart } from './part-cost.js';
import { count, decimal } from './table.js';
import { TARGETS } from './targets.js';

function ordersRow(results: BenchResults, contender: 'reference' | 'koa' | 'prism'): ThroughputRow | undefined {
  return results.throughput?.rows.find((r) => r.workload === 'orders' && r.contender === contender);
}

/** "the read cache saves 120 µs, response validation costs 20 µs, ..." from the breakdown section. */
function partsSentence(results: BenchResults): string {
  const steps = results.breakdown?.steps ?? [];
  if (steps.length < 2) return '';
  const [cache, ...rest] = steps.filter((s) => s.removed).map((s) => `${s.removed} ${describePart(s)}`);
  const koa = steps.at(-1)!;
  const leanest = steps.at(-2)!;
  const prism = ordersRow(results, 'prism')?.requestsPerSecond;
  return (
    ` Taking its parts out one at a time (see "What each part costs"): ${cache}; without it, ${rest.join(', ')}, and bare Koa's own ` +
    `${count(koa.cpuMicrosPerRequest)} µs remain. With the cache, response validation and SQLite all taken out, what ` +
    `remains serves ${count(leanest.requestsPerSecond)} req/s: ${decimal(leanest.requestsPerSecond / koa.requestsPerSecond)} of bare Koa` +
    (prism ? `, about ${decimal(leanest.requestsPerSecond / prism, 1)}× Prism's rate above.` : '.')
  );
}

function throughputWhy(results: BenchResults): string {
  const reference = ordersRow(results, 'reference')?.cpuMicrosPerRequest;
  const koa = ordersRow(results, 'koa')?.cpuMicrosPerRequest;
  const prism = ordersRow(results, 'prism')?.cpuMicrosPerRequest;
  const budget = koa === undefined ? Number.NaN : koa / TARGETS.vsKoa;
  const over = reference !== undefined && reference > budget ? ` (${count(reference - budget)} µs over the budget)` : '';
  const uncached = results.throughput?.rows.find((r) => r.workload === 'orders-uncached' && r.contender === 'reference');
  const cache = uncached
    ? `These figures rely on the read cache (see "Throughput"): with it off, the same server serves ${count(uncached.requestsPerSecond)} ` +
      `req/s, ${decimal(uncached.vsKoa)} of bare Koa and ${decimal(uncached.vsPrism)}× Prism, at ${count(uncached.cpuMicrosPerRequest)} µs of CPU a request.`
    : '';
  return [
    `**GET /orders against bare Koa and Prism.** Bare Koa writes a canned buffer in ${count(koa ?? NaN)} µs of CPU; ` +
      `half its speed leaves a budget of about ${count(budget)} µs for a whole request. ` +
      `The reference server takes ${count(reference ?? NaN)} µs${over}, Prism ${count(prism ?? NaN)} µs (summed over its two processes).` +
      partsSentence(results),
    ...(cache ? [cache] : []),
    'Tokens are verified once and then remembered until they expire, so JWT verification is not a per-request cost in ' +
      'these figures. ' +
      `With ${results.settings.connections} connections, p99 under ${TARGETS.p99Ms} ms needs well over ` +
      `${count((results.settings.connections / TARGETS.p99Ms) * 1000)} req/s (the mean wait alone is connections ÷ req/s), ` +
      'so the latency target follows the throughput one.',
  ].join(' ');
}

/** The missed memory target: by how much; what the peak is made of follows the throughput table. */
function memoryWhy(results: BenchResults): string {
  const worst = referencePeak(results);
  const byHowMuch = worst
    ? `${count(worst.peakRssMb)} MB on ${worst.label}, ${count(worst.peakRssMb - TARGETS.rssMb)} MB over the ${TARGETS.rssMb} MB target`
    : (results.targets.find((t) => t.id === 'rss')?.measured ?? '');
  return (
    `**Memory.** The reference server's resident memory peaks at ${byHowMuch} (login, left out of the target, takes more by ` +
    'design: scrypt needs 16 MB per hash in flight). What the peak is made of is under "Throughput"; most of what is above ' +
    "the live heap is V8's young generation, which `node --max-semi-space-size=8` halves."
  );
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
  if (missed.has('rss')) paragraphs.push(memoryWhy(results));
  if (missed.has('generation')) {
    paragraphs.push(`**Data generation.** ${results.targets.find((t) => t.id === 'generation')?.measured}; \`npm run bench:data\` times it on its own.`);
  }
  if (paragraphs.length === 0) return undefined;
  return ['## Why targets are missed (or nearly)', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n').trimEnd();
}
