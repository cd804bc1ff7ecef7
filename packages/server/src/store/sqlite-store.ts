/**
 * core's PortalStore over SQLite. It behaves exactly like core's in-memory store (same order, filters,
 * search, paging and ids), which the tests check call by call. Every write that touches several rows runs
 * in one transaction, so a 201 means all of it is committed and a failure leaves nothing behind.
 */
import type {
  CustomerPatch,
  CustomerRecord,
  NewMessage,
  NewReturn,
  NewTicket,
  Order,
  PageOf,
  StoredMessage,
  StoredTicket,
  TicketSummary,
  VersionedStore,
} from '@customer-portal/core';
import { itemsAlreadyReturned, laterOf } from '@customer-portal/core';
import type { Database, Statement } from 'better-sqlite3';
import {
  customerOf,
  flag,
  messageOf,
  notificationOf,
  orderOf,
  orderRecordOf,
  returnOf,
  ticketSummaryOf,
  type CustomerRow,
  type MessageRow,
  type NotificationRow,
  type OrderItemRow,
  type OrderRow,
  type OrderSummaryRow,
  type ReturnRow,
  type TicketRow,
} from './rows.js';
import { forFilters, listFilters, prepareStatements, registerFunctions, type ByFilters } from './statements.js';
import { sqliteDataVersion } from './data-version.js';
import { createTurnReads } from './turn-reads.js';

/** The page a list statement binds, besides the customer, the filters and the search term. */
interface ListParams {
  limit: number;
  offset: number;
}

/**
 * A PortalStore on an open, migrated database (see openDatabase). Statements are prepared once, here.
 *
 * @example
 * const store = createSqliteStore(openDatabase('data/portal.db'));
 * const portal = createPortal({ store, auth });
 */
export function createSqliteStore(db: Database): VersionedStore {
  registerFunctions(db);
  const q = prepareStatements(db);
  // Reads share the turn's read transaction (turn-reads.ts); every write first ends it and runs in its own.
  const { read, beforeWrite } = createTurnReads(db);
  const dataVersion = sqliteDataVersion(db);
  // A page and its count read in one read transaction, so X-Total-Count describes the page it comes with. A page
  // with fewer rows than asked for ends the list, so it gives the total itself; only a full page, or an
  // empty one past the start, needs the count.
  const listOf = <Row, Item>(count: Statement, page: Statement, toItems: (rows: Row[]) => Item[]) =>
    (params: ListParams): PageOf<Item> => {
      const rows = page.all(params) as Row[];
      const endsTheList = rows.length < params.limit && (rows.length > 0 || params.offset === 0);
      const total = endsTheList ? params.offset + rows.length : (count.get(params) as { total: number }).total;
      return { total, items: toItems(rows) };
    };

  const withItems = (rows: OrderSummaryRow[]) => {
    // An empty page (a filter that matches nothing, a page past the end) has no items to look up.
    if (rows.length === 0) return [];
    const items = new Map<string, OrderItemRow[]>(rows.map((r) => [r.id, []]));
    const all = q.itemsOfOrders.all(JSON.stringify(rows.map((r) => r.id))) as OrderItemRow[];
    for (const item of all) items.get(item.order_id)?.push(item);
    return rows.map((row) => orderOf(row, items.get(row.id)!));
  };
  const listOrders: ByFilters<(params: ListParams) => PageOf<Order>> = {
    all: listOf(q.countOrders, q.pageOfOrders, withItems),
    ofStatus: listOf(q.countOrdersOfStatus, q.pageOfOrdersOfStatus, withItems),
    searched: listOf(q.countOrdersSearched, q.pageOfOrdersSearched, withItems),
    ofStatusSearched: listOf(q.countOrdersOfStatusSearched, q.pageOfOrdersOfStatusSearched, withItems),
  };
  const ticketSummaries = (rows: TicketRow[]) => rows.map(ticketSummaryOf);
  const listTickets: ByFilters<(params: ListParams) => PageOf<TicketSummary>> = {
    all: listOf(q.countTickets, q.pageOfTickets, ticketSummaries),
    ofStatus: listOf(q.countTicketsOfStatus, q.pageOfTicketsOfStatus, ticketSummaries),
    searched: listOf(q.countTicketsSearched, q.pageOfTicketsSearched, ticketSummaries),
    ofStatusSearched: listOf(q.countTicketsOfStatusSearched, q.pageOfTicketsOfStatusSearched, ticketSummaries),
  };
  const listNotifications = listOf(q.countNotifications, q.pageOfNotifications, (rows: NotificationRow[]) => rows.map(notificationOf));

  const readTicket = (customerId: number, ticketId: string): StoredTicket | undefined => {
    const row = q.ticket.get(ticketId, customerId) as TicketRow | undefined;
    if (!row) return undefined;
    const messages = (q.messagesOfTicket.all(ticketId) as MessageRow[]).map(messageOf);
    return Object.assign(ticketSummaryOf(row), { messages });
  };

  const insertMessage = (ticketId: string, message: NewMessage): StoredMessage => {
    const seq = (q.nextMessageSeq.get() as { next: number }).next;
    // The new keys first: a spread followed by new keys (`{ ...message, id, seq }`) allocates more per call
    // on Node 20, much of it promoted to the old generation (docs/notes/server-measurements.md).
    return messageOf(q.insertMessage.get({ id: `MSG${seq}`, seq, ticket_id: ticketId, ...message }) as MessageRow);
  };

  const updateCustomer = db.transaction((customerId: number, patch: CustomerPatch): CustomerRecord => {
    const row = q.customer.get(customerId) as CustomerRow | undefined;
    if (!row) throw new Error(`no customer ${customerId}`);
    const current = customerOf(row);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as CustomerPatch;
    const updated: CustomerRecord = {
      ...current,
      ...defined,
      notification_settings: { ...current.notification_settings, ...defined.notification_settings },
    };
    q.updateCustomer.run({
      ...updated,
      notifications_enabled: flag(updated.notifications_enabled),
      notify_email: flag(updated.notification_settings.email),
      notify_order_updates: flag(updated.notification_settings.order_updates),
      notify_refund_updates: flag(updated.notification_settings.refund_updates),
      notify_support_replies: flag(updated.notification_settings.support_replies),
    });
    return updated;
  });

  // Check and write in one immediate transaction: no other connection, in this process or another, can
  // write between them. The returned_items key (migration 2) refuses a second claim even without the check.
  const createReturn = db.transaction((request: NewReturn) => {
    const claimed = (q.claimedItems.all(request.order_id, JSON.stringify(request.items)) as { product_name: string }[]).map((r) => r.product_name);
    if (claimed.length > 0) throw itemsAlreadyReturned(request.order_id, request.items.filter((item) => claimed.includes(item)));
    const seq = (q.nextReturnSeq.get() as { next: number }).next;
    const row = q.insertReturn.get({ id: `RET${seq}`, seq, ...request, items: JSON.stringify(request.items) }) as ReturnRow;
    return returnOf(row);
  });

  const createTicket = db.transaction((customerId: number, { subject, priority, order_id, firstMessage }: NewTicket): StoredTicket => {
    const seq = (q.nextTicketSeq.get() as { next: number }).next;
    const id = `TKT${seq}`;
    const created_at = firstMessage.timestamp;
    q.insertTicket.run({ id, seq, customer_id: customerId, subject, priority, order_id, created_at });
    const message = insertMessage(id, firstMessage);
    return { id, subject, status: 'OPEN', priority, order_id, created_at, updated_at: created_at, messages: [message] };
  });

  // Read under the write lock: a reply stamped before the ticket's last change (another process's reply,
  // stamped later, took the lock first) takes that time, so updated_at never goes back.
  const addTicketMessage = db.transaction((customerId: number, ticketId: string, message: NewMessage) => {
    const ticket = q.ticket.get(ticketId, customerId) as TicketRow | undefined;
    if (!ticket) return undefined;
    const timestamp = laterOf(message.timestamp, ticket.updated_at);
    const added = insertMessage(ticketId, { ...message, timestamp });
    q.touchTicket.run(timestamp, ticketId);
    return added;
  });

  const counts = <S extends string>(statement: Statement, customerId: number): Partial<Record<S, number>> => {
    const rows = statement.all(customerId) as { status: S; count: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.count])) as Partial<Record<S, number>>;
  };

  // Searches fold the term the way the statements fold the columns (see FOLD).
  const term = (search: string | undefined) => (search ? search.toLowerCase() : null);

  return {
    async findCredentials(email) {
      const row = read(() => q.credentials.get(email)) as { id: number; password_hash: string } | undefined;
      return row && { customerId: row.id, passwordHash: row.password_hash };
    },
    async getCustomer(customerId) {
      const row = read(() => q.customer.get(customerId)) as CustomerRow | undefined;
      return row && customerOf(row);
    },
    async getCustomerWithVersion(customerId) {
      // One version for the whole file: it moves with any write, this customer's or another's.
      const row = read(() => q.customer.get(customerId)) as CustomerRow | undefined;
      return row && { customer: customerOf(row), version: dataVersion() };
    },
    async updateCustomer(customerId, patch) {
      beforeWrite();
      return updateCustomer.immediate(customerId, patch);
    },

    async listOrders(customerId, filter) {
      const { limit, offset } = filter;
      const params = { customer: customerId, status: filter.status ?? null, search: term(filter.search), limit, offset };
      return read(() => forFilters(listOrders, listFilters(params.status, params.search))(params));
    },
    async getOrder(customerId, orderId) {
      return read(() => {
        const row = q.order.get(orderId, customerId) as OrderRow | undefined;
        return row && orderRecordOf(row, q.itemsOfOrders.all(JSON.stringify([orderId])) as OrderItemRow[]);
      });
    },
    async countOrdersByStatus(customerId) {
      return read(() => counts(q.ordersByStatus, customerId));
    },

    async returnedItems(customerId, orderId) {
      const rows = read(() => q.returnedItems.all(orderId, customerId)) as { items: string }[];
      return rows.flatMap((r) => JSON.parse(r.items) as string[]);
    },
    async createReturn(_customerId, request) {
      beforeWrite();
      return createReturn.immediate(request);
    },
    async countPendingReturns(customerId) {
      return (read(() => q.pendingReturns.get(customerId)) as { count: number }).count;
    },

    async listTickets(customerId, filter) {
      const { limit, offset } = filter;
      const params = { customer: customerId, status: filter.status ?? null, search: term(filter.search), limit, offset };
      return read(() => forFilters(listTickets, listFilters(params.status, params.search))(params));
    },
    async getTicket(customerId, ticketId) {
      return read(() => readTicket(customerId, ticketId));
    },
    async countTicketsByStatus(customerId) {
      return read(() => counts(q.ticketsByStatus, customerId));
    },
    async createTicket(customerId, ticket) {
      beforeWrite();
      return createTicket.immediate(customerId, ticket);
    },
    async addTicketMessage(customerId, ticketId, message) {
      beforeWrite();
      return addTicketMessage.immediate(customerId, ticketId, message);
    },

    async listNotifications(customerId, filter) {
      const { limit, offset } = filter;
      const params = { customer: customerId, unread: flag(filter.unreadOnly), limit, offset };
      return read(() => listNotifications(params));
    },
    async markNotificationRead(customerId, notificationId) {
      beforeWrite();
      const row = q.markRead.get(notificationId, customerId) as NotificationRow | undefined;
      return row && notificationOf(row);
    },
  };
}

