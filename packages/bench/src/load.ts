/**
 * One measured run: wrk (Debian's package, in C on one thread, so that the load costs the server's core
 * little) on loopback, against a server in its own process whose CPU time and peak memory are read from /proc
 * meanwhile. And the few statistics the report needs.
 */
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
  /** Latency in milliseconds, to the microsecond. */
  p50Ms: number;
  p99Ms: number;
  /** CPU time (user + system) of the server's process tree per 2xx response. */
  cpuMicrosPerRequest: number;
  peakRssMb: number;
  /** Error statuses, broken connections and timeouts: a run with any is broken, not fast. */
  failures: number;
}

export interface LoadShape {
  connections: number;
  /** wrk counts whole seconds. */
  durationSeconds: number;
  /** 0: no warm-up (a smoke run). */
  warmupSeconds: number;
}

const run = promisify(execFile);

/**
 * wrk's script: it sends the requests of the file given after `--` (each written out whole, ending in a NUL
 * byte) as one queue that every connection takes its next request from, from the position given after it,
 * and prints wrk's figures as one line of JSON.
 */
const SCRIPT = `local queue, next = {}, 0
function init(args)
  local file = assert(io.open(args[1], 'rb'))
  for request in file:read('*a'):gmatch('(.-)%z') do queue[#queue + 1] = request end
  file:close()
  next = tonumber(args[2])
end
function request()
  next = next + 1
  return queue[(next - 1) % #queue + 1]
end
function done(summary, latency)
  local e = summary.errors
  io.write(string.format('{"responses":%d,"micros":%d,"p50":%d,"p99":%d,"failed":%d,"errorStatuses":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout, e.status))
end
`;

/** `request` as HTTP/1.1 puts it on the wire to `host`, and the NUL byte that ends it in the file. */
function written(request: LoadRequest, host: string): string {
  const headers = { Host: host, ...request.headers, ...(request.body !== undefined && { 'Content-Length': String(Buffer.byteLength(request.body)) }) };
  const text = `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${request.body ?? ''}`;
  if (text.includes('\0')) throw new Error(`${request.method} ${request.path}: wrk's request file cannot hold a NUL byte.`);
  return `${text}\0`;
}

interface WrkFigures {
  responses: number;
  micros: number;
  p50: number;
  p99: number;
  failed: number;
  errorStatuses: number;
}

async function wrk(url: string, files: { script: string; requests: string }, connections: number, seconds: number, from: number): Promise<WrkFigures> {
  const args = ['--threads', '1', '--connections', String(connections), '--duration', `${Math.max(1, Math.round(seconds))}s`, '--timeout', '10s', '--script', files.script, url, '--', files.requests, String(from)];
  const { stdout, stderr } = await run('wrk', args).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error('The benchmark drives its load with wrk: apt-get install wrk.');
    throw error;
  });
  const line = stdout.split('\n').find((l) => l.startsWith('{"responses"'));
  if (!line) throw new Error(`wrk printed no figures:\n${stdout}${stderr}`);
  return JSON.parse(line) as WrkFigures;
}

/** Numbers the files of each measured run. */
let measuredRuns = 0;

/** Where each server's queue of each list of requests goes on from, so that a later round sends new ones. */
const positions = new WeakMap<LoadRequest[], Map<string, number>>();

/**
 * Warms `server` up unrecorded (V8 optimises, SQLite fills its cache), then measures it. The connections
 * share `requests`, each taking the next one; the queue goes on from the warm-up into the recorded run and
 * into the next round's, so that a server that remembers answers meets few repeats of a long list.
 */
export async function measure(server: RunningServer, requests: LoadRequest[], shape: LoadShape): Promise<Measurement> {
  const name = join(tmpdir(), `customer-portal-load-${process.pid}-${measuredRuns++}`);
  const files = { script: `${name}.lua`, requests: `${name}.requests` };
  writeFileSync(files.script, SCRIPT);
  writeFileSync(files.requests, requests.map((r) => written(r, new URL(server.url).host)).join(''));
  const queues = positions.get(requests) ?? new Map<string, number>();
  positions.set(requests, queues);
  // Those in flight when a run stops were sent too.
  const after = (from: number, figures: WrkFigures) => from + figures.responses + shape.connections;
  try {
    let from = queues.get(server.url) ?? 0;
    const warm = shape.warmupSeconds > 0 ? await wrk(server.url, files, shape.connections, shape.warmupSeconds, from) : undefined;
    if (warm) from = after(from, warm);
    const sampler = sampleProcessTree(server.pid);
    const figures = await wrk(server.url, files, shape.connections, shape.durationSeconds, from);
    const { peakRssMb, cpuMicros } = sampler.stop();
    queues.set(server.url, after(from, figures));
    const ok = figures.responses - figures.errorStatuses;
    return {
      requestsPerSecond: figures.micros > 0 ? ok / (figures.micros / 1e6) : 0,
      p50Ms: figures.p50 / 1000,
      p99Ms: figures.p99 / 1000,
      cpuMicrosPerRequest: ok > 0 ? cpuMicros / ok : Number.NaN,
      peakRssMb,
      failures: (warm?.failed ?? 0) + figures.failed,
    };
  } finally {
    for (const file of Object.values(files)) rmSync(file, { force: true });
  }
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
