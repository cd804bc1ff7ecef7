/**
 * Start to first 200: from spawning `customer-portal-server` on an existing database until an authenticated
 * GET /orders answers 200 (the database open, the key read, the token verified), as a user's restart goes.
 */
import { startReference } from '../contenders.js';
import { buildSqlite } from '../data.js';
import { median } from '../load.js';
import type { Settings } from '../settings.js';
import { signIn } from '../workloads.js';
import { join } from 'node:path';

/**
 * The median of `count` starts on a database some server has already opened (so the file cache is warm, as
 * any second start finds it); `token` is valid on it.
 */
export async function medianStartMs(store: Parameters<typeof startReference>[0], count: number, token: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const server = await startReference(store, token);
    times.push(server.readyMs);
    await server.close();
  }
  return median(times);
}

export async function runStartup(settings: Settings, workDir: string, log: (line: string) => void): Promise<{ medianMs: number; starts: number }> {
  const path = join(workDir, 'startup.db');
  await buildSqlite(path, settings.throughputData);
  const first = await startReference({ path });
  const token = await signIn(first.url).finally(() => first.close());
  const medianMs = await medianStartMs({ path }, settings.startups, token);
  log(`startup · ${Math.round(medianMs)} ms to the first 200 (median of ${settings.startups})`);
  return { medianMs, starts: settings.startups };
}
