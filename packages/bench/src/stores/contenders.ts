/** The reference server on each store the stores benchmark compares, each in a child process of its own. */
import type { RunningServer } from '../child-server.js';
import { spawnAnnouncingServer } from '../child-server.js';
import { BENCH_JWT_SECRET } from '../contenders.js';
import { benchEntry } from '../paths.js';

export const STORE_CONTENDERS = ['sqlite', 'postgres', 'postgres-2'] as const;
export type StoreContender = (typeof STORE_CONTENDERS)[number];

export const STORE_LABELS: Record<StoreContender, string> = {
  sqlite: 'SQLite, 1 process',
  postgres: 'PostgreSQL, 1 process',
  'postgres-2': 'PostgreSQL, 2 processes',
};

/** Where a contender keeps its data: a SQLite file, or a PostgreSQL database URL. */
export type StoreLocation = { databasePath: string } | { databaseUrl: string };

/**
 * The reference server as shipped (response validation on), on `where`, in `workers` processes.
 *
 * @example
 * const server = await startOnStore({ databaseUrl: 'postgres://…/bench' }, 2);
 */
export function startOnStore(where: StoreLocation, workers: number, name: string): Promise<RunningServer> {
  const env: Record<string, string> = { JWT_SECRET: BENCH_JWT_SECRET, WORKERS: String(workers), DATABASE_URL: '', DATABASE_PATH: '' };
  if ('databaseUrl' in where) env.DATABASE_URL = where.databaseUrl;
  else env.DATABASE_PATH = where.databasePath;
  return spawnAnnouncingServer({ name, script: benchEntry('servers/reference-on-store'), env, timeoutMs: 60_000 });
}
