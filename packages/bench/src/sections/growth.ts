/**
 * How the reference server's cost grows with data: the same customer (with 1,000 orders) read from databases
 * of increasing size. With per-customer indexes and pages, latency should follow what one response returns,
 * not how many rows the database holds. Sizes are interleaved like contenders in the throughput section.
 */
import { join } from 'node:path';
import type { RunningServer } from '../child-server.js';
import { startReferenceWithoutReadCache } from '../contenders.js';
import { buildDatabase, type BuiltDatabase } from '../generator/build-database.js';
import type { DataCounts } from '../generator/generate.js';
import type { LoadRequest } from '../load.js';
import { measure } from '../measure.js';
import { ordersProgressBar } from '../progress-bar.js';
import { median, ratio } from '../stats.js';
import { bearer, signIn, SAMPLE_ACCOUNT } from '../workloads.js';
import type { SectionContext } from './context.js';
import { measureReferenceStartup } from './startup.js';

export const GROWTH_WORKLOADS = ['orders', 'dashboard', 'search'] as const;
export type GrowthWorkloadId = (typeof GROWTH_WORKLOADS)[number];

export interface GrowthSize {
  totalOrders: number;
  customers: number;
  counts: DataCounts;
  generationSeconds: number;
  fileMb: number;
  /** Start to first 200 of the reference server on this database (median). */
  startupMs: number;
}

export interface GrowthRow {
  totalOrders: number;
  workload: GrowthWorkloadId;
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMicrosPerRequest: number;
  /** This size's CPU time per request over the smallest database's (req/s inverted where CPU time is unknown): 1 is flat, 2 twice as slow. */
  slowdown: number;
}

export interface GrowthResult {
  heavyCustomerOrders: number;
  searchTerm: string;
  sizes: GrowthSize[];
  rows: GrowthRow[];
}

/** About a hundred orders a customer, as in "10,000 customers and a million orders". */
export function customersFor(totalOrders: number): number {
  return Math.max(2, Math.round(totalOrders / 100));
}

function growthRequests(token: string, searchTerm: string): { id: GrowthWorkloadId; label: string; request: LoadRequest }[] {
  const get = (path: string): LoadRequest => ({ method: 'GET', path, headers: bearer(token) });
  return [
    { id: 'orders', label: 'GET /orders', request: get('/api/v1/customer/orders') },
    { id: 'dashboard', label: 'GET /dashboard', request: get('/api/v1/customer/dashboard') },
    { id: 'search', label: `GET /orders?search=${searchTerm}`, request: get(`/api/v1/customer/orders?search=${searchTerm}`) },
  ];
}

function build(context: SectionContext, totalOrders: number): BuiltDatabase {
  const customers = customersFor(totalOrders);
  const bar = ordersProgressBar(`${totalOrders.toLocaleString('en')} orders`, totalOrders);
  const built = buildDatabase(
    join(context.workDir, `orders-${totalOrders}.db`),
    { customers, orders: totalOrders, heavyCustomerOrders: context.options.heavyCustomerOrders },
    (done) => bar.update(done),
  );
  bar.stop();
  context.log(`growth · generated ${customers} customers / ${totalOrders} orders in ${built.seconds.toFixed(1)} s (${Math.round(built.fileBytes / 2 ** 20)} MB)`);
  return built;
}

interface GrowthSample {
  totalOrders: number;
  workload: GrowthWorkloadId;
  rps: number;
  p50: number;
  p99: number;
  cpu: number;
}

type GrowthWorkload = ReturnType<typeof growthRequests>[number];

async function measureSizes(context: SectionContext, servers: RunningServer[], workloads: GrowthWorkload[]): Promise<GrowthSample[]> {
  const { rounds, connections, durationSeconds, warmupSeconds, growthSizes } = context.options;
  const samples: GrowthSample[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const workload of workloads) {
      for (let k = 0; k < servers.length; k++) {
        // Rotate which size goes first, as contenders do.
        const i = (k + round) % servers.length;
        const totalOrders = growthSizes[i]!;
        const m = await measure(servers[i]!, { requests: [workload.request], connections, durationSeconds, warmupSeconds });
        if (m.non2xx + m.errors > 0) throw new Error(`${workload.label} failed on the ${totalOrders}-order database (${m.non2xx} non-2xx).`);
        samples.push({ totalOrders, workload: workload.id, rps: m.requestsPerSecond, p50: m.p50Ms, p99: m.p99Ms, cpu: m.cpuMicrosPerRequest });
        context.log(`growth · round ${round + 1}/${rounds} · ${workload.label} · ${totalOrders} orders: ${Math.round(m.requestsPerSecond)} req/s, p99 ${m.p99Ms} ms`);
      }
    }
  }
  return samples;
}

/** Medians per workload and size, and each size's cost relative to the smallest database's. */
export function summariseGrowth(samples: GrowthSample[], workloads: { id: GrowthWorkloadId; label: string }[], sizes: number[]): GrowthRow[] {
  return workloads.flatMap(({ id, label }) => {
    const at = (size: number) => samples.filter((s) => s.workload === id && s.totalOrders === size);
    const base = at(sizes[0]!);
    return sizes.map((size) => {
      const mine = at(size);
      const rps = median(mine.map((s) => s.rps));
      const cpu = median(mine.map((s) => s.cpu));
      // CPU time per request is the server's own work, unmoved by other processes; req/s where it is unknown.
      const slowdown = Number.isFinite(cpu) ? ratio(cpu, median(base.map((s) => s.cpu))) : ratio(median(base.map((s) => s.rps)), rps);
      return {
        totalOrders: size,
        workload: id,
        label,
        requestsPerSecond: rps,
        p50Ms: median(mine.map((s) => s.p50)),
        p99Ms: median(mine.map((s) => s.p99)),
        cpuMicrosPerRequest: cpu,
        slowdown,
      };
    });
  });
}

async function startupOn(context: SectionContext, database: BuiltDatabase, token: string): Promise<GrowthSize> {
  const startup = await measureReferenceStartup(database.path, token, context.options.startupRepeats);
  context.log(`growth · start to first 200 on ${database.counts.orders} orders: ${Math.round(startup.medianMs)} ms`);
  return {
    totalOrders: database.counts.orders,
    customers: database.counts.customers,
    counts: database.counts,
    generationSeconds: database.seconds,
    fileMb: database.fileBytes / 2 ** 20,
    startupMs: startup.medianMs,
  };
}

/**
 * Generates a database per size, measures the heavy customer's reads on each (all servers up, sizes
 * interleaved), then times start to first 200 on each.
 *
 * @example
 * const { rows } = await runGrowth(context);
 */
export async function runGrowth(context: SectionContext): Promise<GrowthResult> {
  const databases = context.options.growthSizes.map((size) => build(context, size));
  // Every database holds the sample world first, so the heavy customer has the same id and orders in each.
  const { heavyCustomer, searchTerm } = databases[0]!;
  const servers: RunningServer[] = [];
  let samples: GrowthSample[];
  let workloads: GrowthWorkload[];
  let sampleToken: string;
  try {
    // With the read cache on, every repeat of a request is answered from memory whatever the size of the
    // database: the reads are measured on the server with it off, so that they say what SQLite costs.
    for (const database of databases) servers.push(await startReferenceWithoutReadCache(database.path));
    const token = await signIn(servers[0]!.url, { email: heavyCustomer.email, password: SAMPLE_ACCOUNT.password });
    sampleToken = await signIn(servers[0]!.url);
    workloads = growthRequests(token, searchTerm);
    samples = await measureSizes(context, servers, workloads);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
  const sizes: GrowthSize[] = [];
  for (const database of databases) sizes.push(await startupOn(context, database, sampleToken));
  return {
    heavyCustomerOrders: heavyCustomer.orders,
    searchTerm,
    sizes,
    rows: summariseGrowth(samples, workloads, context.options.growthSizes),
  };
}
