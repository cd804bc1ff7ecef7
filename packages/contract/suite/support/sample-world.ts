/**
 * Facts of the documented sample world (fixtures/), for the targets that serve it. They are read from the
 * fixtures through core rather than restated, so that editing a fixture moves the expectations with it.
 */
import { sampleWorld } from '@customer-portal/core';

const world = sampleWorld();

/** The sample customer signed in with `email`, and their data, newest first. */
export function sampleCustomer(email: string) {
  const customer = world.customers.find((c) => c.email.toLowerCase() === email.toLowerCase());
  if (!customer) throw new Error(`${email} is not a sample account (fixtures/customers.json)`);
  const byNewest = <T extends { created_at: string }>(items: T[]) => [...items].sort((a, b) => b.created_at.localeCompare(a.created_at));
  const orders = byNewest(world.orders.filter((o) => o.customer_id === customer.id));
  const orderIds = new Set(orders.map((o) => o.id));
  return {
    customer,
    orders,
    tickets: byNewest(world.tickets.filter((t) => t.customer_id === customer.id)),
    returns: world.returns.filter((r) => orderIds.has(r.order_id)),
    notifications: world.notifications
      .filter((n) => n.customer_id === customer.id)
      .sort((a, b) => b.timestamp.localeCompare(a.timestamp)),
  };
}
