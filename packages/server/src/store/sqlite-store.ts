/**
 * core's PortalStore over SQLite. It behaves exactly like core's in-memory store (same order, filters,
 * search, paging and ids), which the tests check call by call. Every write that touches several rows runs
 * in one transaction, so a 201 means all of it is committed and a failure leaves nothing behind.
 *
 * What one turn of the event loop shares lives here too, because both are about how this store's connection
 * reads: the turn's read transaction and its customers read in one statement (createTurnReads), and the data
 * version the remembered responses compare (sqliteDataVersion).
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
import { batchedReads } from './batched-reads.js';
import { forFilters, listFilters, prepareStatements, registerFunctions, type ByFilters } from './statements.js';

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
  // Reads share the turn's read transaction (createTurnReads); every write first ends it and runs in its own.
  const { read, customerRow, beforeWrite } = createTurnReads(db, (ids) => q.customers.all(JSON.stringify(ids)) as CustomerRow[]);
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
      const row = await customerRow(customerId);
      return row && customerOf(row);
    },
    async getCustomerWithVersion(customerId) {
      // One version for the whole file: it moves with any write, this customer's or another's.
      const row = await customerRow(customerId);
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

/**
 * The reads of one turn of the event loop in one read transaction. Outside a transaction, every statement
 * opens a read transaction of its own, which in WAL mode takes two `fcntl` lock calls and an `fstat` of the
 * WAL file: more than a short read costs itself. A request reads two or three times, and under load one turn
 * serves many requests.
 *
 * Every request first reads its customer (the token's), and those reads wait for the end of the turn (its
 * immediates), where one statement reads every customer asked for, as the PostgreSQL store does in one round
 * trip. That read starts a snapshot of its own, taken after every request waiting for it had arrived, and the
 * requests' further reads share it. So the requests of a turn are read together and answered together, rather
 * than each answered in the I/O callback that read it, which costs less CPU time a request than the statement
 * saved alone (docs/notes/server-measurements.md).
 *
 * All the reads of a turn see the database as it stood at the turn's first read, or for the customers' read and
 * what follows it, as it stood when the turn ended. Every request served from a snapshot had reached the server
 * before it was taken. The snapshot ends with the turn, before the next turn's I/O. A write ends the read
 * transaction first, so that it runs in its own immediate transaction and is committed before its response
 * goes out; reads after it start a new one.
 */
interface TurnReads {
  /** Runs `read` inside this turn's read transaction, opening it when there is none. */
  read<T>(read: () => T): T;
  /** The row of a customer, read with every other customer asked for in this turn when it ends. */
  customerRow(customerId: number): Promise<CustomerRow | undefined>;
  /** Ends this turn's read transaction, if open, so that a write can start its own. */
  beforeWrite(): void;
}

/**
 * @param readCustomers reads the rows of the customers with these ids, in one statement (batchedReads asks it
 *   once a turn).
 *
 * @example
 * const turn = createTurnReads(db, (ids) => q.customers.all(JSON.stringify(ids)));
 * const customer = await turn.customerRow(id);
 * const orders = turn.read(() => q.pageOfOrders.all(params));
 * turn.beforeWrite();
 * updateCustomer.immediate(id, patch);
 */
function createTurnReads(db: Database, readCustomers: (ids: number[]) => CustomerRow[]): TurnReads {
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  let open = false;
  const end = () => {
    if (!open) return;
    open = false;
    // The store may have been closed during the turn (a server stopping): nothing is left to end then.
    if (db.open && db.inTransaction) commit.run();
  };
  const read = <T>(reads: () => T): T => {
    if (!open && !db.inTransaction) {
      begin.run();
      open = true;
      setImmediate(end);
    }
    return reads();
  };
  // A snapshot of its own for the turn's customers: the one the turn's earlier reads took may be older than
  // some of these requests. Its end is queued behind the batch, in the same turn: the requests it answers make
  // their reads first (Node runs an immediate's promise callbacks before the next immediate).
  const customerRow = batchedReads(
    async (ids: number[]) => {
      end();
      const byId = new Map(read(() => readCustomers(ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    },
    (id) => id,
    { onTurn: () => setImmediate(end) },
  );
  return {
    read,
    customerRow,
    beforeWrite: end,
  };
}

/**
 * The version of a SQLite database's data, as seen by this connection: one version for the whole file, asked
 * by the remembered responses before a replay (a DataVersion). Two counters tell:
 *
 * - `total_changes()` moves with every row this connection inserts, updates or deletes. It takes no lock and
 *   reads no file, so it is asked on every request.
 * - `data_version` moves when another connection commits (another process: `db:reset`, a second worker, a
 *   script). Asking it opens a read transaction (file locks and a stat of the WAL file), so it is asked once
 *   per turn of the event loop. Every request served in that turn reached the server before that moment, so
 *   each is answered with the database as it stood while the request was waiting.
 *
 * @example
 * const dataVersion = sqliteDataVersion(db);
 * dataVersion(); // '12 3'
 */
export function sqliteDataVersion(db: Database): () => string {
  const changesOf = db.prepare('SELECT total_changes()').pluck();
  const versionOf = db.prepare('PRAGMA data_version').pluck();
  let version: number | undefined;
  const endOfTurn = () => (version = undefined);
  return () => {
    if (version === undefined) {
      version = versionOf.get() as number;
      setImmediate(endOfTurn);
    }
    return `${changesOf.get() as number} ${version}`;
  };
}
