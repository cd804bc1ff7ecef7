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
});
