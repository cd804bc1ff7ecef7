/**
 * SQLite or PostgreSQL: the reference server on each store under the same workloads, interleaved as in the
 * throughput section (each round fresh servers on fresh data, the order rotating), then the growth series on
 * PostgreSQL (the heavy customer read from databases of increasing size, up to a million orders).
 *
 * Only requests per second and latency are compared: with two processes, the CPU and memory of one process
 * would say half of what the server uses.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, openPostgres, type ScratchDatabase } from '@customer-portal/server';
import type { RunningServer } from '../child-server.js';
import { customersFor, GROWTH_WORKLOADS, type GrowthWorkloadId } from '../sections/growth.js';
import type { LoadRequest } from '../load.js';
import { measure } from '../measure.js';
import { ordersProgressBar } from '../progress-bar.js';
import { median, ratio } from '../stats.js';
import { bearer, signIn, SAMPLE_ACCOUNT, workloads, type WorkloadId } from '../workloads.js';
import { startOnStore, STORE_CONTENDERS, STORE_LABELS, type StoreContender } from './contenders.js';
import { generatePostgresData } from './generate-postgres.js';

export interface StoresOptions {
  clusterUrl: string;
  workDir: string;
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Workloads of the side-by-side runs. */
  workloads: WorkloadId[];
  /** Total orders of each PostgreSQL growth database; none skips the series. */
  growthSizes: number[];
  heavyCustomerOrders: number;
  log: (line: string) => void;
}

export interface StoreRow {
  workload: WorkloadId;
  label: string;
  contender: StoreContender;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** This contender's req/s over SQLite's on the same workload. */
  vsSqlite: number;
  failures: number;
}

export interface PostgresGrowthRow {
  totalOrders: number;
  workload: GrowthWorkloadId;
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The smallest database's req/s over this one's: 1 is flat, 2 twice as slow. */
  slowdown: number;
}

export interface StoresResult {
  settings: Omit<StoresOptions, 'clusterUrl' | 'workDir' | 'log'>;
  rows: StoreRow[];
  growth: { heavyCustomerOrders: number; generationSeconds: Record<number, number>; rows: PostgresGrowthRow[] };
  /** The machine's one-minute load average before and after, and its cores: how busy it was besides us. */
  load: { before: number; after: number; cores: number };
  seconds: number;
}

interface Started {
  server: RunningServer;
  scratch?: ScratchDatabase;
}

async function startContender(options: StoresOptions, contender: StoreContender, round: number): Promise<Started> {
  const label = STORE_LABELS[contender];
  // Every round on data of its own, seeded by the server as a first start does: writes grow the tables.
  if (contender === 'sqlite') return { server: await startOnStore({ databasePath: join(options.workDir, `stores-${round}.sqlite`) }, 1, label) };
  const scratch = await createScratchDatabase(options.clusterUrl, 'portal_bench');
  const server = await startOnStore({ databaseUrl: scratch.url }, contender === 'postgres-2' ? 2 : 1, label);
  return { server, scratch };
}

const rotated = (round: number) => {
  const shift = round % STORE_CONTENDERS.length;
  return [...STORE_CONTENDERS.slice(shift), ...STORE_CONTENDERS.slice(0, shift)];
};

async function sideBySide(options: StoresOptions): Promise<StoreRow[]> {
  const samples: { workload: WorkloadId; contender: StoreContender; rps: number; p50: number; p99: number; failures: number }[] = [];
  const labels = new Map<WorkloadId, string>();
  for (let round = 1; round <= options.rounds; round++) {
    const started = new Map<StoreContender, Started>();
    try {
      for (const contender of STORE_CONTENDERS) started.set(contender, await startContender(options, contender, round));
      // One token for all: every contender signs with the same key and seeds the same sample accounts.
      const token = await signIn(started.get('sqlite')!.server.url);
      const chosen = workloads(token).filter((w) => options.workloads.includes(w.id));
      for (const workload of chosen) {
        labels.set(workload.id, workload.label);
        for (const contender of rotated(round - 1)) {
          const m = await measure(started.get(contender)!.server, {
            requests: workload.requests,
            connections: Math.min(options.connections, workload.maxConnections ?? options.connections),
            durationSeconds: Math.max(options.durationSeconds, workload.minDurationSeconds ?? 0),
            warmupSeconds: options.warmupSeconds,
          });
          samples.push({ workload: workload.id, contender, rps: m.requestsPerSecond, p50: m.p50Ms, p99: m.p99Ms, failures: m.non2xx + m.errors });
          options.log(`stores · round ${round}/${options.rounds} · ${workload.label} · ${STORE_LABELS[contender]}: ${Math.round(m.requestsPerSecond)} req/s, p99 ${m.p99Ms} ms`);
        }
      }
    } finally {
      for (const { server, scratch } of started.values()) {
        await server.close();
        await scratch?.drop();
      }
    }
  }
  return [...labels].flatMap(([workload, label]) => {
    const of = (c: StoreContender) => samples.filter((s) => s.workload === workload && s.contender === c);
    const rps = (c: StoreContender) => median(of(c).map((s) => s.rps));
    return STORE_CONTENDERS.map((contender) => ({
      workload,
      label,
      contender,
      requestsPerSecond: rps(contender),
      p50Ms: median(of(contender).map((s) => s.p50)),
      p99Ms: median(of(contender).map((s) => s.p99)),
      vsSqlite: ratio(rps(contender), rps('sqlite')),
      failures: of(contender).reduce((sum, s) => sum + s.failures, 0),
    }));
  });
}

function growthRequests(token: string, searchTerm: string): { id: GrowthWorkloadId; label: string; request: LoadRequest }[] {
  const get = (path: string): LoadRequest => ({ method: 'GET', path, headers: bearer(token) });
  const all = {
    orders: { label: 'GET /orders', request: get('/api/v1/customer/orders') },
    dashboard: { label: 'GET /dashboard', request: get('/api/v1/customer/dashboard') },
    search: { label: `GET /orders?search=${searchTerm}`, request: get(`/api/v1/customer/orders?search=${searchTerm}`) },
  };
  return GROWTH_WORKLOADS.map((id) => ({ id, ...all[id] }));
}

async function growth(options: StoresOptions): Promise<StoresResult['growth']> {
  const result: StoresResult['growth'] = { heavyCustomerOrders: options.heavyCustomerOrders, generationSeconds: {}, rows: [] };
  if (options.growthSizes.length === 0) return result;
  const databases: { size: number; scratch: ScratchDatabase; heavy: { email: string }; searchTerm: string }[] = [];
  const servers: RunningServer[] = [];
  try {
    for (const size of options.growthSizes) {
      const scratch = await createScratchDatabase(options.clusterUrl, 'portal_bench_growth');
      const pool = await openPostgres(scratch.url, { poolSize: 2 });
      const started = performance.now();
      const bar = ordersProgressBar(`PostgreSQL ${size.toLocaleString('en')} orders`, size);
      try {
        // The stored hash of the sample password, made once: every generated customer shares it.
        const { hashPassword } = await import('@customer-portal/server');
        const passwordHash = hashPassword(SAMPLE_ACCOUNT.password);
        const plan = { customers: customersFor(size), orders: size, heavyCustomerOrders: options.heavyCustomerOrders, password: SAMPLE_ACCOUNT.password, passwordHash };
        const data = await generatePostgresData(pool, plan, (done) => bar.update(done));
        databases.push({ size, scratch, heavy: data.heavyCustomer, searchTerm: data.searchTerm });
      } finally {
        bar.stop();
        await pool.end();
      }
      result.generationSeconds[size] = (performance.now() - started) / 1000;
      options.log(`stores · growth · generated ${size} orders on PostgreSQL in ${result.generationSeconds[size]!.toFixed(1)} s`);
    }
    for (const { scratch } of databases) servers.push(await startOnStore({ databaseUrl: scratch.url }, 1, STORE_LABELS.postgres));
    const token = await signIn(servers[0]!.url, { email: databases[0]!.heavy.email, password: SAMPLE_ACCOUNT.password });
    const requests = growthRequests(token, databases[0]!.searchTerm);
    const samples: { size: number; workload: GrowthWorkloadId; rps: number; p50: number; p99: number }[] = [];
    for (let round = 0; round < options.rounds; round++) {
      for (const workload of requests) {
        for (let k = 0; k < servers.length; k++) {
          const i = (k + round) % servers.length;
          const m = await measure(servers[i]!, { requests: [workload.request], connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds });
          if (m.non2xx + m.errors > 0) throw new Error(`${workload.label} failed on the ${databases[i]!.size}-order PostgreSQL database (${m.non2xx} non-2xx).`);
          samples.push({ size: databases[i]!.size, workload: workload.id, rps: m.requestsPerSecond, p50: m.p50Ms, p99: m.p99Ms });
          options.log(`stores · growth · ${workload.label} · ${databases[i]!.size} orders: ${Math.round(m.requestsPerSecond)} req/s, p99 ${m.p99Ms} ms`);
        }
      }
    }
    const base = options.growthSizes[0]!;
    result.rows = requests.flatMap(({ id, label }) =>
      options.growthSizes.map((size) => {
        const mine = samples.filter((s) => s.workload === id && s.size === size);
        const rps = median(mine.map((s) => s.rps));
        const baseRps = median(samples.filter((s) => s.workload === id && s.size === base).map((s) => s.rps));
        return { totalOrders: size, workload: id, label, requestsPerSecond: rps, p50Ms: median(mine.map((s) => s.p50)), p99Ms: median(mine.map((s) => s.p99)), slowdown: ratio(baseRps, rps) };
      }),
    );
    return result;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    for (const { scratch } of databases) await scratch.drop();
  }
}

/**
 * @example
 * const result = await runStores({ clusterUrl: process.env.TEST_DATABASE_URL!, workDir, rounds: 3, ... });
 */
export async function runStores(options: StoresOptions): Promise<StoresResult> {
  const started = performance.now();
  const before = loadavg()[0]!;
  const rows = await sideBySide(options);
  const growthResult = await growth(options);
  const { clusterUrl: _c, workDir: _w, log: _l, ...settings } = options;
  const load = { before, after: loadavg()[0]!, cores: availableParallelism() };
  return { settings, rows, growth: growthResult, load, seconds: (performance.now() - started) / 1000 };
}
