/**
 * Growth with data: one customer with a thousand orders read from databases of growing size, up to a million
 * orders, on SQLite (and on PostgreSQL when given). With per-customer indexes a page should cost what it
 * returns, not what the database holds. Sizes are interleaved like contenders. And start to first 200 on each:
 * from spawning `customer-portal-server` until an authenticated GET /orders answers 200 (the database open,
 * the key read, the token verified), as a user's restart goes.
 */
import { createScratchDatabase, type ScratchDatabase } from '@customer-portal/server';
import { join } from 'node:path';
import { startReference } from '../contenders.js';
import { buildPostgres, buildSqlite, FIRST_ORDER_NUMBER, type GeneratedData } from '../data.js';
import { measure, median, ratio, summarise, type LoadRequest, type Measurement } from '../load.js';
import type { RunningServer } from '../processes.js';
import type { Settings } from '../settings.js';
import { ALI, bearer, signIn } from '../workloads.js';

/**
 * The median of `count` starts on a database some server has already opened (so the file cache is warm, as
 * any second start finds it); `token` is valid on it.
 */
async function medianStartMs(store: Parameters<typeof startReference>[0], count: number, token: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const server = await startReference(store, token);
    times.push(server.readyMs);
    await server.close();
  }
  return median(times);
}

export type StoreName = 'SQLite' | 'PostgreSQL';

export interface GrowthDatabase {
  store: StoreName;
  totalOrders: number;
  customers: number;
  generationSeconds: number;
  startMs: number;
}

export interface GrowthRow extends Measurement {
  store: StoreName;
  totalOrders: number;
  label: string;
  /** CPU time per request over the smallest database's: 1 is flat. */
  vsSmallest?: number;
}

// About a hundred orders a customer, as in "10,000 customers and a million orders".
const planFor = (orders: number) => ({ customers: Math.max(2, Math.round(orders / 100)), orders, heavyCustomerOrders: 1000 });
// ORD10000 matches the first hundred of the heavy customer's thousand orders (ORD1000000 to ORD1000099).
const SEARCH = `ORD${String(FIRST_ORDER_NUMBER).slice(0, -2)}`;

interface Prepared {
  database: GrowthDatabase;
  server: RunningServer;
  /** The heavy customer's: the same customer (the first generated one) on every database. */
  token: string;
}

async function prepare(settings: Settings, workDir: string, store: StoreName, totalOrders: number, scratches: ScratchDatabase[]): Promise<Prepared> {
  let data: GeneratedData;
  let where: Parameters<typeof startReference>[0];
  if (store === 'SQLite') {
    where = { path: join(workDir, `growth-${totalOrders}.db`) };
    data = await buildSqlite(where.path, planFor(totalOrders));
  } else {
    const scratch = await createScratchDatabase(settings.postgresUrl!, 'portal_bench_growth');
    scratches.push(scratch);
    where = { url: scratch.url, workers: 1 };
    data = await buildPostgres(scratch.url, planFor(totalOrders));
  }
  // Every request worked out: the growth of a remembered answer's cost with the data would say nothing.
  const server = await startReference(where, undefined, { REMEMBER_RESPONSES: 'false' });
  const token = await signIn(server.url, { email: data.heavyCustomer.email, password: ALI.password });
  const startMs = await medianStartMs(where, settings.startups, token);
  return { database: { store, totalOrders, customers: data.customers, generationSeconds: data.seconds, startMs }, server, token };
}

export async function runGrowth(settings: Settings, workDir: string, log: (line: string) => void): Promise<{ databases: GrowthDatabase[]; rows: GrowthRow[] }> {
  const stores: StoreName[] = settings.postgresUrl ? ['SQLite', 'PostgreSQL'] : ['SQLite'];
  const prepared: Prepared[] = [];
  const scratches: ScratchDatabase[] = [];
  try {
    for (const store of stores) {
      for (const size of settings.growthSizes) {
        const p = await prepare(settings, workDir, store, size, scratches);
        prepared.push(p);
        log(`growth · ${store} · ${size} orders generated in ${p.database.generationSeconds.toFixed(1)} s; start to first 200 ${Math.round(p.database.startMs)} ms`);
      }
    }
    const token = prepared[0]!.token;
    const get = (path: string): LoadRequest => ({ method: 'GET', path, headers: bearer(token) });
    const reads = [
      { label: 'GET /orders', request: get('/api/v1/customer/orders') },
      { label: 'GET /dashboard', request: get('/api/v1/customer/dashboard') },
      { label: `GET /orders?search=${SEARCH}`, request: get(`/api/v1/customer/orders?search=${SEARCH}`) },
    ];
    const samples: (Measurement & { at: number; label: string })[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      for (const { label, request } of reads) {
        for (let k = 0; k < prepared.length; k++) {
          const at = (k + round) % prepared.length;
          const { server, database } = prepared[at]!;
          const m = await measure(server, [request], settings);
          samples.push({ ...m, at, label });
          log(`growth · round ${round + 1}/${settings.rounds} · ${label} · ${database.store} ${database.totalOrders} orders: ${Math.round(m.requestsPerSecond)} req/s, p99 ${m.p99Ms} ms${m.failures ? `, ${m.failures} FAILED` : ''}`);
        }
      }
    }
    const rows = reads.flatMap(({ label }) =>
      prepared.map(({ database }, at): GrowthRow => {
        const m = summarise(samples.filter((s) => s.at === at && s.label === label));
        const smallest = prepared.findIndex((p) => p.database.store === database.store);
        const base = summarise(samples.filter((s) => s.at === smallest && s.label === label));
        const vsSmallest = ratio(m.cpuMicrosPerRequest, base.cpuMicrosPerRequest);
        return { store: database.store, totalOrders: database.totalOrders, label, ...m, ...(vsSmallest !== undefined && { vsSmallest }) };
      }),
    );
    return { databases: prepared.map((p) => p.database), rows };
  } finally {
    await Promise.all(prepared.map((p) => p.server.close()));
    for (const scratch of scratches) await scratch.drop();
  }
}
