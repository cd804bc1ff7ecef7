import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, SARA, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.signIn(ALI);
});
afterAll(() => server.stop());

const dashboard = async (as = token) => (await server.call('/api/v1/customer/dashboard', { token: as })).body;

describe('GET /api/v1/customer/dashboard', () => {
  it('computes the seed’s dashboard from the data', async () => {
    const body = await dashboard();
    expect(body.stats).toEqual({ open_tickets: 2, active_orders: 1, pending_refunds: 0, resolved_tickets: 3 });
    expect(body.recent_orders).toHaveLength(5);
    expect(body.recent_orders[0]).toEqual({ id: 'ORD123', status: 'SHIPPED', total: 299.99, created_at: '2024-01-10T10:00:00Z', item_count: 1 });
    // ORD120: one item line of four bulbs.
    expect(body.recent_orders.find((o: { id: string }) => o.id === 'ORD120').item_count).toBe(4);
    expect(body.recent_tickets.map((t: { id: string }) => t.id)).toEqual(['TKT456', 'TKT455', 'TKT454', 'TKT453', 'TKT452']);
    expect(body.recent_tickets[0]).toEqual({ id: 'TKT456', subject: 'Product inquiry', status: 'OPEN', priority: 'MEDIUM', created_at: '2024-01-14T15:20:00Z' });
  });

  it('computes another customer’s dashboard from her own data', async () => {
    const body = await dashboard(await server.signIn(SARA));
    expect(body.stats).toEqual({ open_tickets: 1, active_orders: 2, pending_refunds: 1, resolved_tickets: 1 });
    expect(body.recent_orders.map((o: { id: string }) => o.id)).toEqual(['ORD303', 'ORD302', 'ORD301']);
  });

  it('moves as soon as a ticket is opened and a return requested', async () => {
    const ticket = await server.call('/api/v1/customer/tickets', { token, json: { subject: 'Where is my lamp?', description: 'It has not arrived.' } });
    const ret = await server.call('/api/v1/customer/orders/return', { token, json: { order_id: 'ORD112', items: ['Phone Charger'], reason: 'Broken' } });
    expect([ticket.status, ret.status]).toEqual([201, 201]);

    const body = await dashboard();
    expect(body.stats).toEqual({ open_tickets: 3, active_orders: 1, pending_refunds: 1, resolved_tickets: 3 });
    expect(body.recent_tickets.map((t: { id: string }) => t.id)).toEqual([ticket.body.id, 'TKT456', 'TKT455', 'TKT454', 'TKT453']);
  });
});
