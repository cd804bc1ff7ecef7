/**
 * The three servers the benchmark compares, each started in its own process.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { spawnAnnouncingServer, spawnPolledServer, freePort, type RunningServer } from './child-server.js';
import { benchEntry, openapiPath, prismCli } from './paths.js';
import { CANNED_RESPONSES_ENV } from './servers/canned-responses.js';
import { WITHOUT_ENV } from './servers/parts.js';

export const CONTENDER_IDS = ['reference', 'koa', 'prism'] as const;
export type ContenderId = (typeof CONTENDER_IDS)[number];

export const CONTENDER_LABELS: Record<ContenderId, string> = {
  reference: 'reference server',
  koa: 'bare Koa',
  prism: 'Prism mock',
};

/** The same secret for every start, so that a token stays valid across the rounds' fresh servers. */
export const BENCH_JWT_SECRET = 'bench-secret-not-for-production-0123456789abcdef';

/** A copy of `template` at `target`, so that each round starts from the same data (writes grow the tables). */
export function freshCopy(template: string, target: string): string {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(template, target);
  return target;
}

/**
 * The reference server on `databasePath`, in a child process.
 *
 * @example
 * const server = await startReference('/tmp/bench/round-1.sqlite');
 */
export function startReference(databasePath: string, extraNodeArgs: string[] = []): Promise<RunningServer> {
  return spawnAnnouncingServer({
    name: CONTENDER_LABELS.reference,
    script: benchEntry('servers/reference'),
    nodeArgs: extraNodeArgs,
    env: { DATABASE_PATH: databasePath, JWT_SECRET: BENCH_JWT_SECRET },
  });
}

/**
 * The reference server on `databasePath` with its read cache off (`createSqliteStore(db, { rememberReads: false })`),
 * otherwise as shipped: every read goes to SQLite and every response is checked and serialised afresh.
 *
 * @example
 * const server = await startReferenceWithoutReadCache('/tmp/bench/round-1-uncached.sqlite');
 */
export function startReferenceWithoutReadCache(databasePath: string): Promise<RunningServer> {
  return spawnAnnouncingServer({
    name: `${CONTENDER_LABELS.reference} (read cache off)`,
    script: benchEntry('servers/reference-parts'),
    env: { DATABASE_PATH: databasePath, JWT_SECRET: BENCH_JWT_SECRET, [WITHOUT_ENV]: 'read-cache' },
  });
}

/** Bare Koa replaying the responses in `cannedFile` (see servers/capture.ts). */
export function startBareKoa(cannedFile: string): Promise<RunningServer> {
  return spawnAnnouncingServer({ name: CONTENDER_LABELS.koa, script: benchEntry('servers/bare-koa'), env: { [CANNED_RESPONSES_ENV]: cannedFile } });
}

/**
 * Prism's static mock of openapi.yaml, as `npm run mock` starts it but logging warnings only: at its default
 * level it writes several lines per request, a cost our server (started with log: false) does not pay.
 */
export async function startPrism(authorization: Record<string, string>): Promise<{ server: RunningServer; readyMs: number }> {
  const port = await freePort();
  return spawnPolledServer({
    name: CONTENDER_LABELS.prism,
    script: prismCli(),
    args: ['mock', '--host', '127.0.0.1', '--port', String(port), '--verboseLevel', 'warn', openapiPath],
    probe: `http://127.0.0.1:${port}/api/v1/customer/orders`,
    headers: authorization,
    intervalMs: 20,
  });
}
