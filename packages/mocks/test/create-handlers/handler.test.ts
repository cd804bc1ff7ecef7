import { totalCount, type PortalClient } from '@customer-portal/sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getResponse } from 'msw';
import { createHandlers } from '../../src/create-handlers.js';
import { setupPortalServer } from '../../src/node.js';
import { ALI, MOCK_URL, send, signedIn } from '../accounts.js';

const server = setupPortalServer({ baseUrl: MOCK_URL });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetState());
afterAll(() => server.close());

let ali: PortalClient;
beforeEach(async () => {
  ali = await signedIn(ALI);
});

describe('sign-in', () => {
  it('issues a JWT-shaped token for a sample account, matching the email in any case', async () => {
    const res = await send('/auth/login', { method: 'POST', body: JSON.stringify({ ...ALI, email: 'Ali.Jawad@Example.com' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      access_token: expect.stringMatching(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/),
      token_type: 'bearer',
      expires_in: 3600,
      device_token: expect.any(String),
    });
  });

  it('answers the device token a client sends back, as the server honours it', async () => {
    const first = (await (await send('/auth/login', { method: 'POST', body: JSON.stringify(ALI) })).json()) as { device_token: string };
    const again = await send('/auth/login', { method: 'POST', body: JSON.stringify({ ...ALI, device_token: first.device_token }) });
    expect(((await again.json()) as { device_token: string }).device_token).toBe(first.device_token);
  });

  it('gives a wrong password and an unknown email the same 401', async () => {
    const wrong = await send('/auth/login', { method: 'POST', body: JSON.stringify({ ...ALI, password: 'nope' }) });
    const unknown = await send('/auth/login', { method: 'POST', body: JSON.stringify({ ...ALI, email: 'nobody@example.com' }) });
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });
});

describe('bearer tokens', () => {
  /** A real token, issued by another, independent handler set. */
  async function foreignToken(): Promise<string> {
    const login = new Request(`${MOCK_URL}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ALI) });
    const res = await getResponse(createHandlers({ baseUrl: MOCK_URL }), login);
    return (await res!.json()).access_token;
  }

  it.each([
    ['no token', async () => undefined, 'Bearer'],
    ['a made-up token in the mocks’ own format', async () => 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.AAAA', 'Bearer error="invalid_token"'],
    ['a token issued by another handler set', foreignToken, 'Bearer error="invalid_token"'],
  ])('answers %s with a 401 problem and a WWW-Authenticate challenge', async (_name, tokenOf, challenge) => {
    const token = await tokenOf();
    const res = await send('/api/v1/customer/dashboard', token ? { token } : {});
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toBe(challenge);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect((await res.json()).detail).toMatch(/sign in|invalid/i);
  });
});

describe('state', () => {
  it('keeps a new ticket: it heads the list and the dashboard counts one more open ticket', async () => {
    const before = await ali.GET('/api/v1/customer/dashboard');
    const created = await ali.POST('/api/v1/customer/tickets', { body: { subject: 'Where is my parcel?', description: 'ORD123 is late.' } });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ id: 'TKT457', status: 'OPEN', priority: 'MEDIUM', messages: [{ content: 'ORD123 is late.' }] });

    const list = await ali.GET('/api/v1/customer/tickets');
    expect(list.data?.[0]).toMatchObject({ id: 'TKT457', subject: 'Where is my parcel?' });
    expect(totalCount(list.response)).toBe(6);
    const after = await ali.GET('/api/v1/customer/dashboard');
    expect(after.data?.stats.open_tickets).toBe(before.data!.stats.open_tickets + 1);
  });

  it('keeps a reply, a return, a profile change and a read notification', async () => {
    await ali.POST('/api/v1/customer/tickets/{ticket_id}/messages', { params: { path: { ticket_id: 'TKT456' } }, body: { content: 'Thanks!' } });
    await ali.POST('/api/v1/customer/orders/return', { body: { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Broken' } });
    await ali.PUT('/api/v1/customer/profile', { body: { preferences: { theme: 'dark' } } });
    await ali.PUT('/api/v1/customer/notifications/{notification_id}/read', { params: { path: { notification_id: 1 } } });

    const ticket = await ali.GET('/api/v1/customer/tickets/{ticket_id}', { params: { path: { ticket_id: 'TKT456' } } });
    expect(ticket.data?.messages.at(-1)).toMatchObject({ content: 'Thanks!', sender_type: 'customer' });
    expect((await ali.GET('/api/v1/customer/dashboard')).data?.stats.pending_refunds).toBe(1);
    expect((await ali.GET('/api/v1/customer/settings')).data?.general.theme).toBe('dark');
    const unread = await ali.GET('/api/v1/customer/notifications', { params: { query: { unread_only: true } } });
    expect(unread.data?.map((n) => n.id)).not.toContain(1);
  });

  it('goes back to the fixtures and forgets every token on resetState()', async () => {
    await ali.POST('/api/v1/customer/tickets', { body: { subject: 'Temporary', description: 'Gone after reset.' } });
    server.resetState();

    const stale = await ali.GET('/api/v1/customer/tickets');
    expect(stale.response.status).toBe(401);
    const fresh = await signedIn(ALI);
    const list = await fresh.GET('/api/v1/customer/tickets');
    expect(totalCount(list.response)).toBe(5);
    expect(list.data?.map((t) => t.subject)).not.toContain('Temporary');
  });
});

describe('reading requests', () => {
  it('reads a repeated query key as a list, which a single-valued parameter refuses', async () => {
    const res = await send('/api/v1/customer/orders?status=shipped&status=delivered', { token: ali.token! });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([{ location: 'query.status', message: 'Status must be text.' }]);
  });

  it.each([
    ['a body that is not JSON', 400, 'application/json', '{"subject":', 'The request body is not valid JSON.'],
    ['a body over 100 kB', 413, 'application/json', JSON.stringify({ subject: 'Big', description: 'x'.repeat(101 * 1024) }), 'The request body is larger than the limit of 100 kB.'],
    ['a body in another media type', 415, 'text/plain', 'subject=Hi', 'Send the request body as application/json.'],
  ] as const)('answers %s with a %s problem', async (_name, status, contentType, body, detail) => {
    const res = await send('/api/v1/customer/tickets', { method: 'POST', token: ali.token!, body, contentType });
    expect(res.status).toBe(status);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status, detail });
  });

  it('answers an unknown path under the customer API with a 404 problem, and HEAD with no body', async () => {
    const unknown = await send('/api/v1/customer/wishlist', { token: ali.token! });
    expect([unknown.status, unknown.headers.get('Content-Type')]).toEqual([404, 'application/problem+json']);
    const head = await send('/api/v1/customer/orders?status=delivered', { method: 'HEAD', token: ali.token! });
    expect([head.status, head.headers.get('X-Total-Count'), await head.text()]).toEqual([200, '7', '']);
  });

  it('answers a path with a malformed escape like any other invalid id, not with a crash', async () => {
    const res = await send('/api/v1/customer/orders/ORD%E0%A4%A', { token: ali.token! });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([{ location: 'path.order_id', message: 'Order ID may contain only letters, digits, hyphens and underscores.' }]);
  });
});
