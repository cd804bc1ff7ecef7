import { describe, expect, it } from 'vitest';
import { portalUnderTest, SARA } from '../portal-under-test.js';

const NOW = '2024-01-16T09:00:00.000Z';

describe('requestReturn', () => {
  it('records a return of a delivered item and counts it as a pending refund', async () => {
    const { call } = portalUnderTest({ now: () => NOW });
    const body = { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Product is defective', description: 'The left speaker is not working properly' };
    const res = await call('requestReturn', { body });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'RET5', ...body, status: 'REQUESTED', created_at: NOW });
    const dashboard = await call('getDashboard');
    expect(dashboard.body.stats.pending_refunds).toBe(1);
  });

  it('accepts items by id or by name in any case, and records them by product name', async () => {
    const { call } = portalUnderTest();
    const res = await call('requestReturn', { body: { order_id: 'ORD115', items: ['ITEM115-2', 'backpack'], reason: 'Leaks' } });
    expect(res.status).toBe(201);
    expect(res.body.items).toEqual(['Water Bottle', 'Backpack']);
    expect(res.body.description).toBeNull();
  });

  it.each([
    ['a shipped order', { order_id: 'ORD123', items: ['Wireless Headphones'] }, /ORD123 is shipped; only delivered orders/],
    ['a cancelled order', { order_id: 'ORD120', items: ['Smart LED Bulb'] }, /ORD120 is cancelled/],
    ['an item not in the order', { order_id: 'ORD118', items: ['Toaster'] }, /"Toaster" is not in order ORD118/],
    ['an item already returned (rejected before)', { order_id: 'ORD121', items: ['Watch Strap'] }, /already been requested for "Watch Strap"/],
  ])('refuses %s with a 422 that says why', async (_name, request, detail) => {
    const { call } = portalUnderTest();
    const res = await call('requestReturn', { body: { ...request, reason: 'Changed my mind' } });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(detail);
    expect(res.body.errors.length).toBeGreaterThan(0);
  });

  it('leaves nothing behind when it refuses a return: no refund counted, no id used', async () => {
    const { call } = portalUnderTest();
    const refused = await call('requestReturn', { body: { order_id: 'ORD117', items: ['Desk Lamp', 'Sofa'], reason: 'Mixed up' } });
    expect(refused.status).toBe(422);
    expect((await call('getDashboard')).body.stats.pending_refunds).toBe(0);
    expect((await call('requestReturn', { body: { order_id: 'ORD117', items: ['Desk Lamp'], reason: 'Too bright' } })).body.id).toBe('RET5');
  });

  it('refuses the same item twice', async () => {
    const { call } = portalUnderTest();
    const body = { order_id: 'ORD117', items: ['Desk Lamp'], reason: 'Flickers' };
    expect((await call('requestReturn', { body })).status).toBe(201);
    const again = await call('requestReturn', { body });
    expect(again.status).toBe(422);
    expect(again.body.detail).toContain('already been requested');
  });

  it("answers another customer's order, or a missing one, with a 404", async () => {
    const { call } = portalUnderTest();
    for (const order_id of ['ORD301', 'ORD999']) {
      const res = await call('requestReturn', { body: { order_id, items: ['Ceramic Vase'], reason: 'Broken' } });
      expect(res.status).toBe(404);
    }
    const sara = await call('getDashboard', { authorization: SARA });
    expect(sara.body.stats.pending_refunds).toBe(1);
  });

  it.each([
    ['no items', { order_id: 'ORD118', items: [], reason: 'x' }, 'body.items'],
    ['the same item twice in one request', { order_id: 'ORD113', items: ['Notebook Set', 'Notebook Set'], reason: 'x' }, 'body.items'],
    ['no order id', { items: ['Portable Bluetooth Speaker'], reason: 'x' }, 'body.order_id'],
    ['a blank reason', { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: '   ' }, 'body.reason'],
    ['an unknown field', { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'x', refund: 1000 }, 'body.refund'],
    ['a missing reason', { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'] }, 'body.reason'],
  ])('rejects %s as a schema 422', async (_name, body, location) => {
    const { call } = portalUnderTest();
    const res = await call('requestReturn', { body });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { location: string }) => e.location)).toContain(location);
  });
});
