/**
 * The README's examples, as written there (setup lines aside), so that each one is known to run: a change
 * that breaks one breaks this file.
 */
import { createPortalClient } from '@customer-portal/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers, type SampleWorld, type Scenario } from '../src/index.js';
import { setupPortalServer } from '../src/node.js';

// Ali Jawad with 300 delivered orders, for paging.
function aliWith300Orders(world: SampleWorld): SampleWorld {
  const [first] = world.orders;
  const orders = Array.from({ length: 300 }, (_, i) => ({ ...first!, id: `ORD${1000 + i}`, status: 'DELIVERED' as const }));
  return { ...world, orders, returns: [], tickets: world.tickets.map((t) => ({ ...t, order_id: null })) };
}

const server = setupPortalServer({ baseUrl: 'http://mock.portal.test', world: aliWith300Orders });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetState();
  vi.useRealTimers();
});
afterAll(() => server.close());

async function signedInAli() {
  const portal = createPortalClient({ baseUrl: 'http://mock.portal.test' });
  const { access_token: token } = await portal.login({ email: 'ali.jawad@example.com', password: 'customer123' });
  return { portal, token };
}

describe('the README, section by section', () => {
  it('Worlds', async () => {
    const { portal } = await signedInAli();
    const { response } = await portal.GET('/api/v1/customer/orders');
    expect(response.headers.get('X-Total-Count')).toBe('300');
    expect(() => createHandlers({ world: (w) => ({ ...w, orders: [{ ...w.orders[0]!, total: 'free' as never }] }) })).toThrow(
      'orders[0] (ORD123), field total: Total must be a number',
    );
  });

  it('Overrides', async () => {
    server.override('getDashboard', {
      status: 200,
      body: { stats: { open_tickets: 99, active_orders: 0, pending_refunds: 0, resolved_tickets: 0 }, recent_orders: [], recent_tickets: [] },
    });
    server.override('GET /api/v1/customer/orders', async ({ query, next }) => {
      const answer = await next();
      if (answer.status !== 200 || query.status !== 'all') return answer;
      return { ...answer, body: answer.body.map((order) => ({ ...order, status: 'CANCELLED' as const })) };
    });
    const undo = server.override('getProfile', ({ next }) => next());
    undo();
    const { portal } = await signedInAli();
    expect((await portal.GET('/api/v1/customer/dashboard')).data?.stats.open_tickets).toBe(99);
    expect((await portal.GET('/api/v1/customer/orders')).data?.[0]?.status).toBe('CANCELLED');
  });

  it('Faults', async () => {
    server.fault({ operation: 'listOrders', status: 503, detail: 'Orders are back at 06:00.' });
    server.fault({ operation: 'login', status: 500, times: 2 });
    server.fault({ operation: 'getOrder', status: 404, when: (request) => request.url.endsWith('/ORD118') });
    server.fault({ operation: 'GET /api/v1/customer/dashboard', latency: { min: 400, max: 1200 } });
    server.fault({ operation: 'listTickets', networkError: true });
    expect(() => server.fault({ operation: 'getDashboard', status: 404 })).toThrow(
      'the fault on getDashboard answers 404, which getDashboard does not document (it documents 200, 401, 5xx)',
    );
    const portal = createPortalClient({ baseUrl: 'http://mock.portal.test' });
    const credentials = { email: 'ali.jawad@example.com', password: 'customer123' };
    await expect(portal.login(credentials)).rejects.toThrow('Something went wrong');
    await expect(portal.login(credentials)).rejects.toThrow('Something went wrong');
    await portal.login(credentials);
    expect((await portal.GET('/api/v1/customer/orders')).error?.detail).toBe('Orders are back at 06:00.');
    await expect(portal.GET('/api/v1/customer/tickets')).rejects.toThrow(TypeError);
    server.clearFaults();
    expect((await portal.GET('/api/v1/customer/tickets')).response.status).toBe(200);
  });

  it('Prefer: code=NNN', async () => {
    const { token } = await signedInAli();
    const res = await fetch('http://mock.portal.test/api/v1/customer/orders/ORD123', { headers: { Authorization: `Bearer ${token}`, Prefer: 'code=404' } });
    expect(res.status).toBe(404);
  });

  it('Sessions', async () => {
    const short = setupPortalServer({ baseUrl: 'http://short.portal.test', tokenLifetimeSeconds: 300 });
    server.use(...short.listHandlers());
    vi.useFakeTimers({ toFake: ['Date'] });
    const onUnauthorized = vi.fn();
    const portal = createPortalClient({ baseUrl: 'http://short.portal.test', onUnauthorized });
    await portal.login({ email: 'ali.jawad@example.com', password: 'customer123' });
    vi.advanceTimersByTime(300_000);
    await portal.GET('/api/v1/customer/dashboard');
    expect(onUnauthorized).toHaveBeenCalledOnce();
    server.resetHandlers();
  });

  it('Scenarios', async () => {
    createHandlers({ scenario: 'empty' });
    const maintenance = {
      description: 'Every order page is down for maintenance.',
      world: (w) => ({ ...w, tickets: w.tickets.filter((t) => t.status === 'OPEN') }),
      faults: [{ operation: 'listOrders', status: 503, detail: 'Orders are back at 06:00.' }],
    } satisfies Scenario;
    const handlers = createHandlers({ scenario: maintenance });
    expect(handlers.scenario).toBe('custom');
    server.useScenario('empty');
    const { portal } = await signedInAli();
    expect((await portal.GET('/api/v1/customer/orders')).data).toEqual([]);
    server.useScenario('default');
  });
});
