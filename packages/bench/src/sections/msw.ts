/**
 * What a mocked request costs in Node, three ways over the same GET /orders: core's pipeline called directly
 * (`portal.serve()`, no HTTP), the portal's mocks (`createHandlers`) through msw and fetch, and a plain msw handler replying the
 * same JSON for the same URL. The mocks against the plain handler is what the mocks cost on top of msw itself;
 * the mocks against the direct call is what msw and fetch cost.
 */
import { createMemoryStore, createPortal, type HostAuth } from '@customer-portal/core';
import { createHandlers } from '@customer-portal/mocks';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { median } from '../load.js';
import { ALI } from '../workloads.js';

const MOCKS = 'http://mocks.bench.test';
const PLAIN = 'http://plain.bench.test';
const ORDERS = '/api/v1/customer/orders';
// Direct calls need some HostAuth: this one accepts one fixed token, about as cheap as the mocks' own.
const TOKEN = 'bench-direct-token';
const directAuth: HostAuth = {
  verifyPassword: async () => false,
  issueToken: async () => ({ access_token: TOKEN, expires_in: 3600 }),
  verifyToken: async (token) => (token === TOKEN ? 1 : undefined),
};

async function microsPerCall(calls: number, call: () => Promise<void>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call();
  return ((performance.now() - started) * 1000) / calls;
}

export interface MswResult {
  directMicros: number;
  mswMicros: number;
  plainMswMicros: number;
}

/** Each way in turn, in five alternating rounds after a warm-up; the median of each. */
export async function runMsw(calls: number): Promise<MswResult> {
  const portal = createPortal({ store: createMemoryStore(), auth: directAuth });
  const direct = async () => {
    const response = await portal.serve({ method: 'GET', path: '/api/v1/customer/orders', query: {}, authorization: `Bearer ${TOKEN}` });
    if (response?.status !== 200) throw new Error(`portal.serve answered ${response?.status}.`);
  };

  // One msw server for both, as an app's tests have.
  const mocks = createHandlers({ baseUrl: MOCKS });
  let plainAnswer: { body: object[]; total: string } | undefined;
  const plain = http.get(`${PLAIN}${ORDERS}`, () => HttpResponse.json(plainAnswer!.body, { headers: { 'X-Total-Count': plainAnswer!.total } }));
  const server = setupServer(plain, ...mocks);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const login = await fetch(`${MOCKS}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ALI) });
    const headers = { Authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}` };
    const captured = await fetch(`${MOCKS}${ORDERS}`, { headers });
    // The same JSON and total for the same path, with nothing behind it: msw's own cost and fetch's.
    plainAnswer = { body: (await captured.json()) as object[], total: captured.headers.get('X-Total-Count')! };
    const get = (origin: string) => async () => {
      const response = await fetch(`${origin}${ORDERS}`, { headers });
      if (response.status !== 200) throw new Error(`${origin} answered ${response.status}.`);
      await response.json();
    };
    const [viaMocks, viaPlain] = [get(MOCKS), get(PLAIN)];

    // msw tries the handlers in order, parsing the request for each (its URL, its cookies): the handler timed
    // goes second, so that either way a request passes the other's handler first.
    const mocksTimed = () => server.resetHandlers(plain, ...mocks);
    const plainTimed = () => server.resetHandlers(...mocks, plain);
    for (const [warmUp, order] of [[direct, mocksTimed], [viaMocks, mocksTimed], [viaPlain, plainTimed]] as const) {
      order();
      await microsPerCall(calls / 4, warmUp);
    }
    const times: Record<keyof MswResult, number[]> = { directMicros: [], mswMicros: [], plainMswMicros: [] };
    for (let round = 0; round < 5; round++) {
      times.directMicros.push(await microsPerCall(calls, direct));
      mocksTimed();
      times.mswMicros.push(await microsPerCall(calls, viaMocks));
      plainTimed();
      times.plainMswMicros.push(await microsPerCall(calls, viaPlain));
    }
    return { directMicros: median(times.directMicros), mswMicros: median(times.mswMicros), plainMswMicros: median(times.plainMswMicros) };
  } finally {
    server.close();
  }
}
