import { createPortalClient } from '@customer-portal/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../src/create-handlers.js';
import { setupPortalServer } from '../../src/node.js';
import { ALI, MOCK_URL, send, signedIn } from '../accounts.js';

const server = setupPortalServer({ baseUrl: MOCK_URL });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetState());
afterAll(() => server.close());

describe('a documented error status', () => {
  it("answers the operation's own problem from the contract, on every call until resetState()", async () => {
    const ali = await signedIn(ALI);
    server.fault({ operation: 'getOrder', status: 404 });
    for (const orderId of ['ORD123', 'ORD118']) {
      const { error, response } = await ali.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: orderId } } });
      expect(response.status).toBe(404);
      expect(error).toEqual({ type: 'https://customer-portal.example.com/problems/not-found', title: 'Not found', status: 404, detail: 'Order ORD999 was not found.' });
    }
    server.resetState();
    const again = await signedIn(ALI);
    expect((await again.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: 'ORD123' } } })).response.status).toBe(200);
  });

  it('says what the page should show with `detail`, and names the operation by its path', async () => {
    const ali = await signedIn(ALI);
    server.fault({ operation: 'GET /api/v1/customer/dashboard', status: 503, detail: 'The portal is down for maintenance until 06:00.' });
    const { error, response } = await ali.GET('/api/v1/customer/dashboard');
    expect(response.status).toBe(503);
    expect(error).toMatchObject({ title: 'Service unavailable', status: 503, detail: 'The portal is down for maintenance until 06:00.' });
  });

  it('sends the headers the contract requires with it: a 401 carries WWW-Authenticate', async () => {
    server.fault({ operation: 'getProfile', status: 401 });
    const res = await send('/api/v1/customer/profile');
    expect([res.status, res.headers.get('WWW-Authenticate')]).toEqual([401, 'Bearer']);
  });

  it('refuses a status the operation does not document, naming what it does document', () => {
    expect(() => server.fault({ operation: 'getDashboard', status: 404 })).toThrow(
      'the fault on getDashboard answers 404, which getDashboard does not document (it documents 200, 401, 5xx).',
    );
    expect(() => server.fault({ operation: 'getBasket' as never, status: 500 })).toThrow('No operation "getBasket" in the contract');
  });
});

describe('only some calls', () => {
  it('fails only the next N calls, then answers as usual (a retry that succeeds)', async () => {
    server.fault({ operation: 'login', status: 500, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send('/auth/login', { method: 'POST', body: JSON.stringify(ALI) })).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('fails only the requests it picks, per request', async () => {
    const ali = await signedIn(ALI);
    server.fault({ operation: 'getOrder', status: 500, when: (request) => request.url.endsWith('/ORD118') });
    const order = (id: string) => ali.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: id } } });
    expect([(await order('ORD118')).response.status, (await order('ORD123')).response.status]).toEqual([500, 200]);
  });

  it('lets the newest fault decide, and clearFaults() removes those added at run time', async () => {
    const ali = await signedIn(ALI);
    server.fault({ status: 500 });
    server.fault({ operation: 'getSettings', status: 401 });
    expect((await ali.GET('/api/v1/customer/settings')).response.status).toBe(401);
    expect((await ali.GET('/api/v1/customer/profile')).response.status).toBe(500);
    server.clearFaults();
    expect((await ali.GET('/api/v1/customer/profile')).response.status).toBe(200);
  });
});

describe('the network', () => {
  it('drops the connection: fetch rejects, as it does when the backend is unreachable', async () => {
    server.fault({ operation: 'listTickets', networkError: true, times: 1 });
    const ali = await signedIn(ALI);
    await expect(ali.GET('/api/v1/customer/tickets')).rejects.toThrow(TypeError);
    expect((await ali.GET('/api/v1/customer/tickets')).response.status).toBe(200);
  });

  it('waits a fixed time, then answers as usual', async () => {
    server.fault({ operation: 'getDashboard', latency: 2000 });
    const ali = await signedIn(ALI);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      let answered = false;
      const pending = ali.GET('/api/v1/customer/dashboard').finally(() => (answered = true));
      await vi.advanceTimersByTimeAsync(1999);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).response.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is slow and then fails, when a fault gives both', async () => {
    server.fault({ operation: 'login', latency: { min: 300, max: 300 }, status: 500 });
    const portal = createPortalClient({ baseUrl: MOCK_URL });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      let answered = false;
      const pending = portal.POST('/auth/login', { body: ALI }).finally(() => (answered = true));
      await vi.advanceTimersByTimeAsync(299);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).response.status).toBe(500);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('faults given when the handlers are made', () => {
  it('stay through reset(): they are part of the setup, like the world', async () => {
    const handlers = createHandlers({ baseUrl: MOCK_URL, faults: [{ operation: 'getDashboard', status: 500 }] });
    server.use(...handlers);
    try {
      handlers.reset();
      const ali = await signedIn(ALI);
      expect((await ali.GET('/api/v1/customer/dashboard')).response.status).toBe(500);
    } finally {
      server.resetHandlers();
    }
  });
});
