/**
 * Backends that do not keep the contract or do not answer, written by the test itself: each exchange is checked
 * against the contract (a console warning by default, a 502 with `onBreach: 'fail'`), and a backend that is
 * down or slower than `timeoutMs` is a 502 problem naming the URL and the operation.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sampleWorld } from '@customer-portal/core';
import { createPortalClient } from '@customer-portal/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MASKED, type BackendOptions } from '../../src/index.js';
import { setupPortalServer } from '../../src/node.js';
import { ALI, MOCK_URL, signedIn } from '../accounts.js';
import { json, startOwnBackend, type OwnBackend } from './reference-backend.js';

const BACKEND_TOKEN = 'the-backends-own-token';
const { customer_id: _owner, shipment: _shipment, ...order } = sampleWorld().orders[0]!;

/** A backend that signs anyone in and answers listOrders with an order whose total is a word. */
function breakingBackend(request: IncomingMessage, response: ServerResponse): void {
  if (request.url === '/auth/login') return json(response, 200, { access_token: BACKEND_TOKEN, token_type: 'bearer', expires_in: 60 });
  if (request.url?.startsWith('/api/v1/customer/orders')) {
    return json(response, 200, [{ ...order, total: 'twelve' }], { 'X-Total-Count': '1' });
  }
  json(response, 404, { type: 'about:blank', title: 'Not found', status: 404, detail: 'Nothing here.' });
}

const running: { close(): void; backend?: OwnBackend }[] = [];
afterEach(async () => {
  for (const { close, backend } of running.splice(0)) {
    close();
    await backend?.stop();
  }
  vi.restoreAllMocks();
});

async function mocksBefore(backend: OwnBackend, options: Partial<BackendOptions> = {}) {
  const server = setupPortalServer({ baseUrl: MOCK_URL, backend: { baseUrl: backend.url, operations: ['listOrders'], ...options } });
  server.listen({ onUnhandledRequest: 'error' });
  running.push({ close: () => server.close(), backend });
  return server;
}

describe('a backend that breaks the contract', () => {
  it("passes the answer on with a warning naming the operation and each field (onBreach: 'warn', the default)", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const backend = await startOwnBackend(breakingBackend);
    const server = await mocksBefore(backend);
    const ali = await signedIn(ALI);
    const { response } = await ali.GET('/api/v1/customer/orders');
    expect(response.status).toBe(200);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/The backend's answer to listOrders \(200\) breaks the contract: response\.body\.0\.total: Total must be a number\.$/));
    const [exchange] = server.journal('listOrders');
    expect(exchange!.source).toBe('backend');
    expect(exchange!.breaches.map((b) => b.location)).toEqual(['response.body.0.total']);
  });

  it("answers a 502 problem naming the fields with onBreach: 'fail', so the test fails where the backend does", async () => {
    const backend = await startOwnBackend(breakingBackend);
    await mocksBefore(backend, { onBreach: 'fail' });
    const ali = await signedIn(ALI);
    const { error, response } = await ali.GET('/api/v1/customer/orders');
    expect(response.status).toBe(502);
    expect(error?.detail).toBe('The backend answered listOrders with 200 against the contract: response.body.0.total: Total must be a number.');
  });

  it("forwards with the backend's own token behind the app's, and keeps that token out of the journal", async () => {
    const backend = await startOwnBackend(breakingBackend);
    const server = await mocksBefore(backend);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ali = await signedIn(ALI);
    await ali.GET('/api/v1/customer/orders', { params: { query: { status: 'delivered' } } });
    expect(backend.received.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ['POST', '/auth/login', undefined],
      ['GET', '/api/v1/customer/orders?status=delivered', `Bearer ${BACKEND_TOKEN}`],
    ]);
    const [, behind] = server.journal('login');
    expect((behind!.response?.body as { access_token: string }).access_token).toBe(MASKED);
    expect(JSON.stringify(server.journal())).not.toContain(BACKEND_TOKEN);
  });

  it('never forwards a request that breaks the contract: it gets the mocks’ 422', async () => {
    const backend = await startOwnBackend(breakingBackend);
    await mocksBefore(backend);
    const ali = await signedIn(ALI);
    const { response } = await ali.GET('/api/v1/customer/orders', { params: { query: { limit: 500 } } });
    expect(response.status).toBe(422);
    expect(backend.received.map((r) => r.path)).toEqual(['/auth/login']);
  });
});

describe('a backend that does not answer', () => {
  it('is a 502 problem naming the URL and the operation when it is down, and the journal says why', async () => {
    const gone = await startOwnBackend(breakingBackend);
    await gone.stop(); // nothing listens on its port any more
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = await mocksBefore(gone);
    const ali = await signedIn(ALI); // the mocks decide the sign-in; the backend's is journaled as failed
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Signed in with the mocks, but not with the backend (The backend could not be reached for login'));
    const [, behind] = server.journal('login');
    expect([behind!.source, behind!.response, behind!.error]).toEqual(['backend', null, `The backend could not be reached for login (POST ${gone.url}/auth/login): ECONNREFUSED.`]);
    const { error, response } = await ali.GET('/api/v1/customer/orders');
    expect(response.status).toBe(502);
    expect(error?.detail).toBe(`The backend could not be reached for listOrders (GET ${gone.url}/api/v1/customer/orders): ECONNREFUSED.`);
    const [exchange] = server.journal('listOrders');
    expect([exchange!.source, exchange!.response, exchange!.error]).toEqual(['backend', null, error?.detail]);
  });

  it('is a 502 problem naming the URL and login when it serves the sign-in and is down', async () => {
    const gone = await startOwnBackend(breakingBackend);
    await gone.stop();
    await mocksBefore(gone, { operations: ['login'] });
    const { error, response } = await createPortalClient({ baseUrl: MOCK_URL }).POST('/auth/login', { body: ALI! });
    expect([response.status, error?.detail]).toEqual([502, `The backend could not be reached for login (POST ${gone.url}/auth/login): ECONNREFUSED.`]);
  });

  it('is a 502 problem naming the URL and the operation when it hangs past timeoutMs', async () => {
    const hanging = await startOwnBackend((request, response) => {
      if (request.url === '/auth/login') json(response, 200, { access_token: BACKEND_TOKEN, token_type: 'bearer', expires_in: 60 });
      // Anything else: never a word back.
    });
    await mocksBefore(hanging, { timeoutMs: 300 });
    const ali = await signedIn(ALI);
    const { error, response } = await ali.GET('/api/v1/customer/orders');
    expect(response.status).toBe(502);
    expect(error?.detail).toBe(`The backend did not answer listOrders (GET ${hanging.url}/api/v1/customer/orders) within 300 ms.`);
  });
});
