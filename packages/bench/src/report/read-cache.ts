/**
 * What the headline GET /orders figure owes to the reference server's read cache, from the run's own rows:
 * the benchmark repeats one request, the cache's best case, so the report sets it beside the same server
 * with the cache off.
 */
import type { BenchResults } from '../results.js';
import type { ThroughputRow } from '../sections/throughput.js';
import { count, decimal } from './table.js';

function referenceRow(results: BenchResults, workload: ThroughputRow['workload']): ThroughputRow | undefined {
  return results.throughput?.rows.find((r) => r.workload === workload && r.contender === 'reference');
}

/**
 * A sentence comparing GET /orders with and without the read cache; empty when either was not measured.
 *
 * @example
 * readCacheSentence(results); // 'The GET /orders figure relies on the read cache: ... 5,000 req/s (0.09 of bare Koa, 1.8× Prism) ...'
 */
export function readCacheSentence(results: BenchResults): string {
  const cached = referenceRow(results, 'orders');
  const uncached = referenceRow(results, 'orders-uncached');
  if (!cached || !uncached) return '';
  return (
    `The GET /orders figure relies on the server's read cache: the benchmark sends the same request again and again, so ` +
    'after the first one the SQLite store answers from memory and core reuses the schema check and the JSON of the ' +
    `remembered body. With the cache off (\`createSqliteStore(db, { rememberReads: false })\`, the "${uncached.label}" rows) ` +
    `the same server serves ${count(uncached.requestsPerSecond)} req/s (${decimal(uncached.vsKoa)} of bare Koa, ` +
    `${decimal(uncached.vsPrism)}× Prism) at ${count(uncached.cpuMicrosPerRequest)} µs of CPU a request, against ` +
    `${count(cached.requestsPerSecond)} req/s (${decimal(cached.vsKoa)}, ${decimal(cached.vsPrism)}×) and ` +
    `${count(cached.cpuMicrosPerRequest)} µs with it. Any write makes SQLite report a change and the cache forget what it ` +
    'remembered, so a workload that writes between reads (the mixed one) or reads many different pages sees the uncached ' +
    'figure more than the headline one.'
  );
}
