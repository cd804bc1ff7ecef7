/**
 * One measured run: autocannon on loopback from this process, against a server in its own process whose CPU
 * time and peak memory are read from /proc meanwhile. And the few statistics the report needs.
 */
import autocannon from 'autocannon';
import { sampleProcessTree, type RunningServer } from './processes.js';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Measurement {
  /** 2xx responses a second. */
  requestsPerSecond: number;
  /** Latency in milliseconds (autocannon records whole milliseconds). */
  p50Ms: number;
  p99Ms: number;
  /** CPU time (user + system) of the server's process tree per 2xx response. */
  cpuMicrosPerRequest: number;
  peakRssMb: number;
  /** Non-2xx responses, errors and timeouts: a run with any is broken, not fast. */
  failures: number;
}

export interface LoadShape {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /**
   * Instead of durations: this many requests a connection, then this many again recorded. A smoke run
   * counts requests, so that a slow server on a busy machine still answers some in every run.
   */
  requestsPerConnection?: number;
}

async function drive(url: string, requests: autocannon.Request[], connections: number, duration: number, amount?: number) {
  // sampleInt: autocannon notices the end of a run only when it samples (each second by default).
  return autocannon({ url, connections, duration, ...(amount && { amount }), sampleInt: 100, requests });
}

/**
 * The requests as one queue that every connection takes its next request from. autocannon's own list would
 * be sent by each connection from the first: every URL of a random workload 32 times within a few
 * milliseconds, and a server that remembers answers would answer 31 of them from memory. The queue goes
 * on from the warm-up into the recorded run, so the run does not send again what the warm-up sent.
 */
function shared(requests: LoadRequest[]): autocannon.Request[] {
  if (requests.length === 1) return [{ ...requests[0]! }];
  let next = 0;
  return [{ setupRequest: (request) => ({ ...request, ...requests[next++ % requests.length]! }) }];
}

/**
 * Warms `server` up unrecorded (V8 optimises, SQLite fills its cache), then measures it. The connections
 * share `requests`, each taking the next one (see shared()).
 */
export async function measure(server: RunningServer, requests: LoadRequest[], shape: LoadShape): Promise<Measurement> {
  const amount = shape.requestsPerConnection && shape.requestsPerConnection * shape.connections;
  const queue = shared(requests);
  const warm = await drive(server.url, queue, shape.connections, shape.warmupSeconds, amount);
  const sampler = sampleProcessTree(server.pid);
  const run = await drive(server.url, queue, shape.connections, shape.durationSeconds, amount);
  const { peakRssMb, cpuMicros } = sampler.stop();
  const ok = run['2xx'];
  return {
    requestsPerSecond: run.duration > 0 ? ok / run.duration : 0,
    p50Ms: run.latency.p50,
    p99Ms: run.latency.p99,
    cpuMicrosPerRequest: ok > 0 ? cpuMicros / ok : Number.NaN,
    peakRssMb,
    failures: warm.non2xx + warm.errors + warm.timeouts + run.non2xx + run.errors + run.timeouts,
  };
}

/**
 * The middle value (the mean of the two middle ones for an even count), ignoring values that are not finite;
 * NaN for none. Rounds are few and machines noisy, so every figure reported is a median across rounds.
 */
export function median(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
}

/** `a / b`, or undefined when the quotient means nothing (a missing, zero or negative denominator). */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return undefined;
  return a / b;
}

/** The median of each numeric field of `samples`, and their failures summed. */
export function summarise(samples: Measurement[]): Measurement {
  const of = (key: keyof Measurement) => median(samples.map((s) => s[key]));
  return {
    requestsPerSecond: of('requestsPerSecond'),
    p50Ms: of('p50Ms'),
    p99Ms: of('p99Ms'),
    cpuMicrosPerRequest: of('cpuMicrosPerRequest'),
    peakRssMb: of('peakRssMb'),
    failures: samples.reduce((sum, s) => sum + s.failures, 0),
  };
}
