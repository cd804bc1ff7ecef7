/** Sara can see none of Ali's data: another customer's resource is a 404, exactly like one that does not exist. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, expectProblem, SARA, startTestServer, type Reply, type TestServer } from '../support/test-server.js';

let server: TestServer;
let ali: string;
let sara: string;
const seen: Reply[] = [];
beforeAll(async () => {
  server = await startTestServer();
  [ali, sara] = await Promise.all([server.signIn(ALI), server.signIn(SARA)]);
});
afterAll(() => server.stop());

const asSara = async (path: string, options: { method?: string; json?: unknown } = {}) => {
  const reply = await server.call(path, { token: sara, ...options });
  seen.push(reply);
  return reply;
};

describe('another customer’s data', () => {
  it.each([
    ['Ali’s order', '/api/v1/customer/orders/ORD123', {}, 'Order ORD123 was not found.'],
    ['Ali’s order tracking', '/api/v1/customer/orders/track/ORD123', {}, 'Order ORD123 was not found.'],
    ['Ali’s ticket', '/api/v1/customer/tickets/TKT456', {}, 'Ticket TKT456 was not found.'],
    ['a reply to Ali’s ticket', '/api/v1/customer/tickets/TKT456/messages', { json: { content: 'Hi Ali' } }, 'Ticket TKT456 was not found.'],
    ['Ali’s notification', '/api/v1/customer/notifications/1/read', { method: 'PUT' }, 'Notification 1 was not found.'],
    ['a return of Ali’s order', '/api/v1/customer/orders/return', { json: { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'x' } }, 'Order ORD118 was not found.'],
    ['a ticket about Ali’s order', '/api/v1/customer/tickets', { json: { subject: 'x', description: 'y', order_id: 'ORD123' } }, 'Order ORD123 was not found.'],
  ])('%s is a 404 for Sara', async (_name, path, options, detail) => {
    expectProblem(await asSara(path, options), 404, detail);
  });

  it('answers Ali’s order exactly like an order that does not exist', async () => {
    const own = await asSara('/api/v1/customer/orders/ORD123');
    const missing = await asSara('/api/v1/customer/orders/ORD124');
    expect({ ...missing.body, detail: '' }).toEqual({ ...own.body, detail: '' });
  });

  it.each([
    ['orders', '/api/v1/customer/orders', ['ORD303', 'ORD302', 'ORD301']],
    ['orders searched by Ali’s ids', '/api/v1/customer/orders?search=ORD12', []],
    ['tickets', '/api/v1/customer/tickets', ['TKT302', 'TKT301']],
    ['notifications', '/api/v1/customer/notifications', [7, 8]],
  ])('Sara’s %s hold only her own', async (_name, path, expected) => {
    const reply = await asSara(path);
    expect(reply.body.map((item: { id: string | number }) => item.id)).toEqual(expected);
    expect(reply.headers.get('x-total-count')).toBe(String(expected.length));
  });

  it('leaves Ali’s data as it was after Sara’s attempts', async () => {
    const ticket = await server.call('/api/v1/customer/tickets/TKT456', { token: ali });
    expect(ticket.body.messages.map((m: { content: string }) => m.content)).not.toContain('Hi Ali');
    const [notification] = (await server.call('/api/v1/customer/notifications?unread_only=true', { token: ali })).body.filter((n: { id: number }) => n.id === 1);
    expect(notification.read).toBe(false);
  });

  it('shows Sara her own profile', async () => {
    const reply = await asSara('/api/v1/customer/profile');
    expect(reply.body).toMatchObject({ id: 2, email: 'sara.khan@example.com', total_orders: 3, total_tickets: 2 });
  });

  it('never shows a password, a hash or an internal note in any of the answers above', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const reply of seen) expect(reply.text).not.toMatch(/password|scrypt\$|customer456|is_internal":true/i);
  });
});
