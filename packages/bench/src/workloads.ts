/**
 * What the benchmark asks of every contender: the same requests, with the same Authorization header.
 */
import type { LoadRequest } from './load.js';

export const WORKLOAD_IDS = ['orders', 'orders-uncached', 'dashboard', 'message', 'mixed', 'login'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

export interface Workload {
  id: WorkloadId;
  label: string;
  /** Sent in turn on each connection. */
  requests: LoadRequest[];
  /** Fewer connections than the run's, for a workload where more would only queue. */
  maxConnections?: number;
  /** A floor under the run's duration, for a workload whose requests take tens of milliseconds each. */
  minDurationSeconds?: number;
  /**
   * false: the reference server answers it with its read cache off, so that the report shows what a request
   * costs when nothing is remembered (the other contenders have no such cache and run as usual).
   */
  readCache?: boolean;
}

/** The documented sample account (fixtures/README.md) whose data the workloads read and write. */
export const SAMPLE_ACCOUNT = { email: 'ali.jawad@example.com', password: 'customer123' } as const;
/** Ali's newest ticket: the one the write workloads reply to. */
export const SAMPLE_TICKET = 'TKT456';

const json = { 'Content-Type': 'application/json' };

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/**
 * The workloads, authenticated with `token`.
 *
 * @example
 * const [orders] = workloads(token); // GET /api/v1/customer/orders
 */
export function workloads(token: string): Workload[] {
  const auth = bearer(token);
  const get = (path: string): LoadRequest => ({ method: 'GET', path, headers: auth });
  const reply: LoadRequest = {
    method: 'POST',
    path: `/api/v1/customer/tickets/${SAMPLE_TICKET}/messages`,
    headers: { ...auth, ...json },
    body: JSON.stringify({ content: 'Any news on this? Thank you.' }),
  };
  return [
    { id: 'orders', label: 'GET /orders', requests: [get('/api/v1/customer/orders')] },
    {
      // The same request again and again is the read cache's best case; this is the same server without it.
      id: 'orders-uncached',
      label: 'GET /orders (read cache off)',
      readCache: false,
      requests: [get('/api/v1/customer/orders')],
    },
    { id: 'dashboard', label: 'GET /dashboard', requests: [get('/api/v1/customer/dashboard')] },
    { id: 'message', label: `POST /tickets/${SAMPLE_TICKET}/messages`, requests: [reply] },
    {
      // Four reads to one write, the shape of a portal session: look around, then reply to support.
      id: 'mixed',
      label: 'mixed (4 reads : 1 write)',
      requests: [
        get('/api/v1/customer/dashboard'),
        get('/api/v1/customer/orders'),
        get('/api/v1/customer/orders/ORD123'),
        get('/api/v1/customer/tickets'),
        reply,
      ],
    },
    {
      // scrypt runs on libuv's 4 threads: more connections than that only wait in its queue.
      id: 'login',
      label: 'POST /auth/login (4 connections)',
      maxConnections: 4,
      minDurationSeconds: 1,
      requests: [{ method: 'POST', path: '/auth/login', headers: json, body: JSON.stringify(SAMPLE_ACCOUNT) }],
    },
  ];
}

/** Signs in on a running server and returns the access token. */
export async function signIn(url: string, account: { email: string; password: string } = SAMPLE_ACCOUNT): Promise<string> {
  const response = await fetch(`${url}/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(account) });
  const body = (await response.json()) as { access_token?: string; detail?: string };
  if (response.status !== 200 || !body.access_token) {
    throw new Error(`Signing in as ${account.email} on ${url} answered ${response.status}: ${body.detail ?? 'no token'}.`);
  }
  return body.access_token;
}
