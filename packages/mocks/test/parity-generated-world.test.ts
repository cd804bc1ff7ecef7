/**
 * Parity on a generated world: one world file served by the MSW handlers (its content as the `world` option)
 * and by the reference server (`world`, as `--world FILE`) answers the same requests alike: every read of two
 * of its customers, then writes and the reads they change. The sample world's parity is parity.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld, worldFileText, type SampleCustomer } from '@customer-portal/core';
import { startServer } from '@customer-portal/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupPortalServer } from '../src/node.js';
import { MOCK_URL } from './accounts.js';

const world = generateWorld({ seed: 2024, customers: 4, ordersPerCustomer: [25, 40] });
const text = worldFileText(world);
const startedAt = Date.now();
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Tokens and timestamps made during this run become placeholders; everything else is compared as sent. */
function normalise(value: unknown, key?: string): unknown {
  if (key === 'access_token' && typeof value === 'string') return '<token>';
  if (typeof value === 'string' && RFC3339.test(value) && Date.parse(value) >= startedAt - 1000) return '<generated timestamp>';
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
  return value;
}

interface Request {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
}

async function ask(baseUrl: string, token: string, { method, path, body }: Request) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(baseUrl + path, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const answer = await res.text();
  return { status: res.status, total: res.headers.get('X-Total-Count'), body: normalise(answer === '' ? null : JSON.parse(answer)) };
}

/** Every read a customer can make of their own data, as the world holds it. */
function readsOf(customer: SampleCustomer): Request[] {
  const orders = world.orders.filter((o) => o.customer_id === customer.id);
  const tickets = world.tickets.filter((t) => t.customer_id === customer.id);
  const get = (path: string): Request => ({ method: 'GET', path });
  return [
    get('/api/v1/customer/dashboard'),
    get('/api/v1/customer/profile'),
    get('/api/v1/customer/settings'),
    ...[0, 10, 20, 30].map((offset) => get(`/api/v1/customer/orders?limit=10&offset=${offset}`)),
    ...['delivered', 'shipped', 'returned', 'cancelled'].map((status) => get(`/api/v1/customer/orders?status=${status}`)),
    get(`/api/v1/customer/orders?search=${orders[0]!.id.slice(0, -1).toLowerCase()}`),
    ...orders.flatMap((o) => [get(`/api/v1/customer/orders/${o.id}`), get(`/api/v1/customer/orders/track/${o.id}`)]),
    get('/api/v1/customer/tickets'),
    get('/api/v1/customer/tickets?status=open'),
    ...tickets.map((t) => get(`/api/v1/customer/tickets/${t.id}`)),
    get('/api/v1/customer/notifications'),
    get('/api/v1/customer/notifications?unread_only=true'),
    // Another customer's order is not there for this one.
    get(`/api/v1/customer/orders/${world.orders.find((o) => o.customer_id !== customer.id)!.id}`),
  ];
}

/** Writes whose effects the reads after them show: a return, a ticket, a reply, a notification read. */
function writesOf(customer: SampleCustomer): Request[] {
  const delivered = world.orders.find((o) => o.customer_id === customer.id && o.status === 'DELIVERED' && !world.returns.some((r) => r.order_id === o.id))!;
  const notification = world.notifications.find((n) => n.customer_id === customer.id && !n.read)!;
  return [
    { method: 'POST', path: '/api/v1/customer/orders/return', body: { order_id: delivered.id, items: [delivered.items[0]!.product_name], reason: 'Wrong size' } },
    { method: 'POST', path: '/api/v1/customer/orders/return', body: { order_id: delivered.id, items: [delivered.items[0]!.product_name], reason: 'Again' } },
    { method: 'POST', path: '/api/v1/customer/tickets', body: { subject: `About ${delivered.id}`, description: 'It arrived late.', order_id: delivered.id } },
    { method: 'POST', path: `/api/v1/customer/tickets/${world.tickets.find((t) => t.customer_id === customer.id)!.id}/messages`, body: { content: 'Any news?' } },
    { method: 'PUT', path: `/api/v1/customer/notifications/${notification.id}/read` },
    { method: 'GET', path: '/api/v1/customer/dashboard' },
    { method: 'GET', path: '/api/v1/customer/tickets' },
    { method: 'GET', path: '/api/v1/customer/notifications?unread_only=true' },
  ];
}

describe('parity between the MSW handlers and the reference server on a generated world', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-parity-world-'));
  const worldPath = join(dir, 'generated.world.json');
  writeFileSync(worldPath, text);
  const mocks = setupPortalServer({ baseUrl: MOCK_URL, world: text });
  let reference: Awaited<ReturnType<typeof startServer>>;
  const customers = [world.customers[0]!, world.customers[2]!];
  const tokens = new Map<string, { mock: string; real: string }>();

  beforeAll(async () => {
    reference = await startServer({ port: 0, host: '127.0.0.1', log: false, databasePath: join(dir, 'portal.db'), world: worldPath });
    mocks.listen({ onUnhandledRequest: 'bypass' });
    for (const customer of customers) {
      const signIn = async (baseUrl: string) => {
        const res = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: customer.email, password: customer.password }) });
        expect(res.status).toBe(200);
        return ((await res.json()) as { access_token: string }).access_token;
      };
      tokens.set(customer.email, { mock: await signIn(MOCK_URL), real: await signIn(reference.url.replace(/\/$/, '')) });
    }
  });

  afterAll(async () => {
    mocks.close();
    await reference?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(customers.map((c) => [c.email, c] as const))('answers every read of %s alike, then every write and what it changes', async (_email, customer) => {
    const { mock, real } = tokens.get(customer.email)!;
    const requests = [...readsOf(customer), ...writesOf(customer)];
    const statuses: number[] = [];
    for (const request of requests) {
      const fromMocks = await ask(MOCK_URL, mock, request);
      const fromServer = await ask(reference.url.replace(/\/$/, ''), real, request);
      expect(fromMocks, `${request.method} ${request.path}`).toEqual(fromServer);
      statuses.push(fromServer.status);
    }
    // The reads found the world's records (another's order aside), the writes took effect, the repeated return was refused.
    const reads = readsOf(customer).length;
    expect(statuses.slice(0, reads)).toEqual([...Array<number>(reads - 1).fill(200), 404]);
    expect(statuses.slice(reads)).toEqual([201, 422, 201, 201, 200, 200, 200, 200]);
  });
});

describe('parity on a world whose ids have no numbers (as a backend of another shape records them)', () => {
  // Tickets, their messages and returns renamed T-…, M-…, R-…: the server seeds them, and lists them as the mocks do.
  const letters = (i: number) => `${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`;
  let message = 0;
  const shaped = {
    ...world,
    returns: world.returns.map((r, i) => ({ ...r, id: `R-${letters(i)}` })),
    tickets: world.tickets.map((t, i) => ({ ...t, id: `T-${letters(i)}`, messages: t.messages.map((m) => ({ ...m, id: `M-${letters(message++)}` })) })),
  };
  const dir = mkdtempSync(join(tmpdir(), 'portal-parity-shapes-'));
  const worldPath = join(dir, 'shaped.world.json');
  writeFileSync(worldPath, worldFileText(shaped));
  const mocks = setupPortalServer({ baseUrl: MOCK_URL, world: worldFileText(shaped) });
  let reference: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    reference = await startServer({ port: 0, host: '127.0.0.1', log: false, databasePath: join(dir, 'portal.db'), world: worldPath });
    mocks.listen({ onUnhandledRequest: 'bypass' });
  });
  afterAll(async () => {
    mocks.close();
    await reference?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the ticket list and every ticket alike', async () => {
    const customer = shaped.customers.find((c) => shaped.tickets.filter((t) => t.customer_id === c.id).length > 1)!;
    const signIn = async (baseUrl: string) => {
      const res = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: customer.email, password: customer.password }) });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const real = reference.url.replace(/\/$/, '');
    const [mockToken, realToken] = [await signIn(MOCK_URL), await signIn(real)];
    const paths = ['/api/v1/customer/tickets', '/api/v1/customer/dashboard', ...shaped.tickets.filter((t) => t.customer_id === customer.id).map((t) => `/api/v1/customer/tickets/${t.id}`)];
    for (const path of paths) {
      const fromServer = await ask(real, realToken, { method: 'GET', path });
      expect(fromServer.status, path).toBe(200);
      expect(await ask(MOCK_URL, mockToken, { method: 'GET', path }), path).toEqual(fromServer);
    }
  });
});
