import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, expectProblem, SARA, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.signIn(ALI);
});
afterAll(() => server.stop());

const requestReturn = (json: unknown, as = token) => server.call('/api/v1/customer/orders/return', { token: as, json });

describe('POST /api/v1/customer/orders/return', () => {
  it('records a return of a delivered order’s item as REQUESTED', async () => {
    const reply = await requestReturn({
      order_id: 'ORD118',
      items: ['Portable Bluetooth Speaker'],
      reason: 'Product is defective',
      description: 'The left speaker is not working properly',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: 'RET5',
      order_id: 'ORD118',
      items: ['Portable Bluetooth Speaker'],
      reason: 'Product is defective',
      description: 'The left speaker is not working properly',
      status: 'REQUESTED',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
    });
  });

  it('accepts items by id and records them by product name, without a description', async () => {
    const reply = await requestReturn({ order_id: 'ORD115', items: ['ITEM115-2', 'backpack'], reason: 'Not needed' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ id: 'RET6', items: ['Water Bottle', 'Backpack'], description: null });
  });

  it('counts the new returns as pending refunds on the dashboard', async () => {
    const { body } = await server.call('/api/v1/customer/dashboard', { token });
    expect(body.stats.pending_refunds).toBe(2);
  });

  it.each([
    ['an item that already has a return', { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Again' }, /already been requested for "Portable Bluetooth Speaker" of order ORD118/],
    ['an item whose return was rejected', { order_id: 'ORD121', items: ['Watch Strap'], reason: 'Again' }, /already been requested for "Watch Strap"/],
    ['an order that is not delivered', { order_id: 'ORD123', items: ['Wireless Headphones'], reason: 'Too late' }, /ORD123 is shipped; only delivered orders can be returned/],
    ['an item that is not in the order', { order_id: 'ORD117', items: ['Desk Lamp', 'Sofa'], reason: 'Mixed up' }, /"Sofa" is not in order ORD117/],
  ])('refuses %s with a 422 that says why', async (_name, json, detail) => {
    expectProblem(await requestReturn(json), 422, detail);
  });

  it('leaves nothing behind when it refuses a return', async () => {
    const { body } = await server.call('/api/v1/customer/dashboard', { token });
    expect(body.stats.pending_refunds).toBe(2);
    expect((await requestReturn({ order_id: 'ORD117', items: ['Desk Lamp'], reason: 'Too bright' })).body.id).toBe('RET7');
  });

  it.each([
    ['no items', { order_id: 'ORD113', items: [], reason: 'x' }, 'body.items'],
    ['the same item twice', { order_id: 'ORD113', items: ['Notebook Set', 'Notebook Set'], reason: 'x' }, 'body.items'],
    ['a blank reason', { order_id: 'ORD113', items: ['Notebook Set'], reason: '   ' }, 'body.reason'],
    ['a field the contract does not have', { order_id: 'ORD113', items: ['Notebook Set'], reason: 'x', refund_to: 'cash' }, 'body.refund_to'],
    ['no order id', { items: ['Notebook Set'], reason: 'x' }, 'body.order_id'],
  ])('refuses %s with a 422 naming the field', async (_name, json, location) => {
    const reply = await requestReturn(json);
    expectProblem(reply, 422);
    expect(reply.body.errors.map((e: { location: string }) => e.location)).toContain(location);
  });

  it('is a 404 for another customer’s order, as for one that does not exist', async () => {
    const sara = await server.signIn(SARA);
    const other = await requestReturn({ order_id: 'ORD113', items: ['Notebook Set'], reason: 'Not mine' }, sara);
    const missing = await requestReturn({ order_id: 'ORD999', items: ['Notebook Set'], reason: 'Nothing' });
    expectProblem(other, 404, 'Order ORD113 was not found.');
    expectProblem(missing, 404, 'Order ORD999 was not found.');
  });
});
