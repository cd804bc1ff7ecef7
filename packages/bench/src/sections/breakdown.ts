/**
 * What each part of the reference server costs a GET /orders, by subtraction: the server as shipped, then
 * without its read cache, then also without response validation, then also without SQLite, then bare Koa.
 * The difference between two steps is the CPU time the part removed costs per request; for the read cache it
 * is negative, because taking a cache out makes each request dearer (see describePart). Steps are interleaved
 * across rounds like the contenders.
 */
import { join } from 'node:path';
import type { RunningServer } from '../child-server.js';
import { spawnAnnouncingServer } from '../child-server.js';
import { BENCH_JWT_SECRET, freshCopy, startBareKoa } from '../contenders.js';
import { measure } from '../measure.js';
import { benchEntry } from '../paths.js';
import { WITHOUT_ENV, type Part } from '../servers/parts.js';
import { median } from '../stats.js';
import { workloads } from '../workloads.js';
import type { SectionContext } from './context.js';
import type { Session } from './session.js';

export interface BreakdownStep {
  label: string;
  /** What this step takes out compared with the one before. */
  removed: string;
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
  /**
   * CPU µs per request the removed part cost (the previous step's CPU time minus this one's). Negative when
   * the part saved time, as a cache does.
   */
  partMicros: number;
}

export interface BreakdownResult {
  workload: string;
  steps: BreakdownStep[];
}

const STEPS: { label: string; removed: string; without: Part[] | 'koa' }[] = [
  { label: 'reference server, as shipped', removed: '', without: [] },
  { label: 'without the read cache', removed: 'the read cache', without: ['read-cache'] },
  { label: '… and without response validation', removed: 'response validation (ajv)', without: ['read-cache', 'response-validation'] },
  { label: '… and the in-memory store', removed: 'the SQLite store (better-sqlite3)', without: ['read-cache', 'response-validation', 'sqlite'] },
  { label: 'bare Koa, canned response', removed: 'core, routing and JSON serialisation', without: 'koa' },
];

async function start(context: SectionContext, session: Session, without: Part[] | 'koa', index: number): Promise<RunningServer> {
  if (without === 'koa') return startBareKoa(session.cannedFile);
  return spawnAnnouncingServer({
    name: `reference server without ${without.join(', ') || 'nothing'}`,
    script: benchEntry('servers/reference-parts'),
    env: {
      DATABASE_PATH: freshCopy(context.seededDatabase, join(context.workDir, `breakdown-${index}.sqlite`)),
      JWT_SECRET: BENCH_JWT_SECRET,
      [WITHOUT_ENV]: without.join(','),
    },
  });
}

/**
 * Prices each part of the reference server on GET /orders.
 *
 * @example
 * const { steps } = await runBreakdown(context, session);
 */
export async function runBreakdown(context: SectionContext, session: Session): Promise<BreakdownResult> {
  const { rounds, connections, durationSeconds, warmupSeconds } = context.options;
  const orders = workloads(session.token)[0]!;
  const servers = await Promise.all(STEPS.map((step, i) => start(context, session, step.without, i)));
  const samples = STEPS.map(() => ({ rps: [] as number[], cpu: [] as number[] }));
  try {
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < STEPS.length; k++) {
        const i = (k + round) % STEPS.length;
        const m = await measure(servers[i]!, { requests: orders.requests, connections, durationSeconds, warmupSeconds });
        if (m.non2xx + m.errors > 0) throw new Error(`${STEPS[i]!.label}: ${m.non2xx} non-2xx responses to ${orders.label}.`);
        samples[i]!.rps.push(m.requestsPerSecond);
        samples[i]!.cpu.push(m.cpuMicrosPerRequest);
        context.log(`breakdown · round ${round + 1}/${rounds} · ${STEPS[i]!.label}: ${Math.round(m.requestsPerSecond)} req/s, ${Math.round(m.cpuMicrosPerRequest)} µs CPU a request`);
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
  const cpu = samples.map((s) => median(s.cpu));
  const steps = STEPS.map((step, i) => ({
    label: step.label,
    removed: step.removed,
    requestsPerSecond: median(samples[i]!.rps),
    cpuMicrosPerRequest: cpu[i]!,
    partMicros: i === 0 ? Number.NaN : cpu[i - 1]! - cpu[i]!,
  }));
  return { workload: orders.label, steps };
}

