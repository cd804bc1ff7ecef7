/**
 * The targets of issue #7, checked against one run's results. A miss states by how much; why it misses is
 * in the profile section and in docs/performance.md.
 */
import type { BenchResults } from '../results.js';
import { SDK_BUDGET_BYTES } from '../sections/sdk-size.js';

export type TargetStatus = 'pass' | 'miss' | 'not measured';

export interface TargetCheck {
  id: string;
  goal: string;
  measured: string;
  status: TargetStatus;
  /** For a miss: how far from the goal, in words. */
  shortfall?: string;
}

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const percent = (n: number) => `${Math.round(n * 100)}%`;

function check(id: string, goal: string, measured: string, pass: boolean | undefined, shortfall: string): TargetCheck {
  if (pass === undefined) return { id, goal, measured: 'not measured in this run', status: 'not measured' };
  return pass ? { id, goal, measured, status: 'pass' } : { id, goal, measured, status: 'miss', shortfall };
}

/** Ratios and limits from issue #7. */
export const TARGETS = {
  vsKoa: 0.5,
  vsPrism: 4,
  p99Ms: 10,
  startupMs: 300,
  rssMb: 120,
  /** Largest database's req/s may be at most this much lower than the smallest's ("flat"). */
  growthSlowdown: 1.25,
  generationSeconds: 60,
  generationOrders: 1_000_000,
  sdkBytes: SDK_BUDGET_BYTES,
} as const;

/**
 * Checks each target the run measured.
 *
 * @example
 * checkTargets(results).filter((t) => t.status === 'miss');
 */
export function checkTargets(results: Omit<BenchResults, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const rows = results.throughput?.rows ?? [];
  const orders = rows.find((r) => r.workload === 'orders' && r.contender === 'reference');
  const connections = results.throughput?.connections;

  checks.push(
    check(
      'orders-vs-koa',
      `GET /orders at ≥ ${TARGETS.vsKoa} of bare Koa's req/s`,
      `${fixed(orders?.vsKoa ?? NaN)} of bare Koa`,
      orders && orders.vsKoa >= TARGETS.vsKoa,
      `${percent(1 - (orders?.vsKoa ?? 0) / TARGETS.vsKoa)} below the goal`,
    ),
    check(
      'orders-vs-prism',
      `GET /orders at ≥ ${TARGETS.vsPrism}× Prism's req/s`,
      `${fixed(orders?.vsPrism ?? NaN)}× Prism`,
      orders && orders.vsPrism >= TARGETS.vsPrism,
      `${percent(1 - (orders?.vsPrism ?? 0) / TARGETS.vsPrism)} below the goal`,
    ),
    check(
      'orders-p99',
      `GET /orders p99 < ${TARGETS.p99Ms} ms at 32 connections`,
      `${orders?.p99Ms ?? 'n/a'} ms at ${connections ?? 'n/a'} connections`,
      orders && connections === 32 ? orders.p99Ms < TARGETS.p99Ms : undefined,
      `${fixed((orders?.p99Ms ?? 0) - TARGETS.p99Ms, 0)} ms over`,
    ),
  );

  const startupMs = results.startup?.reference.medianMs;
  checks.push(
    check(
      'startup',
      `start to first 200 < ${TARGETS.startupMs} ms on the seeded database`,
      `${fixed(startupMs ?? NaN, 0)} ms (median)`,
      startupMs === undefined ? undefined : startupMs < TARGETS.startupMs,
      `${fixed((startupMs ?? 0) - TARGETS.startupMs, 0)} ms over`,
    ),
  );

  // Login is left out: scrypt takes 16 MB for each hash in flight on each of libuv's threads, by design.
  const referenceRss = rows.filter((r) => r.contender === 'reference' && r.workload !== 'login');
  const worstRss = referenceRss.reduce<(typeof rows)[number] | undefined>((a, b) => (!a || b.peakRssMb > a.peakRssMb ? b : a), undefined);
  const peakRss = worstRss?.peakRssMb;
  const loginRss = rows.find((r) => r.contender === 'reference' && r.workload === 'login')?.peakRssMb;
  checks.push(
    check(
      'rss',
      `< ${TARGETS.rssMb} MB resident under load`,
      `${fixed(peakRss ?? NaN, 0)} MB peak (${worstRss?.label ?? 'n/a'})${loginRss === undefined ? '' : `; login: ${fixed(loginRss, 0)} MB (scrypt)`}`,
      peakRss === undefined ? undefined : peakRss < TARGETS.rssMb,
      `${fixed((peakRss ?? 0) - TARGETS.rssMb, 0)} MB over`,
    ),
  );

  const growth = results.growth;
  const worst = growth?.rows.reduce((a, b) => (b.slowdown > a.slowdown ? b : a), growth.rows[0]!);
  checks.push(
    check(
      'growth-flat',
      `latency flat with database size (largest within ${percent(TARGETS.growthSlowdown - 1)} of smallest)`,
      worst ? `worst: ${worst.label} ${fixed(worst.slowdown)}× slower at ${worst.totalOrders.toLocaleString('en')} orders` : 'n/a',
      worst ? worst.slowdown <= TARGETS.growthSlowdown : undefined,
      `${percent((worst?.slowdown ?? 1) - 1)} slower at the largest size`,
    ),
  );

  const full = growth?.sizes.find((s) => s.totalOrders >= TARGETS.generationOrders);
  checks.push(
    check(
      'generation',
      `generate 10,000 customers / 1,000,000 orders in < ${TARGETS.generationSeconds} s`,
      full ? `${fixed(full.generationSeconds, 1)} s for ${full.totalOrders.toLocaleString('en')} orders` : 'n/a',
      full ? full.generationSeconds < TARGETS.generationSeconds : undefined,
      `${fixed((full?.generationSeconds ?? 0) - TARGETS.generationSeconds, 1)} s over`,
    ),
  );

  const sdk = results.sdk;
  checks.push(
    check(
      'sdk-size',
      `the SDK adds ≤ ${TARGETS.sdkBytes} B (min+gzip) to an app`,
      sdk ? `${sdk.addedGzipBytes} B added` : 'n/a',
      sdk ? sdk.addedGzipBytes <= TARGETS.sdkBytes : undefined,
      `${(sdk?.addedGzipBytes ?? 0) - TARGETS.sdkBytes} B over`,
    ),
  );
  return checks;
}
