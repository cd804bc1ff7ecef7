/**
 * The contenders under the same workloads, interleaved: in each round every workload is run on every
 * contender in turn (the order rotating between rounds), so that a slow moment of a shared machine hurts
 * all of them alike. Each round starts fresh servers on a fresh copy of the seeded database.
 */
import { join } from 'node:path';
import type { RunningServer } from '../child-server.js';
import {
  CONTENDER_IDS,
  CONTENDER_LABELS,
  freshCopy,
  startBareKoa,
  startPrism,
  startReference,
  startReferenceWithoutReadCache,
  type ContenderId,
} from '../contenders.js';
import { measure, type Measurement } from '../measure.js';
import { median, ratio } from '../stats.js';
import { bearer, workloads, type Workload, type WorkloadId } from '../workloads.js';
import type { SectionContext } from './context.js';
import type { Session } from './session.js';

export interface ThroughputSample extends Measurement {
  round: number;
  workload: WorkloadId;
  contender: ContenderId;
}

/** Medians across rounds of one workload on one contender. */
export interface ThroughputRow {
  workload: WorkloadId;
  label: string;
  contender: ContenderId;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
  cpuMicrosPerRequest: number;
  /** This contender's req/s over bare Koa's, and over Prism's, on the same workload. */
  vsKoa: number;
  vsPrism: number;
  /** Summed over rounds: anything but 0 means the workload was broken on this contender. */
  non2xx: number;
  errors: number;
}

export interface ThroughputResult {
  connections: number;
  durationSeconds: number;
  rounds: number;
  samples: ThroughputSample[];
  rows: ThroughputRow[];
}

/** Contenders in round `round`'s order: each takes a turn at going first. */
function rotated(round: number): ContenderId[] {
  const shift = round % CONTENDER_IDS.length;
  return [...CONTENDER_IDS.slice(shift), ...CONTENDER_IDS.slice(0, shift)];
}

/** The contenders, plus the reference server with its read cache off when a workload asks for it. */
type Servers = Record<ContenderId, RunningServer> & { referenceUncached?: RunningServer };

async function startAll(context: SectionContext, round: number, token: string, cannedFile: string, uncached: boolean): Promise<Servers> {
  const copy = (name: string) => freshCopy(context.seededDatabase, join(context.workDir, `round-${round}${name}.sqlite`));
  const [reference, koa, prism, referenceUncached] = await Promise.all([
    startReference(copy('')),
    startBareKoa(cannedFile),
    startPrism(bearer(token)),
    uncached ? startReferenceWithoutReadCache(copy('-uncached')) : undefined,
  ]);
  return { reference, koa, prism: prism.server, ...(referenceUncached && { referenceUncached }) };
}

function serverFor(servers: Servers, workload: Workload, contender: ContenderId): RunningServer {
  if (contender === 'reference' && workload.readCache === false) return servers.referenceUncached!;
  return servers[contender];
}

export function summarise(samples: ThroughputSample[], labels: Map<WorkloadId, string>): ThroughputRow[] {
  const rows: ThroughputRow[] = [];
  for (const [workload, label] of labels) {
    const of = (contender: ContenderId) => samples.filter((s) => s.workload === workload && s.contender === contender);
    const rps = (contender: ContenderId) => median(of(contender).map((s) => s.requestsPerSecond));
    for (const contender of CONTENDER_IDS) {
      const mine = of(contender);
      if (mine.length === 0) continue;
      rows.push({
        workload,
        label,
        contender,
        requestsPerSecond: rps(contender),
        p50Ms: median(mine.map((s) => s.p50Ms)),
        p99Ms: median(mine.map((s) => s.p99Ms)),
        peakRssMb: median(mine.map((s) => s.peakRssMb)),
        cpuMicrosPerRequest: median(mine.map((s) => s.cpuMicrosPerRequest)),
        vsKoa: ratio(rps(contender), rps('koa')),
        vsPrism: ratio(rps(contender), rps('prism')),
        non2xx: mine.reduce((sum, s) => sum + s.non2xx, 0),
        errors: mine.reduce((sum, s) => sum + s.errors, 0),
      });
    }
  }
  return rows;
}

/**
 * Runs every workload on every contender, `options.rounds` times, interleaved.
 *
 * @example
 * const { rows } = await runThroughput(context, await openSession(context));
 */
export async function runThroughput(context: SectionContext, { token, cannedFile }: Session): Promise<ThroughputResult> {
  const { rounds, connections, durationSeconds, warmupSeconds } = context.options;
  const all = workloads(token).filter((w) => context.options.workloads.includes(w.id));
  const samples: ThroughputSample[] = [];
  for (let round = 1; round <= rounds; round++) {
    const servers = await startAll(context, round, token, cannedFile, all.some((w) => w.readCache === false));
    try {
      for (const workload of all) {
        for (const contender of rotated(round - 1)) {
          const result = await measure(serverFor(servers, workload, contender), {
            requests: workload.requests,
            connections: Math.min(connections, workload.maxConnections ?? connections),
            durationSeconds: Math.max(durationSeconds, workload.minDurationSeconds ?? 0),
            warmupSeconds,
          });
          samples.push({ round, workload: workload.id, contender, ...result });
          context.log(progressLine(round, rounds, workload, contender, result));
        }
      }
    } finally {
      await Promise.all(Object.values(servers).map((s: RunningServer) => s.close()));
    }
  }
  const labels = new Map(all.map((w) => [w.id, w.label]));
  return { connections, durationSeconds, rounds, samples, rows: summarise(samples, labels) };
}

function progressLine(round: number, rounds: number, workload: Workload, contender: ContenderId, m: Measurement): string {
  const failures = m.non2xx + m.errors > 0 ? ` (${m.non2xx} non-2xx, ${m.errors} errors)` : '';
  return `round ${round}/${rounds} · ${workload.label} · ${CONTENDER_LABELS[contender]}: ${Math.round(m.requestsPerSecond)} req/s, p99 ${m.p99Ms} ms, ${Math.round(m.peakRssMb)} MB${failures}`;
}
