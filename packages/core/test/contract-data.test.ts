/** The fixtures keep the spec's schemas and agree with themselves. */
import { describe, expect, it } from 'vitest';
import { createSchemaChecker, sampleWorld } from '../src/index.js';
import { customerRecordOf } from '../src/sample-world.js';

const check = createSchemaChecker();
const world = sampleWorld();

describe('fixtures conform to the schemas', () => {
  it.each(world.orders.map((o) => [o.id, o] as const))('order %s is an Order', (_id, { customer_id: _c, shipment: _s, ...order }) => {
    expect(check('Order', order)).toEqual([]);
  });

  it.each(world.tickets.map((t) => [t.id, t] as const))('ticket %s is a Ticket once internal notes are left out', (_id, ticket) => {
    const { customer_id: _c, ...stored } = ticket;
    const visible = { ...stored, messages: stored.messages.filter((m) => !m.is_internal) };
    expect(check('Ticket', visible)).toEqual([]);
  });

  it.each(world.returns.map((r) => [r.id, r] as const))('return %s is a Return', (_id, ret) => {
    expect(check('Return', ret)).toEqual([]);
  });

  it.each(world.notifications.map((n) => [n.id, n] as const))('notification %s is a Notification', (_id, { customer_id: _c, ...n }) => {
    expect(check('Notification', n)).toEqual([]);
  });

  it.each(world.customers.map((c) => [c.email, c] as const))("%s's settings are Settings", (_email, customer) => {
    const record = customerRecordOf(customer);
    const settings = {
      notifications: record.notification_settings,
      general: { theme: record.theme, timezone: record.timezone, currency: record.currency },
    };
    expect(check('Settings', settings)).toEqual([]);
    expect(check('Preferences', customer.preferences)).toEqual([]);
  });
});

describe('fixtures agree with themselves', () => {
  const orders = new Map(world.orders.map((o) => [o.id, o]));

  it('every total is the sum of its subtotals, and every subtotal quantity × price', () => {
    for (const order of world.orders) {
      for (const item of order.items) expect(item.subtotal, item.id).toBeCloseTo(item.quantity * item.price, 2);
      expect(order.total, order.id).toBeCloseTo(order.items.reduce((s, i) => s + i.subtotal, 0), 2);
    }
  });

  it("every ticket's order and every return's items belong to the right customer and order", () => {
    for (const ticket of world.tickets) {
      if (ticket.order_id) expect(orders.get(ticket.order_id)?.customer_id, ticket.id).toBe(ticket.customer_id);
    }
    for (const ret of world.returns) {
      const order = orders.get(ret.order_id);
      expect(order, ret.id).toBeDefined();
      for (const name of ret.items) expect(order!.items.map((i) => i.product_name), ret.id).toContain(name);
    }
  });

  it('ids are unique', () => {
    const ids = [
      ...world.orders.map((o) => o.id),
      ...world.tickets.map((t) => t.id),
      ...world.tickets.flatMap((t) => t.messages.map((m) => m.id)),
      ...world.returns.map((r) => r.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(world.notifications.map((n) => n.id)).size).toBe(world.notifications.length);
  });
});
