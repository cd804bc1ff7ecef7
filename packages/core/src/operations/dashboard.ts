import type { Dashboard, OrderStatus, TicketStatus } from '../types.js';
import { ok, type OperationContext, type OperationResult } from './context.js';

const ACTIVE_ORDERS: OrderStatus[] = ['PENDING', 'PROCESSING', 'SHIPPED'];
const OPEN_TICKETS: TicketStatus[] = ['OPEN', 'IN_PROGRESS'];
const RESOLVED_TICKETS: TicketStatus[] = ['RESOLVED', 'CLOSED'];
const RECENT = { limit: 5, offset: 0 };

/** Computed from the data on every request, never stored. */
export async function getDashboard(_input: unknown, { store, customer }: OperationContext): Promise<OperationResult<Dashboard>> {
  const [orderCounts, ticketCounts, pendingRefunds, orders, tickets] = await Promise.all([
    store.countOrdersByStatus(customer.id),
    store.countTicketsByStatus(customer.id),
    store.countPendingReturns(customer.id),
    store.listOrders(customer.id, RECENT),
    store.listTickets(customer.id, RECENT),
  ]);
  return ok({
    stats: {
      open_tickets: sum(ticketCounts, OPEN_TICKETS),
      active_orders: sum(orderCounts, ACTIVE_ORDERS),
      pending_refunds: pendingRefunds,
      resolved_tickets: sum(ticketCounts, RESOLVED_TICKETS),
    },
    recent_orders: orders.items.map((o) => ({
      id: o.id,
      status: o.status,
      total: o.total,
      created_at: o.created_at,
      item_count: o.items.reduce((units, item) => units + item.quantity, 0),
    })),
    recent_tickets: tickets.items.map((t) => ({
      id: t.id,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      created_at: t.created_at,
    })),
  });
}

export function sum<S extends string>(counts: Partial<Record<S, number>>, statuses?: S[]): number {
  const keys = statuses ?? (Object.keys(counts) as S[]);
  return keys.reduce((total, status) => total + (counts[status] ?? 0), 0);
}
