/** The customer's lists, read through the SDK: a page of items and the X-Total-Count of the whole match. */
import {
  totalCount,
  type Notification,
  type Order,
  type OrderStatusFilter,
  type PortalClient,
  type TicketStatusFilter,
  type TicketSummary,
} from '@customer-portal/sdk';

export interface Page<T> {
  items: T[];
  /** X-Total-Count: how many match before paging. */
  total: number;
}

type OrderQuery = { status?: OrderStatusFilter; search?: string; limit?: number; offset?: number };
type TicketQuery = { status?: TicketStatusFilter; search?: string; limit?: number; offset?: number };
type NotificationQuery = { unread_only?: boolean; limit?: number; offset?: number };

function page<T>(result: { data?: T[]; response: Response }, what: string): Page<T> {
  if (!result.data) throw new Error(`listing ${what} answered ${result.response.status}`);
  return { items: result.data, total: totalCount(result.response) };
}

/** A page of orders (100 by default, the most a page can hold). */
export async function orders(portal: PortalClient, query: OrderQuery = {}): Promise<Page<Order>> {
  return page(await portal.GET('/api/v1/customer/orders', { params: { query: { limit: 100, ...query } } }), 'orders');
}

export async function tickets(portal: PortalClient, query: TicketQuery = {}): Promise<Page<TicketSummary>> {
  return page(await portal.GET('/api/v1/customer/tickets', { params: { query: { limit: 100, ...query } } }), 'tickets');
}

export async function notifications(portal: PortalClient, query: NotificationQuery = {}): Promise<Page<Notification>> {
  return page(await portal.GET('/api/v1/customer/notifications', { params: { query: { limit: 100, ...query } } }), 'notifications');
}

/** Whether the items are newest first by `key`. */
export function isNewestFirst<T>(items: T[], key: (item: T) => string): boolean {
  return items.every((item, i) => i === 0 || key(items[i - 1]!) >= key(item));
}

/** A suffix that makes each run's writes recognisable on a shared deployment. */
export function runMark(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
