import { totalCount } from '@customer-portal/sdk';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupPortalServer } from '../../src/node.js';
import { ALI, MOCK_URL, SARA, signedIn } from '../accounts.js';

const server = setupPortalServer({ baseUrl: MOCK_URL });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetState());
afterAll(() => server.close());

describe('overriding one operation', () => {
  it('answers what the test says, by operationId, until resetState()', async () => {
    server.override('getDashboard', {
      status: 200,
      body: { stats: { open_tickets: 99, active_orders: 0, pending_refunds: 0, resolved_tickets: 0 }, recent_orders: [], recent_tickets: [] },
    });
    const ali = await signedIn(ALI);
    expect((await ali.GET('/api/v1/customer/dashboard')).data?.stats.open_tickets).toBe(99);

    server.resetState();
    const again = await signedIn(ALI);
    expect((await again.GET('/api/v1/customer/dashboard')).data?.stats.open_tickets).toBe(2);
  });

  it('answers from the typed request, by path, and can build on the mocks’ own answer with next()', async () => {
    server.override('GET /api/v1/customer/orders', async ({ query, next }) => {
      const answer = await next();
      if (answer.status !== 200 || query.status !== 'all') return answer;
      return { ...answer, body: answer.body.map((order) => ({ ...order, status: 'CANCELLED' as const })) };
    });
    const ali = await signedIn(ALI);
    const { data, response } = await ali.GET('/api/v1/customer/orders'); // status defaults to 'all'
    expect(new Set(data?.map((o) => o.status))).toEqual(new Set(['CANCELLED']));
    expect(totalCount(response)).toBe(12); // next()'s headers come along
  });

  it('answers a documented error with a problem body', async () => {
    server.override('createTicket', ({ body }) => ({
      status: 422,
      body: { type: 'https://customer-portal.example.com/problems/rule-violation', title: 'Request not allowed', status: 422, detail: `No tickets about "${body.subject}" today.` },
    }));
    const ali = await signedIn(ALI);
    const { error } = await ali.POST('/api/v1/customer/tickets', { body: { subject: 'Refund', description: 'Please.' } });
    expect(error?.detail).toBe('No tickets about "Refund" today.');
  });

  it('fails at once, naming the field, when a fixed answer breaks the contract', () => {
    expect(() =>
      server.override('getProfile', { status: 200, body: { full_name: 'Ali' } as never }),
    ).toThrow(/The override: getProfile answered 200 against the contract: response\.body\.id: ID is required\./);
  });

  it('answers a 500 naming the field when a function’s answer breaks the contract', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    // What a test gets when the types were bypassed (JSON from a file, an `as` cast): still caught, by field.
    const fromAFile = JSON.parse('{ "status": 200, "body": { "general": { "theme": "neon" } } }');
    server.override('getSettings', () => fromAFile);
    const ali = await signedIn(ALI);
    const { error, response } = await ali.GET('/api/v1/customer/settings');
    expect(response.status).toBe(500);
    expect(error?.detail).toContain('response.body.notifications: Notifications is required.');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('The override: getSettings answered 200'));
    log.mockRestore();
  });

  it('checks the request against the contract first, as the real API does', async () => {
    let called = false;
    server.override('listOrders', () => {
      called = true;
      return { status: 200, body: [] };
    });
    const ali = await signedIn(ALI);
    const { response } = await ali.GET('/api/v1/customer/orders', { params: { query: { limit: 500 } } });
    expect([response.status, called]).toEqual([422, false]);
  });

  it.each([
    ['a request without a token', '/api/v1/customer/orders'],
    ['an invalid request without a token', '/api/v1/customer/orders?status=lost'],
  ])('leaves %s its 401: the override answers only a signed-in customer, as the server would', async (_name, path) => {
    let called = false;
    server.override('listOrders', () => {
      called = true;
      return { status: 200, body: [] };
    });
    const res = await fetch(MOCK_URL + path);
    expect([res.status, res.headers.get('WWW-Authenticate'), called]).toEqual([401, 'Bearer', false]);
  });

  it('gives the function the signed-in customer, and next() runs the operation for them without signing in again', async () => {
    let seen: string | undefined;
    server.override('listOrders', async ({ customer, next }) => {
      seen = customer.email;
      return next();
    });
    const sara = await signedIn(SARA);
    const { data } = await sara.GET('/api/v1/customer/orders');
    expect([seen, data?.map((o) => o.id)]).toEqual([SARA.email, ['ORD303', 'ORD302', 'ORD301']]);
  });

  it('comes off with the function it returns', async () => {
    const undo = server.override('getProfile', ({ next }) => next());
    undo();
    const ali = await signedIn(ALI);
    expect((await ali.GET('/api/v1/customer/profile')).response.status).toBe(200);
  });
});

describe('a plain msw handler beside the mocks', () => {
  it("matches a relative path when written with msw's any-origin `*/`, as the mocks' own handlers are", async () => {
    server.use(http.get('*/api/v1/customer/notifications', () => HttpResponse.json([], { headers: { 'X-Total-Count': '0' } })));
    const ali = await signedIn(ALI);
    const { data } = await ali.GET('/api/v1/customer/notifications');
    expect(data).toEqual([]);
    server.resetHandlers();
  });

  it('is gone after resetState(), which starts every test again from the mocks alone', async () => {
    server.use(http.get(`${MOCK_URL}/api/v1/customer/notifications`, () => HttpResponse.json([], { headers: { 'X-Total-Count': '0' } })));
    server.resetState();
    const ali = await signedIn(ALI);
    const { data } = await ali.GET('/api/v1/customer/notifications');
    expect(data?.length).toBeGreaterThan(0);
  });
});
