/**
 * What a request pays for going through MSW in Node (fetch, interception, the handler reading and writing HTTP)
 * against calling the same operation on core directly. Both run core's full pipeline over an in-memory store,
 * response validation included; the difference is MSW and fetch alone.
 */
import { createMemoryStore, createPortal, type HostAuth, type PortalRequest } from '@customer-portal/core';
import { setupPortalServer } from '@customer-portal/mocks/node';
import { median, ratio } from '../stats.js';
import { SAMPLE_ACCOUNT } from '../workloads.js';
import type { SectionContext } from './context.js';

export interface MswResult {
  requestsPerBatch: number;
  batches: number;
  /** Median time of one GET /orders, in microseconds. */
  directMicros: number;
  mswMicros: number;
  /** How many times slower the MSW path is. */
  ratio: number;
}

const ORIGIN = 'http://bench.portal.test';
const BATCHES = 5;

// Direct calls need some HostAuth; this one accepts one fixed token, as cheap as the mocks' Map lookup.
const DIRECT_TOKEN = 'bench-direct-token';
const directAuth: HostAuth = {
  verifyPassword: async () => false,
  issueToken: async (customerId) => ({ access_token: `${DIRECT_TOKEN}.${customerId}`, expires_in: 3600 }),
  verifyToken: async (token) => (token === DIRECT_TOKEN ? 1 : undefined),
};

async function timePerRequest(requests: number, send: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < requests; i++) await send();
  return ((performance.now() - started) * 1000) / requests;
}

/**
 * Times GET /orders through MSW + fetch and through `portal.handle()`, in alternating batches.
 *
 * @example
 * const { ratio } = await runMswOverhead(context); // e.g. 2.4: MSW costs 1.4 extra handle() calls a request
 */
export async function runMswOverhead(context: SectionContext): Promise<MswResult> {
  const requestsPerBatch = context.options.mswRequests;
  const portal = createPortal({ store: createMemoryStore(), auth: directAuth });
  const request: PortalRequest = {
    operationId: 'listOrders',
    path: {},
    query: {},
    body: undefined,
    authorization: `Bearer ${DIRECT_TOKEN}`,
  };
  const direct = async () => {
    const response = await portal.handle(request);
    if (response.status !== 200) throw new Error(`portal.handle answered ${response.status}.`);
  };

  const mock = setupPortalServer({ baseUrl: ORIGIN });
  mock.listen({ onUnhandledRequest: 'error' });
  try {
    const login = await fetch(`${ORIGIN}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(SAMPLE_ACCOUNT),
    });
    const { access_token } = (await login.json()) as { access_token: string };
    const headers = { Authorization: `Bearer ${access_token}` };
    const viaMsw = async () => {
      const response = await fetch(`${ORIGIN}/api/v1/customer/orders`, { headers });
      if (response.status !== 200) throw new Error(`MSW answered ${response.status}.`);
      await response.json();
    };

    await timePerRequest(Math.ceil(requestsPerBatch / 4), direct);
    await timePerRequest(Math.ceil(requestsPerBatch / 4), viaMsw);
    const directTimes: number[] = [];
    const mswTimes: number[] = [];
    for (let batch = 0; batch < BATCHES; batch++) {
      directTimes.push(await timePerRequest(requestsPerBatch, direct));
      mswTimes.push(await timePerRequest(requestsPerBatch, viaMsw));
    }
    const result = {
      requestsPerBatch,
      batches: BATCHES,
      directMicros: median(directTimes),
      mswMicros: median(mswTimes),
      ratio: ratio(median(mswTimes), median(directTimes)),
    };
    context.log(`MSW · direct ${Math.round(result.directMicros)} µs, through MSW ${Math.round(result.mswMicros)} µs a request`);
    return result;
  } finally {
    mock.close();
  }
}
