/**
 * One recorded run: warm the server up, then drive it while sampling its memory and CPU time.
 */
import type { RunningServer } from './child-server.js';
import { runLoad, type LoadRequest, type LoadResult } from './load.js';
import { sampleProcess } from './process-stats.js';

export interface Measurement extends LoadResult {
  /** The server's peak resident memory during the recorded run, in MB. */
  peakRssMb: number;
  /** CPU time the server process spent per successful request, in µs (NaN where /proc is missing). */
  cpuMicrosPerRequest: number;
}

export interface MeasureOptions {
  requests: LoadRequest[];
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/**
 * Warms `server` up, then measures it.
 *
 * @example
 * const m = await measure(server, { requests, connections: 32, durationSeconds: 5, warmupSeconds: 1 });
 */
export async function measure(server: RunningServer, options: MeasureOptions): Promise<Measurement> {
  const load = { url: server.url, requests: options.requests, connections: options.connections };
  // Unrecorded: lets V8 optimise the hot paths and SQLite fill its page cache, for every contender alike.
  await runLoad({ ...load, durationSeconds: options.warmupSeconds });
  const sampler = sampleProcess(server.pid);
  const result = await runLoad({ ...load, durationSeconds: options.durationSeconds });
  const { peakRssBytes, cpuMicros } = sampler.stop();
  return { ...result, peakRssMb: peakRssBytes / 2 ** 20, cpuMicrosPerRequest: result.ok > 0 ? cpuMicros / result.ok : Number.NaN };
}
