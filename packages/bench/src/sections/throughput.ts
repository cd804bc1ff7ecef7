/**
 * Throughput: every workload on every contender that serves it, interleaved (in each round each workload runs
 * on every contender in turn, the order rotating between rounds), so that a slow moment of a shared machine
 * hurts them all alike. Before any load, the naive handler's answers are checked byte for byte against the
 * reference server's, and the reference server's answers are captured for bare Koa to replay.
 */
import { createScratchDatabase, type ScratchDatabase } from '@customer-portal/server';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CannedResponse } from '../bare-koa.js';
import { LABELS, startBareKoa, startNaive, startPrismMock, startReference, type ContenderId } from '../contenders.js';
import { buildPostgres, buildSqlite, type GeneratedData } from '../data.js';
import { measure, ratio, summarise, type LoadRequest, type Measurement } from '../load.js';
import type { RunningServer } from '../processes.js';
import type { Settings } from '../settings.js';
import { randomOrderUrls, signIn, workloads, type Workload, type WorkloadId } from '../workloads.js';

export interface ThroughputRow extends Measurement {
  workload: WorkloadId;
  label: string;
  contender: ContenderId;
  /** This contender's req/s over the naive handler's, bare Koa's and Prism's on the same workload. */
  vsNaive?: number;
  vsKoa?: number;
  vsPrism?: number;
}

export interface ThroughputResult {
  rows: ThroughputRow[];
  /** Requests whose answers the naive handler and the reference server must agree on, byte for byte. */
  identity: { checked: number; mismatches: string[] };
}

// What a client reads of an answer; the rest (Date, Content-Length, security headers) is not the body's business.
const COMPARED_HEADERS = ['content-type', 'x-total-count'];

/**
 * The random pages checked byte for byte and captured: the first this many. The workload has tens of
 * thousands, so that a page is rarely asked twice; capturing them all for bare Koa would hold hundreds of
 * megabytes, so bare Koa is measured on the other workloads only.
 */
const CHECKED_RANDOM_PAGES = 500;

async function answer(url: string, request: LoadRequest): Promise<Omit<CannedResponse, 'request'>> {
  const response = await fetch(url + request.path, { method: request.method, headers: request.headers ?? {}, ...(request.body !== undefined && { body: request.body }) });
  const headers: Record<string, string> = {};
  for (const name of COMPARED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, headers, body: await response.text() };
}

/** Compares the naive handler's answers to the reference server's; returns the reference's answers. */
async function checkAndCapture(reference: RunningServer, naive: RunningServer, all: Workload[]) {
  const canned: CannedResponse[] = [];
  const mismatches: string[] = [];
  let checked = 0;
  const sent = (w: Workload) => (w.id === 'random-pages' ? w.requests.slice(0, CHECKED_RANDOM_PAGES) : w.requests);
  const distinct = new Map(all.flatMap((w) => sent(w).map((r) => [`${r.method} ${r.path}`, { naiveToo: w.naive, r }] as const)));
  for (const [request, { naiveToo, r }] of distinct) {
    const expected = await answer(reference.url, r);
    if (expected.status >= 300) throw new Error(`${request} answered ${expected.status} on the reference server.`);
    canned.push({ request, ...expected });
    if (!naiveToo) continue;
    checked++;
    const actual = await answer(naive.url, r);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      mismatches.push(`${request}: reference ${expected.status} ${JSON.stringify(expected.headers)} ${expected.body.slice(0, 300)}\n  naive ${actual.status} ${JSON.stringify(actual.headers)} ${actual.body.slice(0, 300)}`);
    }
  }
  return { canned, identity: { checked, mismatches } };
}

const rotated = <T>(values: T[], round: number) => values.map((_, i) => values[(i + round) % values.length]!);

export async function runThroughput(settings: Settings, workDir: string, log: (line: string) => void): Promise<ThroughputResult> {
  const databasePath = join(workDir, 'throughput.db');
  const data: GeneratedData = await buildSqlite(databasePath, settings.throughputData);
  log(`throughput · generated ${data.orders} orders in ${data.seconds.toFixed(1)} s`);
  const servers = new Map<ContenderId, RunningServer>();
  let scratch: ScratchDatabase | undefined;
  try {
    servers.set('reference', await startReference({ path: databasePath }));
    const aliToken = await signIn(servers.get('reference')!.url);
    const all = workloads(aliToken, randomOrderUrls(settings.randomUrls));
    servers.set('naive', await startNaive(databasePath, aliToken));
    const { canned, identity } = await checkAndCapture(servers.get('reference')!, servers.get('naive')!, all);
    log(`throughput · the naive handler answered ${identity.checked - identity.mismatches.length} of ${identity.checked} requests byte for byte as the reference server`);
    const cannedFile = join(workDir, 'canned.json');
    writeFileSync(cannedFile, JSON.stringify(canned));
    servers.set('koa', await startBareKoa(cannedFile, canned[0]!.request));
    servers.set('prism', await startPrismMock());
    if (settings.postgresUrl) {
      scratch = await createScratchDatabase(settings.postgresUrl, 'portal_bench');
      const seeded = await buildPostgres(scratch.url, settings.throughputData);
      log(`throughput · generated ${seeded.orders} orders on PostgreSQL in ${seeded.seconds.toFixed(1)} s`);
      // Both on one database: they are the same deployment with one or two processes.
      servers.set('postgres-1', await startReference({ url: scratch.url, workers: 1 }, aliToken));
      servers.set('postgres-2', await startReference({ url: scratch.url, workers: 2 }, aliToken));
    }
    const samples: (Measurement & { workload: WorkloadId; contender: ContenderId })[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      for (const workload of all) {
        const contenders = [...servers.keys()].filter((c) => (c !== 'naive' || workload.naive) && (c !== 'koa' || workload.id !== 'random-pages'));
        for (const contender of rotated(contenders, round)) {
          const connections = workload.connections ?? settings.connections;
          const durationSeconds = Math.max(settings.durationSeconds, workload.minSeconds ?? 0);
          const m = await measure(servers.get(contender)!, workload.requests, { ...settings, connections, durationSeconds });
          samples.push({ ...m, workload: workload.id, contender });
          log(`throughput · round ${round + 1}/${settings.rounds} · ${workload.label} · ${LABELS[contender]}: ${Math.round(m.requestsPerSecond)} req/s, p99 ${m.p99Ms} ms${m.failures ? `, ${m.failures} FAILED` : ''}`);
        }
      }
    }
    const rows = all.flatMap((workload) => {
      const mine = (c: ContenderId) => samples.filter((s) => s.workload === workload.id && s.contender === c);
      const summaries = new Map([...servers.keys()].filter((c) => mine(c).length > 0).map((c) => [c, summarise(mine(c))]));
      const rps = (c: ContenderId) => summaries.get(c)?.requestsPerSecond;
      return [...summaries].map(([contender, m]): ThroughputRow => {
        const vs = Object.entries({ vsNaive: 'naive', vsKoa: 'koa', vsPrism: 'prism' } as const).map(([key, c]) => [key, ratio(m.requestsPerSecond, rps(c))]);
        return { workload: workload.id, label: workload.label, contender, ...m, ...Object.fromEntries(vs.filter(([, v]) => v !== undefined)) };
      });
    });
    return { rows, identity };
  } finally {
    await Promise.all([...servers.values()].map((s) => s.close()));
    await scratch?.drop();
  }
}
