/**
 * Start to first 200: the time from spawning the server's own command line entry (what `npm start` runs) on
 * an existing database until an authenticated read answers 200. Reading orders, not a health check, proves
 * that the database is open and the token verified.
 */
import { freePort, spawnPolledServer } from '../child-server.js';
import { BENCH_JWT_SECRET, startPrism } from '../contenders.js';
import { serverBin } from '../paths.js';
import { median } from '../stats.js';
import { bearer } from '../workloads.js';
import type { SectionContext } from './context.js';

export interface StartupTimes {
  samplesMs: number[];
  medianMs: number;
}

export interface StartupResult {
  repeats: number;
  reference: StartupTimes;
  prism: StartupTimes;
}

const PROBE = '/api/v1/customer/orders';

async function referenceStart(databasePath: string, token: string): Promise<number> {
  const port = await freePort();
  const { server, readyMs } = await spawnPolledServer({
    name: 'reference server (bin)',
    script: serverBin(),
    env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, JWT_SECRET: BENCH_JWT_SECRET },
    probe: `http://127.0.0.1:${port}${PROBE}`,
    headers: bearer(token),
  });
  await server.close();
  return readyMs;
}

/**
 * Cold-starts the reference server `repeats` times on `databasePath` (after one unrecorded start that warms
 * the operating system's file cache, as any second `npm start` finds it, unless a single start is asked for).
 *
 * @example
 * const { medianMs } = await measureReferenceStartup('data/bench/orders-1000000.sqlite', token, 5);
 */
export async function measureReferenceStartup(databasePath: string, token: string, repeats: number): Promise<StartupTimes> {
  if (repeats > 1) await referenceStart(databasePath, token);
  const samplesMs: number[] = [];
  for (let i = 0; i < repeats; i++) samplesMs.push(await referenceStart(databasePath, token));
  return { samplesMs, medianMs: median(samplesMs) };
}

async function measurePrismStartup(token: string, repeats: number): Promise<StartupTimes> {
  const samplesMs: number[] = [];
  for (let i = repeats > 1 ? -1 : 0; i < repeats; i++) {
    const { server, readyMs } = await startPrism(bearer(token));
    await server.close();
    if (i >= 0) samplesMs.push(readyMs);
  }
  return { samplesMs, medianMs: median(samplesMs) };
}

/**
 * Start to first 200 of the reference server on the seeded sample database, and of Prism for comparison.
 *
 * @example
 * const { reference } = await runStartup(context, token);
 */
export async function runStartup(context: SectionContext, token: string): Promise<StartupResult> {
  const repeats = context.options.startupRepeats;
  const reference = await measureReferenceStartup(context.seededDatabase, token, repeats);
  context.log(`startup · reference server: ${Math.round(reference.medianMs)} ms (median of ${repeats})`);
  const prism = await measurePrismStartup(token, repeats);
  context.log(`startup · Prism mock: ${Math.round(prism.medianMs)} ms (median of ${repeats})`);
  return { repeats, reference, prism };
}
