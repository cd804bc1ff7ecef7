/**
 * The servers the benchmark compares, each started in a process of its own on 127.0.0.1.
 */
import { startPrism } from '@customer-portal/contract';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer, type RunningServer } from './processes.js';
import { bearer } from './workloads.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
const serverBin = join(repoRoot, 'packages/server/dist/bin.js');

/** One secret for every start, so that a token stays valid across the servers of a run. */
const JWT_SECRET = 'bench-secret-not-for-production-0123456789abcdef';

export type ContenderId = 'reference' | 'naive' | 'koa' | 'prism' | 'postgres-1' | 'postgres-2';

export const LABELS: Record<ContenderId, string> = {
  reference: 'reference server',
  naive: 'naive handler',
  koa: 'bare Koa',
  prism: 'Prism mock',
  'postgres-1': 'reference, PostgreSQL, 1 process',
  'postgres-2': 'reference, PostgreSQL, 2 processes',
};

/** Ready when an authenticated read answers, which proves the database is open and tokens verify. */
const probe = (token?: string) => (token ? { path: '/api/v1/customer/orders', headers: bearer(token) } : { path: '/healthz', headers: {} });

/**
 * The reference server as users run it: `customer-portal-server` (packages/server/dist/bin.js), configured by
 * its environment. `store` is a SQLite file, or a PostgreSQL URL with its number of processes.
 */
export function startReference(store: { path: string } | { url: string; workers: number }, token?: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const env: Record<string, string> = 'path' in store ? { DATABASE_PATH: store.path, DATABASE_URL: '' } : { DATABASE_URL: store.url, WORKERS: String(store.workers) };
  const name = 'path' in store ? LABELS.reference : LABELS[store.workers > 1 ? 'postgres-2' : 'postgres-1'];
  const { path, headers } = probe(token);
  // SIGN_IN_THROTTLE=false: the login workload signs one account in over and over, on purpose.
  return spawnServer(name, serverBin, { JWT_SECRET, SIGN_IN_THROTTLE: 'false', ...env, ...extraEnv }, path, headers);
}

export function startNaive(databasePath: string, token: string): Promise<RunningServer> {
  const { path, headers } = probe(token);
  return spawnServer(LABELS.naive, join(here, 'naive-handler.js'), { DATABASE_PATH: databasePath, JWT_SECRET }, path, headers);
}

export function startBareKoa(cannedFile: string, readyRequest: string): Promise<RunningServer> {
  return spawnServer(LABELS.koa, join(here, 'bare-koa.js'), { CANNED_RESPONSES: cannedFile }, readyRequest.replace(/^GET /, ''));
}

/**
 * `prism mock openapi.yaml`, as `npm run mock` starts it (logging each request, as it does by default), with
 * the contract suite's launcher.
 */
export async function startPrismMock(): Promise<RunningServer> {
  const started = performance.now();
  const prism = await startPrism({ command: 'mock' });
  return { url: prism.url, pid: prism.pid, readyMs: performance.now() - started, close: () => prism.stop() };
}
