/**
 * What the benchmark asks of every contender: the same requests with the same Authorization header.
 */
import { SAMPLE_ACCOUNTS, seededRandom } from '@customer-portal/core';
import type { LoadRequest } from './load.js';

export const ALI = SAMPLE_ACCOUNTS[0];
/** Ali's newest ticket, the one the write workload replies to. */
const ALI_TICKET = 'TKT456';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

export type WorkloadId = 'random-pages' | 'same-request' | 'dashboard' | 'message' | 'login';

export interface Workload {
  id: WorkloadId;
  label: string;
  /** Sent in turn, each connection taking the next. */
  requests: LoadRequest[];
  /** Fewer connections than the run's, where more would only queue. */
  connections?: number;
  /** A floor under the run's duration, for requests that take tens of milliseconds each. */
  minSeconds?: number;
  /** Answered by the naive handler too (it only reads). */
  naive: boolean;
}

const STATUSES = ['all', 'all', 'delivered', 'cancelled', 'returned', 'shipped', 'processing', 'pending'];
// Pieces of Ali's order ids (ORD115 to ORD123), in either case; '' for no search.
const SEARCHES = ['', '', '', 'ord', 'ORD12', 'ord11', '12', '3', '9'];
/** Ali's orders, which her pages reach past the end of. */
const ALI_ORDERS = 12;

/**
 * `count` distinct GET /orders URLs of Ali's with random filters and pages, the same list on every run: the
 * issue's workload. Her twelve orders make small pages, and there are tens of thousands of distinct URLs
 * over them, so that a server answering repeats from memory (as the reference server does) meets few.
 */
export function randomOrderUrls(count: number): string[] {
  const random = seededRandom(7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const urls = new Set<string>();
  while (urls.size < count) {
    const query = new URLSearchParams();
    const status = pick(STATUSES);
    if (status !== 'all' || random() < 0.2) query.set('status', status);
    const search = pick(SEARCHES);
    if (search) query.set('search', search);
    query.set('limit', String(1 + Math.floor(random() * 50)));
    query.set('offset', String(Math.floor(random() * (ALI_ORDERS + 1))));
    urls.add(`/api/v1/customer/orders?${query}`);
  }
  return [...urls];
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The throughput workloads, all as Ali (`aliToken`).
 */
export function workloads(aliToken: string, urls: string[]): Workload[] {
  const get = (path: string, token = aliToken): LoadRequest => ({ method: 'GET', path, headers: bearer(token) });
  return [
    { id: 'random-pages', label: `random filters and pages (${urls.length} URLs)`, requests: urls.map((url) => get(url)), naive: true },
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
