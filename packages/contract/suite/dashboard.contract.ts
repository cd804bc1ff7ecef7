/**
 * The dashboard: its figures are computed from the customer's data at each request, so they agree with the
 * lists, and they move after each write (a new ticket, a new return) and only then.
 */
import type { Dashboard, OrderStatusFilter, PortalClient, TicketStatusFilter } from '@customer-portal/sdk';
import { describe, expect, it } from 'vitest';
import { customer, needs, session } from '../src/runtime/suite.js';
import { isNewestFirst, orders, runMark, tickets } from './support/lists.js';
import { returnFirstReturnableItem } from './support/returns.js';
import { sampleCustomer } from './support/sample-world.js';

async function dashboard(portal: PortalClient): Promise<Dashboard> {
  const { data, response } = await portal.GET('/api/v1/customer/dashboard');
  if (!data) throw new Error(`the dashboard answered ${response.status}`);
  return data;
}

async function countOrders(portal: PortalClient, statuses: OrderStatusFilter[]): Promise<number> {
  let sum = 0;
  for (const status of statuses) sum += (await orders(portal, { status, limit: 1 })).total;
  return sum;
}

async function countTickets(portal: PortalClient, statuses: TicketStatusFilter[]): Promise<number> {
  let sum = 0;
  for (const status of statuses) sum += (await tickets(portal, { status, limit: 1 })).total;
  return sum;
}

describe('the dashboard', () => {
  it('shows the figures and at most five recent orders and tickets, newest first', async () => {
    const { recent_orders, recent_tickets } = await dashboard(await customer());
    expect(recent_orders.length).toBeLessThanOrEqual(5);
    expect(recent_tickets.length).toBeLessThanOrEqual(5);
    expect(isNewestFirst(recent_orders, (o) => o.created_at)).toBe(true);
    expect(isNewestFirst(recent_tickets, (t) => t.created_at)).toBe(true);
  });

  needs('rules').it('its figures are the counts of the lists', async () => {
    const ali = await customer();
    const { stats } = await dashboard(ali);
    expect(stats.active_orders).toBe(await countOrders(ali, ['pending', 'processing', 'shipped']));
    expect(stats.open_tickets).toBe(await countTickets(ali, ['open', 'in-progress']));
    expect(stats.resolved_tickets).toBe(await countTickets(ali, ['resolved', 'closed']));
  });

  needs('rules').it('recent orders and tickets are the first five of the lists, with item_count the units ordered', async () => {
    const ali = await customer();
    const { recent_orders, recent_tickets } = await dashboard(ali);
    const newestOrders = (await orders(ali, { limit: 5 })).items;
    expect(recent_orders).toEqual(
      newestOrders.map((o) => ({ id: o.id, status: o.status, total: o.total, created_at: o.created_at, item_count: o.items.reduce((n, i) => n + i.quantity, 0) })),
    );
    const newestTickets = (await tickets(ali, { limit: 5 })).items;
    expect(recent_tickets).toEqual(
      newestTickets.map((t) => ({ id: t.id, subject: t.subject, status: t.status, priority: t.priority, created_at: t.created_at })),
    );
  });
});

describe('figures moving after each write', () => {
  needs('stateful', 'rules').it('a new ticket adds one to open_tickets and comes first in recent_tickets', async () => {
    const ali = await customer();
    const before = await dashboard(ali);
    const { data: ticket } = await ali.POST('/api/v1/customer/tickets', {
      body: { subject: `Contract suite ${runMark()}: dashboard`, description: 'Counting.' },
    });
    const after = await dashboard(ali);
    expect(after.stats).toEqual({ ...before.stats, open_tickets: before.stats.open_tickets + 1 });
    expect(after.recent_tickets[0]?.id).toBe(ticket!.id);
  });

  needs('stateful', 'rules').it('a reply changes no figure', async () => {
    const ali = await customer();
    const [ticket] = (await tickets(ali, { limit: 1 })).items;
    const before = await dashboard(ali);
    await ali.POST('/api/v1/customer/tickets/{ticket_id}/messages', { params: { path: { ticket_id: ticket!.id } }, body: { content: 'Still counting.' } });
    expect((await dashboard(ali)).stats).toEqual(before.stats);
  });

  needs('stateful', 'rules').it('a new return adds one to pending_refunds', async () => {
    const ali = await customer();
    const before = await dashboard(ali);
    await returnFirstReturnableItem(ali, 'product name');
    const after = await dashboard(ali);
    expect(after.stats).toEqual({ ...before.stats, pending_refunds: before.stats.pending_refunds + 1 });
  });
});

describe('the sample world', () => {
  needs('sample-world').it('active orders and resolved tickets are the sample world\u2019s, which no journey changes', async () => {
    const sample = sampleCustomer(session().target.accounts[0].email);
    const { stats } = await dashboard(await customer());
    expect(stats.active_orders).toBe(sample.orders.filter((o) => ['PENDING', 'PROCESSING', 'SHIPPED'].includes(o.status)).length);
    expect(stats.resolved_tickets).toBe(sample.tickets.filter((t) => ['RESOLVED', 'CLOSED'].includes(t.status)).length);
  });

  needs('sample-world').it('its recent orders are the sample world\u2019s five newest, ORD123 first with one item', async () => {
    const { orders: sample } = sampleCustomer(session().target.accounts[0].email);
    const { recent_orders } = await dashboard(await customer());
    expect(recent_orders.map((o) => o.id)).toEqual(sample.slice(0, 5).map((o) => o.id));
    expect(recent_orders[0]).toEqual({ id: 'ORD123', status: 'SHIPPED', total: 299.99, created_at: '2024-01-10T10:00:00Z', item_count: 1 });
  });
});
