/**
 * One load run: autocannon, on loopback, from this process (the servers run in their own processes).
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Sent in turn on every connection: one entry for a single endpoint, several for a mixed load. */
  requests: LoadRequest[];
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  requestsPerSecond: number;
  /** Latency of 2xx responses in milliseconds (autocannon records whole milliseconds). */
  p50Ms: number;
  p99Ms: number;
  /** 2xx responses in the run. */
  ok: number;
  /** Responses that were not 2xx: a workload that gets them is broken, not fast. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
}

/**
 * Drives `url` with `connections` concurrent connections for `durationSeconds`.
 *
 * @example
 * const result = await runLoad({ url, requests: [{ method: 'GET', path: '/healthz' }], connections: 32, durationSeconds: 5 });
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    // autocannon only notices the end of a run when it takes a sample (every second by default), which would
    // stretch a 0.3 s smoke run to a whole second.
    sampleInt: 100,
    requests: options.requests.map((request) => ({ ...request })),
  });
  const ok = result['2xx'];
  return {
    requestsPerSecond: result.duration > 0 ? ok / result.duration : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
