import { totalCount } from '@customer-portal/sdk';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../src/create-handlers.js';
import { setupPortalServer } from '../src/node.js';
import { scenarios, type Scenario } from '../src/scenarios/index.js';
import { ALI, MOCK_URL, send, signedIn } from './accounts.js';

/** One msw server per describe block: only one can intercept at a time. */
function serveScenario(scenario: Parameters<typeof setupPortalServer>[0]) {
  const server = setupPortalServer({ baseUrl: MOCK_URL, ...scenario });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  return server;
}

describe('the registry', () => {
  it('names the four documented scenarios, each with a description', () => {
    expect(Object.keys(scenarios)).toEqual(['default', 'empty', 'server-error', 'slow']);
    for (const scenario of Object.values(scenarios)) expect(scenario.description).toMatch(/^[A-Z].+\.$/);
  });

  it('refuses an unknown scenario name in code, listing the known ones', () => {
    expect(() => createHandlers({ scenario: 'broken' as never })).toThrow(
      'Unknown mock scenario "broken"; use one of default, empty, server-error, slow, or a Scenario object.',
    );
  });
});

describe("a team's own scenario, written like the built-in ones", () => {
  const maintenance = {
    description: 'Ali has one open ticket and every order page is down for maintenance.',
    world: (w) => ({ ...w, tickets: w.tickets.filter((t) => t.id === 'TKT456') }),
    faults: [{ operation: 'listOrders', status: 503, detail: 'Orders are back at 06:00.' }],
  } satisfies Scenario;
  const server = serveScenario({ scenario: maintenance });

  it('gives its world and its faults, and keeps both through resetState()', async () => {
    server.resetState();
    const ali = await signedIn(ALI);
    expect(server.scenario).toBe('custom');
    expect((await ali.GET('/api/v1/customer/dashboard')).data?.stats.open_tickets).toBe(1);
    const orders = await ali.GET('/api/v1/customer/orders');
    expect([orders.response.status, orders.error?.detail]).toEqual([503, 'Orders are back at 06:00.']);
  });
});

describe('default', () => {
  const server = serveScenario({});

  it("serves the fixtures: Ali's dashboard as the seed shows it", async () => {
    expect(server.scenario).toBe('default');
    const ali = await signedIn(ALI);
    const { data } = await ali.GET('/api/v1/customer/dashboard');
    expect(data?.stats).toEqual({ open_tickets: 2, active_orders: 1, pending_refunds: 0, resolved_tickets: 3 });
    expect(data?.recent_orders[0]).toMatchObject({ id: 'ORD123', status: 'SHIPPED', total: 299.99 });
  });
});

describe('empty', () => {
  const server = serveScenario({ scenario: 'empty' });

  it('lets Ali sign in as usual to an account with no orders, returns, tickets or notifications', async () => {
    const ali = await signedIn(ALI);
    const dashboard = await ali.GET('/api/v1/customer/dashboard');
    expect(dashboard.data).toEqual({
      stats: { open_tickets: 0, active_orders: 0, pending_refunds: 0, resolved_tickets: 0 },
      recent_orders: [],
      recent_tickets: [],
    });
    for (const path of ['/api/v1/customer/orders', '/api/v1/customer/tickets', '/api/v1/customer/notifications'] as const) {
      const list = await ali.GET(path);
      expect([list.data, totalCount(list.response)]).toEqual([[], 0]);
    }
    const profile = await ali.GET('/api/v1/customer/profile');
    expect(profile.data).toMatchObject({ full_name: 'Ali Jawad', total_orders: 0, total_tickets: 0 });
  });

  it('keeps writes, and resets to empty rather than to the fixtures', async () => {
    const ali = await signedIn(ALI);
    const created = await ali.POST('/api/v1/customer/tickets', { body: { subject: 'First question', description: 'Hello.' } });
    expect(created.data?.id).toBe('TKT1');
    expect((await ali.GET('/api/v1/customer/dashboard')).data?.stats.open_tickets).toBe(1);

    server.resetState();
    const again = await signedIn(ALI);
    expect(totalCount((await again.GET('/api/v1/customer/tickets')).response)).toBe(0);
  });
});

describe('server-error', () => {
  serveScenario({ scenario: 'server-error' });

  it.each([
    ['sign-in', '/auth/login', 'POST', JSON.stringify(ALI)],
    ['a protected read, even without a token', '/api/v1/customer/dashboard', 'GET', undefined],
    ['a write, even with a body that does not parse', '/api/v1/customer/tickets', 'POST', '{'],
  ])('answers %s with a 500 problem a page can show', async (_name, path, method, body) => {
    const res = await send(path, { method, ...(body !== undefined ? { body } : {}) });
    expect(res.status).toBe(500);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toEqual({
      type: 'https://customer-portal.example.com/problems/internal-error',
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on our side. Please try again.',
    });
  });
});

describe('slow', () => {
  serveScenario({ scenario: 'slow' });

  it('holds every response between 400 and 1200 ms, then answers with the fixtures', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      let answered = false;
      const pending = send('/auth/login', { method: 'POST', body: JSON.stringify(ALI) }).finally(() => (answered = true));
      await vi.advanceTimersByTimeAsync(399);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(801);
      const res = await pending;
      expect(res.status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  // With timers frozen, any wait would never end: an answer proves there was none.
  it('answers at once when the delay option overrides the scenario', async () => {
    const handlers = createHandlers({ baseUrl: MOCK_URL, scenario: 'slow', delay: 0 });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const res = await getResponse(handlers, new Request(`${MOCK_URL}/api/v1/customer/dashboard`));
      expect(res?.status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });
});
