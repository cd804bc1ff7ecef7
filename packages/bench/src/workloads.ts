/**
 * What the benchmark asks of every contender: the same requests with the same Authorization header.
 */
import { SAMPLE_ACCOUNTS } from '@customer-portal/core';
import { FIRST_ORDER_NUMBER, seededRandom } from './data.js';
import type { LoadRequest } from './load.js';

export const ALI = SAMPLE_ACCOUNTS[0];
/** Ali's newest ticket, the one the write workload replies to. */
const ALI_TICKET = 'TKT456';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

export type WorkloadId = 'random-pages' | 'same-request' | 'dashboard' | 'message' | 'login';

export interface Workload {
  id: WorkloadId;
  label: string;
  /** Sent in turn on each connection. */
  requests: LoadRequest[];
  /** Fewer connections than the run's, where more would only queue. */
  connections?: number;
  /** A floor under the run's duration, for requests that take tens of milliseconds each. */
  minSeconds?: number;
  /** Answered by the naive handler too (it only reads). */
  naive: boolean;
}

const STATUSES = ['all', 'all', 'delivered', 'cancelled', 'returned', 'shipped', 'processing', 'pending'];
const LIMITS = [5, 10, 20, 50, 100];

/**
 * `count` distinct GET /orders URLs with random filters and pages, the same list on every run. They page
 * through the heavy customer's orders (ids from ORD1000000): Ali's 12 orders fit on one page, so her random
 * pages would mostly repeat one small answer or be empty; a customer with a thousand orders has real pages.
 */
export function randomOrderUrls(count: number, customerOrders: number): string[] {
  const random = seededRandom(7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  // Each "ORD100000d" prefix matches a hundredth of the orders; digits alone match a scattering; case is folded.
  const first = String(FIRST_ORDER_NUMBER);
  const searches = ['', '', '', `ORD${first.slice(0, -3)}`, ...[0, 3, 7, 9].map((d) => `ord${first.slice(0, -3)}${d}`), '42', '99', `ORD${first.slice(0, -2)}1`];
  const urls = new Set<string>();
  while (urls.size < count) {
    const limit = pick(LIMITS);
    const query = new URLSearchParams();
    const status = pick(STATUSES);
    if (status !== 'all' || random() < 0.2) query.set('status', status);
    const search = pick(searches);
    if (search) query.set('search', search);
    query.set('limit', String(limit));
    query.set('offset', String(limit * Math.floor(random() * Math.ceil(customerOrders / limit))));
    urls.add(`/api/v1/customer/orders?${query}`);
  }
  return [...urls];
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The throughput workloads: random pages as the heavy customer (`heavyToken`), the rest as Ali (`aliToken`).
 */
export function workloads(aliToken: string, heavyToken: string, urls: string[]): Workload[] {
  const get = (path: string, token = aliToken): LoadRequest => ({ method: 'GET', path, headers: bearer(token) });
  return [
    { id: 'random-pages', label: `random filters and pages (${urls.length} URLs)`, requests: urls.map((url) => get(url, heavyToken)), naive: true },
    { id: 'same-request', label: 'GET /orders, the same request repeated', requests: [get('/api/v1/customer/orders')], naive: true },
    { id: 'dashboard', label: 'GET /dashboard', requests: [get('/api/v1/customer/dashboard')], naive: true },
    {
      id: 'message',
      label: `POST /tickets/${ALI_TICKET}/messages`,
      requests: [{ method: 'POST', path: `/api/v1/customer/tickets/${ALI_TICKET}/messages`, headers: { ...bearer(aliToken), ...JSON_HEADERS }, body: JSON.stringify({ content: 'Any news on this? Thank you.' }) }],
      naive: false,
    },
    {
      // scrypt runs on libuv's 4 threads: more connections than that only wait in its queue.
      id: 'login',
      label: 'POST /auth/login (4 connections)',
      requests: [{ method: 'POST', path: '/auth/login', headers: JSON_HEADERS, body: JSON.stringify(ALI) }],
      connections: 4,
      minSeconds: 1,
      naive: false,
    },
  ];
}

/** Signs in on a running server; the access token. */
export async function signIn(url: string, account: { email: string; password: string } = ALI): Promise<string> {
  const response = await fetch(`${url}/auth/login`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(account) });
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || !body.access_token) throw new Error(`Signing in as ${account.email} on ${url} answered ${response.status}.`);
  return body.access_token;
}

export { bearer };
