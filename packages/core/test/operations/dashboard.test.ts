import { describe, expect, it } from 'vitest';
import { portalUnderTest, SARA } from '../portal-under-test.js';

describe('getDashboard', () => {
  it("reads exactly the seed's figures at seed time", async () => {
    const { call } = portalUnderTest();
    const res = await call('getDashboard');
    expect(res.status).toBe(200);
    expect(res.body.stats).toEqual({ open_tickets: 2, active_orders: 1, pending_refunds: 0, resolved_tickets: 3 });
    expect(res.body.recent_orders).toHaveLength(5);
    expect(res.body.recent_orders[0]).toEqual({ id: 'ORD123', status: 'SHIPPED', total: 299.99, created_at: '2024-01-10T10:00:00Z', item_count: 1 });
    expect(res.body.recent_tickets[0]).toEqual({ id: 'TKT456', subject: 'Product inquiry', status: 'OPEN', priority: 'MEDIUM', created_at: '2024-01-14T15:20:00Z' });
  });

  it('counts units, not lines, in item_count', async () => {
    const { call } = portalUnderTest();
    const { body } = await call('getDashboard');
    expect(body.recent_orders.find((o: { id: string }) => o.id === 'ORD122').item_count).toBe(3);
  });

  it("computes another customer's figures from their own data", async () => {
    const { call } = portalUnderTest();
    const { body } = await call('getDashboard', { authorization: SARA });
    expect(body.stats).toEqual({ open_tickets: 1, active_orders: 2, pending_refunds: 1, resolved_tickets: 1 });
    expect(body.recent_orders.map((o: { id: string }) => o.id)).toEqual(['ORD303', 'ORD302', 'ORD301']);
  });

  it('moves as soon as a ticket is opened and a return requested', async () => {
    const { call } = portalUnderTest();
    const ticket = await call('createTicket', { body: { subject: 'Where is my lamp?', description: 'It has not arrived.' } });
    const ret = await call('requestReturn', { body: { order_id: 'ORD112', items: ['Phone Charger'], reason: 'Broken' } });
    expect([ticket.status, ret.status]).toEqual([201, 201]);
    const { body } = await call('getDashboard');
    expect(body.stats).toEqual({ open_tickets: 3, active_orders: 1, pending_refunds: 1, resolved_tickets: 3 });
    expect(body.recent_tickets.map((t: { id: string }) => t.id)).toEqual([ticket.body.id, 'TKT456', 'TKT455', 'TKT454', 'TKT453']);
  });
});
