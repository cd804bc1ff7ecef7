import { describe, expect, it } from 'vitest';
import { portalUnderTest, SARA } from '../portal-under-test.js';

describe('listOrders', () => {
  it.each([
    ['no filter', {}, 12],
    ['all', { status: 'all' }, 12],
    ['delivered, lower case', { status: 'delivered' }, 7],
    ['shipped', { status: 'shipped' }, 1],
    ['cancelled', { status: 'cancelled' }, 2],
    ['returned', { status: 'returned' }, 2],
    ['pending (none)', { status: 'pending' }, 0],
    ['search by id substring, any case', { search: 'ord12' }, 4],
    ['search and status together', { search: 'ORD12', status: 'delivered' }, 2],
    ['an empty search, which is no search', { search: '' }, 12],
  ])('%s', async (_name, query, total) => {
    const { call } = portalUnderTest();
    const res = await call('listOrders', { query });
    expect(res.status).toBe(200);
    expect(res.headers['X-Total-Count']).toBe(String(total));
    expect(res.body).toHaveLength(total);
  });

  it('lists newest first, with ORD123 first', async () => {
    const { call } = portalUnderTest();
    const { body } = await call('listOrders');
    const dates = body.map((o: { created_at: string }) => o.created_at);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(body[0]).toMatchObject({ id: 'ORD123', status: 'SHIPPED', total: 299.99, tracking_number: 'TRK123456789' });
  });

  it('treats % and _ in a search as literal characters, not wildcards', async () => {
    const { call } = portalUnderTest();
    for (const search of ['%', '_', 'ORD_23', 'ORD%']) {
      const res = await call('listOrders', { query: { search } });
      expect(res.body, search).toEqual([]);
      expect(res.headers['X-Total-Count']).toBe('0');
    }
  });

  it('pages with limit and offset, keeping the total', async () => {
    const { call } = portalUnderTest();
    const first = await call('listOrders', { query: { limit: '5' } });
    const third = await call('listOrders', { query: { limit: '5', offset: '10' } });
    expect(first.body.map((o: { id: string }) => o.id)).toEqual(['ORD123', 'ORD122', 'ORD121', 'ORD120', 'ORD119']);
    expect(third.body.map((o: { id: string }) => o.id)).toEqual(['ORD113', 'ORD112']);
    expect(third.headers['X-Total-Count']).toBe('12');
  });

  it('answers a page past the end with no orders, and the total', async () => {
    const { call } = portalUnderTest();
    const res = await call('listOrders', { query: { offset: '100' } });
    expect(res.body).toEqual([]);
    expect(res.headers['X-Total-Count']).toBe('12');
  });

  it.each([
    ['an unknown status', { status: 'lost' }, 'query.status', 'must be one of all, pending, processing, shipped, delivered, cancelled, returned'],
    ['a status in upper case, as an order shows it', { status: 'SHIPPED' }, 'query.status', 'must be one of all, pending'],
    ['a limit over 100', { limit: '101' }, 'query.limit', 'must be <= 100'],
    ['a limit of 0', { limit: '0' }, 'query.limit', 'must be >= 1'],
    ['a limit that is not a number', { limit: 'ten' }, 'query.limit', 'must be integer'],
    ['a negative offset', { offset: '-1' }, 'query.offset', 'must be >= 0'],
    ['a repeated status', { status: ['shipped', 'pending'] }, 'query.status', 'must be string'],
  ])('rejects %s with a 422 naming the field', async (_name, query, location, message) => {
    const { call } = portalUnderTest();
    const res = await call('listOrders', { query });
    expect(res.status).toBe(422);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(res.body.errors).toEqual([{ location, message: expect.stringContaining(message) }]);
    expect(res.body.detail).toContain(location);
  });

  it('shows each customer only their own orders', async () => {
    const { call } = portalUnderTest();
    const res = await call('listOrders', { authorization: SARA });
    expect(res.body.map((o: { id: string }) => o.id)).toEqual(['ORD303', 'ORD302', 'ORD301']);
  });
});

describe('getOrder', () => {
  it('returns the order with its items and without shipment internals', async () => {
    const { call } = portalUnderTest();
    const res = await call('getOrder', { path: { order_id: 'ORD123' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: 'ORD123',
      status: 'SHIPPED',
      total: 299.99,
      created_at: '2024-01-10T10:00:00Z',
      estimated_delivery: '2024-01-15T18:00:00Z',
      tracking_number: 'TRK123456789',
      items: [{ id: 'ITEM1', product_name: 'Wireless Headphones', quantity: 1, price: 299.99, subtotal: 299.99 }],
    });
  });

  it("answers another customer's order with the same 404 as a missing one", async () => {
    const { call } = portalUnderTest();
    const theirs = await call('getOrder', { path: { order_id: 'ORD301' } });
    const missing = await call('getOrder', { path: { order_id: 'ORD999' } });
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(theirs.body.title).toBe(missing.body.title);
    expect(theirs.body.detail).toBe('Order ORD301 was not found.');
  });

  it('rejects an id with characters outside the id alphabet as a 422', async () => {
    const { call } = portalUnderTest();
    const res = await call('getOrder', { path: { order_id: 'ORD 1;' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].location).toBe('path.order_id');
  });
});

describe('trackOrder', () => {
  it("gives the seed's SHIPPED example exactly for ORD123", async () => {
    const { call } = portalUnderTest();
    const res = await call('trackOrder', { path: { order_id: 'ORD123' } });
    expect(res.body).toEqual({
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
    ['DELIVERED', 'ORD122', 'Delivered', 5],
    ['CANCELLED', 'ORD120', 'Order Placed', 1],
    ['RETURNED', 'ORD119', 'Delivered', 5],
  ])('a %s order completes up to its current step', async (status, orderId, current, completed) => {
    const { call } = portalUnderTest();
    const { body } = await call('trackOrder', { path: { order_id: orderId } });
    expect(body.status).toBe(status);
    expect(body.steps.filter((s: { completed: boolean }) => s.completed)).toHaveLength(completed);
    expect(body.steps.filter((s: { current: boolean }) => s.current).map((s: { label: string }) => s.label)).toEqual([current]);
  });

  it('has no courier or location for an order that was cancelled before it shipped', async () => {
    const { call } = portalUnderTest();
    const { body } = await call('trackOrder', { path: { order_id: 'ORD120' } });
    expect(body).toMatchObject({ current_location: null, courier_name: null, courier_contact: null });
  });

  it("answers another customer's order, or a missing one, with a 404", async () => {
    const { call } = portalUnderTest();
    expect((await call('trackOrder', { path: { order_id: 'ORD301' } })).body.detail).toBe('Order ORD301 was not found.');
    expect((await call('trackOrder', { path: { order_id: 'ORD999' } })).body.detail).toBe('Order ORD999 was not found.');
  });

  it.each([
    ['PENDING', 'ORD303', 1, 'Order Placed'],
    ['PROCESSING', 'ORD302', 2, 'Payment Confirmed'],
  ])('a %s order (%s) has %i completed steps and no courier yet', async (_status, orderId, completed, current) => {
    const { call } = portalUnderTest();
    const { body } = await call('trackOrder', { path: { order_id: orderId }, authorization: SARA });
    expect(body.steps.filter((s: { completed: boolean }) => s.completed)).toHaveLength(completed);
    expect(body.steps.find((s: { current: boolean }) => s.current).label).toBe(current);
    expect(body.courier_name).toBeNull();
  });
});
