/**
 * An in-memory PortalStore over a copy of the sample world: what the MSW mocks run on in a browser, and what
 * core's own tests use. Every method works on one customer's rows only.
 */
import { itemsAlreadyReturned } from './operations.js';
import { customerRecordOf, nextId, sampleWorld, type SampleWorld } from './sample-world.js';
import { laterOf } from './store.js';
import type {
  CustomerRecord,
  NewMessage,
  NotificationFilter,
  OrderFilter,
  PageOf,
  PortalStore,
  StoredMessage,
  StoredTicket,
  TicketFilter,
} from './store.js';
import type { Notification, Order, Return, TicketSummary } from './types.js';

export interface MemoryStore extends PortalStore {
  /** Back to the sample world (or the given world), dropping every write. */
  reset(world?: SampleWorld): void;
}

interface State {
  world: SampleWorld;
  customers: Map<number, CustomerRecord>;
}

function load(world: SampleWorld): State {
  return { world, customers: new Map(world.customers.map((c) => [c.id, customerRecordOf(c)])) };
}

/** Newest first; ties broken by the id's number, so that the later of two writes in one millisecond comes first. */
function newestFirst<T extends { id: string | number }>(key: (row: T) => string) {
  return (a: T, b: T) => key(b).localeCompare(key(a)) || idNumber(b.id) - idNumber(a.id);
}

/**
 * The number inside an id (ORD123 -> 123, 7 -> 7). Rows written in the same millisecond are ordered by it,
 * and new ids are numbered one past the highest; every store must agree (the SQL stores keep it as `seq`).
 *
 * @example
 * idNumber('TKT457'); // 457
 */
export function idNumber(id: string | number): number {
  return typeof id === 'number' ? id : Number(id.replace(/^\D+/, '')) || 0;
}

/**
 * A deep copy of a JSON value, so that no caller holds the store's own records. Written out rather than
 * `structuredClone`, whose serialisation was the mocks' largest own cost per request (a V8 CPU profile of
 * GET /orders through msw): the records are plain JSON, with nothing else to preserve.
 */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) result[key] = copy(inner);
  return result as T;
}

function page<T>(rows: T[], { limit, offset }: { limit: number; offset: number }): PageOf<T> {
  return { items: rows.slice(offset, offset + limit), total: rows.length };
}

function contains(value: string, term: string): boolean {
  return value.toLowerCase().includes(term.toLowerCase());
}

function countBy<T, K extends string>(rows: T[], key: (row: T) => K): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
}

export function createMemoryStore(initial: SampleWorld = sampleWorld()): MemoryStore {
  let state = load(structuredClone(initial));
  const passwords = () => new Map(state.world.customers.map((c) => [c.email.toLowerCase(), c]));

  const ordersOf = (customerId: number) => state.world.orders.filter((o) => o.customer_id === customerId);
  const ticketsOf = (customerId: number) => state.world.tickets.filter((t) => t.customer_id === customerId);
  const returnsOf = (customerId: number) => {
    const own = new Set(ordersOf(customerId).map((o) => o.id));
    return state.world.returns.filter((r) => own.has(r.order_id));
  };
  const order = ({ customer_id: _c, shipment: _s, ...visible }: SampleWorld['orders'][number]): Order => copy(visible);
  const summary = ({ customer_id: _c, messages: _m, ...visible }: SampleWorld['tickets'][number]): TicketSummary => copy(visible);
  const ticket = ({ customer_id: _c, ...stored }: SampleWorld['tickets'][number]): StoredTicket => copy(stored);
  const notification = ({ customer_id: _c, ...visible }: SampleWorld['notifications'][number]): Notification => copy(visible);

  return {
    reset(world = sampleWorld()) {
      state = load(structuredClone(world));
    },

    async findCredentials(email) {
      // The mocks keep the sample passwords as they are; HostAuth decides how to compare them.
      const customer = passwords().get(email.toLowerCase());
      return customer && { customerId: customer.id, passwordHash: customer.password };
    },
    async getCustomer(customerId) {
      const customer = state.customers.get(customerId);
      return customer && copy(customer);
    },
    async updateCustomer(customerId, patch) {
      const current = state.customers.get(customerId);
      if (!current) throw new Error(`no customer ${customerId}`);
      const { notification_settings, ...rest } = patch;
      const updated: CustomerRecord = {
        ...current,
        ...rest,
        notification_settings: { ...current.notification_settings, ...notification_settings },
      };
      state.customers.set(customerId, updated);
      return copy(updated);
    },

    async listOrders(customerId, filter: OrderFilter) {
      const rows = ordersOf(customerId)
        .filter((o) => !filter.status || o.status === filter.status)
        .filter((o) => !filter.search || contains(o.id, filter.search))
        .sort(newestFirst((o) => o.created_at));
      const result = page(rows, filter);
      return { items: result.items.map(order), total: result.total };
    },
    async getOrder(customerId, orderId) {
      const found = ordersOf(customerId).find((o) => o.id === orderId);
      if (!found) return undefined;
      const { customer_id: _c, ...record } = found;
      return copy(record);
    },
    async countOrdersByStatus(customerId) {
      return countBy(ordersOf(customerId), (o) => o.status);
    },

    async returnedItems(customerId, orderId) {
      return returnsOf(customerId)
        .filter((r) => r.order_id === orderId)
        .flatMap((r) => r.items);
    },
    async createReturn(_customerId, request) {
      // Check and write in one synchronous step: no other call runs in between.
      const already = new Set(state.world.returns.filter((r) => r.order_id === request.order_id).flatMap((r) => r.items));
      const repeated = request.items.filter((item) => already.has(item));
      if (repeated.length > 0) throw itemsAlreadyReturned(request.order_id, repeated);
      const created: Return = {
        id: nextId('RET', state.world.returns.map((r) => r.id)),
        order_id: request.order_id,
        items: [...request.items],
        reason: request.reason,
        description: request.description,
        status: 'REQUESTED',
        created_at: request.created_at,
      };
      state.world.returns.push(created);
      return copy(created);
    },
    async countPendingReturns(customerId) {
      return returnsOf(customerId).filter((r) => r.status === 'REQUESTED' || r.status === 'APPROVED').length;
    },

    async listTickets(customerId, filter: TicketFilter) {
      const rows = ticketsOf(customerId)
        .filter((t) => !filter.status || t.status === filter.status)
        .filter((t) => !filter.search || contains(t.subject, filter.search) || contains(t.id, filter.search))
        .sort(newestFirst((t) => t.created_at));
      const result = page(rows, filter);
      return { items: result.items.map(summary), total: result.total };
    },
    async getTicket(customerId, ticketId) {
      const found = ticketsOf(customerId).find((t) => t.id === ticketId);
      return found && ticket(found);
    },
    async countTicketsByStatus(customerId) {
      return countBy(ticketsOf(customerId), (t) => t.status);
    },
    async createTicket(customerId, request) {
      const at = request.firstMessage.timestamp;
      const created = {
        customer_id: customerId,
        id: nextId('TKT', state.world.tickets.map((t) => t.id)),
        subject: request.subject,
        status: 'OPEN' as const,
        priority: request.priority,
        order_id: request.order_id,
        created_at: at,
        updated_at: at,
        messages: [storedMessage(request.firstMessage)],
      };
      state.world.tickets.push(created);
      return ticket(created);
    },
    async addTicketMessage(customerId, ticketId, message) {
      const found = ticketsOf(customerId).find((t) => t.id === ticketId);
      if (!found) return undefined;
      // A reply stamped before the ticket's last change (its clock was read before another reply was
      // stored) takes the ticket's time: updated_at never goes back, and messages stay in time order.
      const timestamp = laterOf(message.timestamp, found.updated_at);
      const added = storedMessage({ ...message, timestamp });
      found.messages.push(added);
      found.updated_at = timestamp;
      return copy(added);
    },

    async listNotifications(customerId, filter: NotificationFilter) {
      const rows = state.world.notifications
        .filter((n) => n.customer_id === customerId && (!filter.unreadOnly || !n.read))
        .sort(newestFirst((n) => n.timestamp));
      const result = page(rows, filter);
      return { items: result.items.map(notification), total: result.total };
    },
    async markNotificationRead(customerId, notificationId) {
      const found = state.world.notifications.find((n) => n.customer_id === customerId && n.id === notificationId);
      if (!found) return undefined;
      found.read = true;
      return notification(found);
    },
  };

  function storedMessage(message: NewMessage): StoredMessage {
    const id = nextId('MSG', state.world.tickets.flatMap((t) => t.messages.map((m) => m.id)));
    return { id, ...message, is_internal: false };
  }
}
