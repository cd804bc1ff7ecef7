/**
 * What the reference server's resident memory is made of: this run's peaks, and what was learnt bringing
 * them under the target (V8's heap statistics and `--trace-gc-nvp` during the same workloads).
 */
import type { BenchResults } from '../results.js';
import type { ThroughputRow } from '../sections/throughput.js';
import { count } from './table.js';

/** The reference server's highest peak, login left out (scrypt takes 16 MB per hash in flight, by design). */
export function referencePeak(results: BenchResults): ThroughputRow | undefined {
  const rows = results.throughput?.rows.filter((r) => r.contender === 'reference' && r.workload !== 'login') ?? [];
  return rows.reduce<ThroughputRow | undefined>((a, b) => (!a || b.peakRssMb > a.peakRssMb ? b : a), undefined);
}

/**
 * A paragraph on the reference server's memory; empty when the throughput section did not run.
 *
 * @example
 * memoryParagraph(results); // '**Memory.** The reference server peaks at 110 MB (mixed (4 reads : 1 write)), bare Koa at 79 MB. ...'
 */
export function memoryParagraph(results: BenchResults): string {
  const reference = referencePeak(results);
  const koa = results.throughput?.rows.filter((r) => r.contender === 'koa').reduce((a, b) => Math.max(a, b.peakRssMb), 0);
  if (!reference || !koa) return '';
  return (
    `**Memory.** The reference server peaks at ${count(reference.peakRssMb)} MB (${reference.label}), bare Koa at ${count(koa)} MB. ` +
    'About 45 MB of any Node process here is its own code, mapped from the node binary. Under sustained load V8 grows ' +
    "its young generation to 32 MB (two 16 MB semi-spaces, Node 20's default), while the server's live heap after a full " +
    'collection is about 15 MB: the rest of a peak is garbage not yet collected. Two things used to fill the old ' +
    'generation with such garbage, and both are fixed. The read cache emptied its Map with `clear()`; V8 keeps a ' +
    "cleared Map's table, entries included, for iterators, and once that table is in the old generation the young " +
    'collector takes what it points to as alive, so forgotten pages were promoted. And on Node 20 an object built as a spread ' +
    'followed by new keys (`{ ...message, id, seq }`) allocated about 600 bytes more than with the new keys first, ' +
    'about 300 of which lived long enough to be promoted, and every message written built one. With them, the mixed workload peaked ' +
    'at 121–147 MB and the message one at 124 MB. A deployment that needs less can start Node with ' +
    '`--max-semi-space-size=8`, which halves the young generation.'
  );
}
