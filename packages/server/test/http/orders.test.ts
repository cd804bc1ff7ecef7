import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, expectProblem, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.signIn(ALI);
});
afterAll(() => server.stop());

const ids = (body: { id: string }[]) => body.map((o) => o.id);
const list = (query = '') => server.call(`/api/v1/customer/orders${query}`, { token });

describe('GET /api/v1/customer/orders', () => {
  it('lists the customer’s orders newest first, with items, and the count in X-Total-Count', async () => {
    const reply = await list();
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-total-count')).toBe('12');
    expect(ids(reply.body)).toEqual(['ORD123', 'ORD122', 'ORD121', 'ORD120', 'ORD119', 'ORD118', 'ORD117', 'ORD116', 'ORD115', 'ORD114', 'ORD113', 'ORD112']);
    expect(reply.body[0]).toEqual({
      id: 'ORD123',
      status: 'SHIPPED',
      total: 299.99,
      created_at: '2024-01-10T10:00:00Z',
      estimated_delivery: '2024-01-15T18:00:00Z',
      tracking_number: 'TRK123456789',
      items: [{ id: 'ITEM1', product_name: 'Wireless Headphones', quantity: 1, price: 299.99, subtotal: 299.99 }],
    });
  });

  it.each([
    ['status, in any case', '?status=Delivered', ['ORD122', 'ORD121', 'ORD118', 'ORD117', 'ORD115', 'ORD113', 'ORD112']],
    ['status all, which is no filter', '?status=ALL', 12],
    ['an id substring, in any case', '?search=ord11', ['ORD119', 'ORD118', 'ORD117', 'ORD116', 'ORD115', 'ORD114', 'ORD113', 'ORD112']],
    ['% as a literal character, not a wildcard', '?search=%25', []],
    ['_ as a literal character, not a wildcard', '?search=ORD1_3', []],
    ['an empty search, which is no search', '?search=', 12],
    ['status and search together', '?status=cancelled&search=12', ['ORD120']],
    ['a page', '?limit=3&offset=2', ['ORD121', 'ORD120', 'ORD119']],
    ['a page past the end', '?offset=100', []],
  ])('filters by %s', async (_name, query, expected) => {
    const reply = await list(query);
    expect(reply.status).toBe(200);
    if (typeof expected === 'number') expect(reply.body).toHaveLength(expected);
    else expect(ids(reply.body)).toEqual(expected);
  });

  it('counts every match in X-Total-Count, not just the page', async () => {
    const reply = await list('?status=delivered&limit=2');
    expect(reply.body).toHaveLength(2);
    expect(reply.headers.get('x-total-count')).toBe('7');
  });

  it.each([
    ['an unknown status', '?status=lost', 'query.status', 'Status must be one of all, pending, processing, shipped, delivered, cancelled, returned.'],
    ['a limit over 100', '?limit=101', 'query.limit', 'Limit must be at most 100.'],
    ['a limit of 0', '?limit=0', 'query.limit', 'Limit must be at least 1.'],
    ['a negative offset', '?offset=-1', 'query.offset', 'Offset must be at least 0.'],
    ['a limit that is not a number', '?limit=ten', 'query.limit', 'Limit must be a whole number.'],
    ['a repeated status', '?status=shipped&status=pending', 'query.status', 'Status must be text.'],
  ])('refuses %s with a 422 naming the parameter', async (_name, query, location, message) => {
    const reply = await list(query);
    expectProblem(reply, 422);
    expect(reply.body.errors).toEqual([{ location, message }]);
  });
});

describe('GET /api/v1/customer/orders/{order_id}', () => {
  it('returns the order with its items', async () => {
    const reply = await server.call('/api/v1/customer/orders/ORD122', { token });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: 'ORD122', status: 'DELIVERED', total: 52.48 });
    expect(reply.body.items.map((i: { product_name: string }) => i.product_name)).toEqual(['Smartphone Case', 'USB-C Cable']);
  });

  it('never shows shipment internals on the order', async () => {
    const reply = await server.call('/api/v1/customer/orders/ORD123', { token });
    expect(Object.keys(reply.body).sort()).toEqual(['created_at', 'estimated_delivery', 'id', 'items', 'status', 'total', 'tracking_number']);
  });

  it('is a 404 for an order that does not exist', async () => {
    expectProblem(await server.call('/api/v1/customer/orders/ORD999', { token }), 404, 'Order ORD999 was not found.');
  });

  it('is a 422 for an id that is not an id', async () => {
    const reply = await server.call('/api/v1/customer/orders/ORD%20123', { token });
    expectProblem(reply, 422);
    expect(reply.body.errors).toEqual([{ location: 'path.order_id', message: expect.any(String) }]);
  });
});

describe('GET /api/v1/customer/orders/track/{order_id}', () => {
  const track = (id: string) => server.call(`/api/v1/customer/orders/track/${id}`, { token });
  const completed = (steps: { label: string; completed: boolean }[]) => steps.filter((s) => s.completed).map((s) => s.label);

  it('tracks a shipped order up to Shipped, with the courier', async () => {
    const reply = await track('ORD123');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      order_id: 'ORD123',
      status: 'SHIPPED',
      tracking_number: 'TRK123456789',
      current_location: 'Mumbai Hub',
      estimated_delivery: '2024-01-15T18:00:00Z',
      courier_name: 'FastShip Express',
      courier_contact: '+91-1800-123-4567',
      steps: [
        { label: 'Order Placed', completed: true, current: false },
        { label: 'Payment Confirmed', completed: true, current: false },
        { label: 'Packed', completed: true, current: false },
        { label: 'Shipped', completed: true, current: true },
        { label: 'Delivered', completed: false, current: false },
      ],
    });
  });

  it.each([
    ['a delivered order', 'ORD122', ['Order Placed', 'Payment Confirmed', 'Packed', 'Shipped', 'Delivered'], 'Delivered'],
    ['a returned order', 'ORD119', ['Order Placed', 'Payment Confirmed', 'Packed', 'Shipped', 'Delivered'], 'Delivered'],
    ['a cancelled order', 'ORD120', ['Order Placed'], 'Order Placed'],
  ])('follows the status of %s', async (_name, id, steps, current) => {
    const { body } = await track(id);
    expect(completed(body.steps)).toEqual(steps);
    expect(body.steps.filter((s: { current: boolean }) => s.current).map((s: { label: string }) => s.label)).toEqual([current]);
  });

  it('has no courier for an order that never shipped', async () => {
    const { body } = await track('ORD120');
    expect(body).toMatchObject({ current_location: null, courier_name: null, courier_contact: null });
  });

  it('is a 404 for an order that does not exist', async () => {
    expectProblem(await track('ORD999'), 404, 'Order ORD999 was not found.');
  });
});
