/** A customer sees only their own data: Sara's lists, searches and profile hold nothing of Ali's. */
import { describe, expect, it } from 'vitest';
import type { OperationId } from '../../src/index.js';
import { portalUnderTest, SARA } from '../portal-under-test.js';

describe("another customer's data", () => {
  it.each([
    ['orders', 'listOrders', {}, ['ORD303', 'ORD302', 'ORD301']],
    ["orders searched by Ali's ids", 'listOrders', { search: 'ORD12' }, []],
    ['tickets', 'listTickets', {}, ['TKT302', 'TKT301']],
    ['notifications', 'listNotifications', {}, [7, 8]],
  ] as [string, OperationId, Record<string, string>, (string | number)[]][])("Sara's %s hold only her own", async (_name, operationId, query, ids) => {
    const { call } = portalUnderTest();
    const res = await call(operationId, { query, authorization: SARA });
    expect(res.body.map((item: { id: string | number }) => item.id)).toEqual(ids);
    expect(res.headers['X-Total-Count']).toBe(String(ids.length));
  });

  it("answers Ali's order to Sara exactly like an order that does not exist, but for the id", async () => {
    const { call } = portalUnderTest();
    const theirs = await call('getOrder', { path: { order_id: 'ORD123' }, authorization: SARA });
    const missing = await call('getOrder', { path: { order_id: 'ORD124' }, authorization: SARA });
    expect({ ...theirs.body, detail: '' }).toEqual({ ...missing.body, detail: '' });
  });

  it("leaves Ali's data as it was after Sara's attempts", async () => {
    const { call } = portalUnderTest();
    await call('addTicketMessage', { path: { ticket_id: 'TKT456' }, body: { content: 'Hi Ali' }, authorization: SARA });
    await call('markNotificationRead', { path: { notification_id: '1' }, authorization: SARA });
    const ticket = await call('getTicket', { path: { ticket_id: 'TKT456' } });
    expect(ticket.body.messages.map((m: { content: string }) => m.content)).not.toContain('Hi Ali');
    const unread = await call('listNotifications', { query: { unread_only: 'true' } });
    expect(unread.body.map((n: { id: number }) => n.id)).toContain(1);
  });

  it('shows Sara her own profile, with her own totals', async () => {
    const { call } = portalUnderTest();
    const res = await call('getProfile', { authorization: SARA });
    expect(res.body).toMatchObject({ id: 2, email: 'sara.khan@example.com', total_orders: 3, total_tickets: 2 });
  });
});
