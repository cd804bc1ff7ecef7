/**
 * What a request pays for going through MSW in Node (fetch, interception, the handler reading and writing
 * HTTP) against calling the same operation on core directly. Both run core's whole pipeline over its
 * in-memory store, response checks included: the difference is MSW and fetch alone.
 */
import { createMemoryStore, createPortal, type HostAuth } from '@customer-portal/core';
import { setupPortalServer } from '@customer-portal/mocks/node';
import { median } from '../load.js';
import { ALI } from '../workloads.js';

const ORIGIN = 'http://bench.portal.test';
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

/**
 * GET /orders through MSW + fetch and through `portal.handle()`, in alternating batches; medians of 5.
 */
export async function runMsw(calls: number): Promise<{ directMicros: number; mswMicros: number }> {
  const portal = createPortal({ store: createMemoryStore(), auth: directAuth });
  const direct = async () => {
    const response = await portal.handle({ operationId: 'listOrders', path: {}, query: {}, body: undefined, authorization: `Bearer ${TOKEN}` });
    if (response.status !== 200) throw new Error(`portal.handle answered ${response.status}.`);
  };
  const mock = setupPortalServer({ baseUrl: ORIGIN });
  mock.listen({ onUnhandledRequest: 'error' });
  try {
    const login = await fetch(`${ORIGIN}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ALI) });
    const headers = { Authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}` };
    const viaMsw = async () => {
      const response = await fetch(`${ORIGIN}/api/v1/customer/orders`, { headers });
      if (response.status !== 200) throw new Error(`MSW answered ${response.status}.`);
      await response.json();
    };
    await microsPerCall(calls / 4, direct);
    await microsPerCall(calls / 4, viaMsw);
    const directTimes: number[] = [];
    const mswTimes: number[] = [];
    for (let batch = 0; batch < 5; batch++) {
      directTimes.push(await microsPerCall(calls, direct));
      mswTimes.push(await microsPerCall(calls, viaMsw));
    }
    return { directMicros: median(directTimes), mswMicros: median(mswTimes) };
  } finally {
    mock.close();
  }
}
