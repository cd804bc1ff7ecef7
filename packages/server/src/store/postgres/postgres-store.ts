/**
 * core's PortalStore over PostgreSQL, for many server processes on one database. It answers call for call
 * like the in-memory and SQLite stores (the same tests check it). Every write that touches several rows is
 * one transaction on one connection, with the locks it needs so that concurrent processes cannot break an
 * invariant:
 * - a profile update reads its row FOR UPDATE, so two patches merge instead of one losing the other;
 * - a new id is one past the highest under an advisory lock per kind of id (ID_LOCKS);
 * - a reply writes its message and the ticket's updated_at in one statement, never earlier than the last;
 * - a return's items go into return_items, whose unique (order_id, product_name) lets one return per item
 *   commit; the loser gets the same 422 as a repeated request;
 * - every write moves the customer's data version in the same statement (migration 2), which is read with
 *   the customer (getCustomerWithVersion): a remembered answer is never given after a write to its data.
 * Reads take one round trip each, and the customer reads and the pages of one turn of the event loop share
 * one per kind (../batched-reads.ts).
 * When the database cannot be reached, or every pooled connection stays busy for too long, a call fails with a
 * 503 problem (see unavailable.ts).
 */
import {
  laterOf,
  ruleViolated,
  type CustomerPatch,
  type CustomerRecord,
  type NewMessage,
  type NewReturn,
  type NewTicket,
  type PageOf,
  type VersionedStore,
  type StoredTicket,
} from '@customer-portal/core';
import type { DatabaseError, Pool, PoolClient, QueryResultRow } from 'pg';
import { orderOf, orderRecordOf, ticketSummaryOf } from '../rows.js';
import {
  customerOf,
  messageOf,
  notificationOf,
  type PgCustomerRow,
  type PgMessageRow,
  type PgNotificationRow,
  type PgOrderRow,
  type PgOrderSummaryRow,
  type PgReturnRow,
  type PgTicketRow,
} from './rows.js';
import { ID_LOCKS, SQL, type PageStatement, type StatementName } from './statements.js';
import { batchedReads } from '../batched-reads.js';
import { orUnavailable, watchConnections } from './unavailable.js';

/**
 * A PortalStore on an open, migrated pool (see openPostgres).
 *
 * @example
 * const store = createPostgresStore(await openPostgres(process.env.DATABASE_URL));
 * const portal = createPortal({ store, auth });
 */
export function createPostgresStore(pool: Pool): VersionedStore {
  // openPostgres already watches its pools; this covers a pool made elsewhere.
  watchConnections(pool);
  // Each statement prepared under its name: a connection parses and plans it once, not on every request.
  const statement = (name: StatementName, values: unknown[]) => ({ name, text: SQL[name], values });
  const rows = async <Row extends QueryResultRow>(name: StatementName, values: unknown[]): Promise<Row[]> =>
    orUnavailable(pool, async () => (await pool.query<Row>(statement(name, values))).rows);
  const row = async <Row extends QueryResultRow>(name: StatementName, values: unknown[]): Promise<Row | undefined> => (await rows<Row>(name, values))[0];
  const customerRow = batchedReads(async (ids: number[]) => {
    const found = new Map((await rows<PgCustomerRow & { version: string }>('customers', [ids])).map((r) => [r.id, r]));
    return ids.map((id) => found.get(id));
  }, (id) => id);

  /**
   * One transaction on one connection, holding `locks` from its start; rolled back when `work` throws. A
   * broken connection is dropped. Every round trip counts: a transaction holding an id lock makes the
   * others wait for as long as it takes, so BEGIN and the locks go in one.
   */
  const transaction = <T>(work: (client: PoolClient) => Promise<T>, locks: (typeof ID_LOCKS)[keyof typeof ID_LOCKS][] = []): Promise<T> =>
    orUnavailable(pool, async () => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        // Our own numeric constants, so they can stand in the text: a simple query runs both statements at once.
        await client.query(['BEGIN', ...locks.map((lock) => `SELECT pg_advisory_xact_lock(${lock})`)].join('; '));
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
        throw error;
      } finally {
        client.release(broken);
      }
    });

  const messageValues = (seq: number, ticketId: string, m: NewMessage) =>
    [`MSG${seq}`, seq, ticketId, m.sender_id, m.sender_name, m.sender_type, m.content, m.timestamp];

  const counts = async <S extends string>(name: StatementName, customerId: number): Promise<Partial<Record<S, number>>> =>
    Object.fromEntries((await rows<{ status: S; count: number }>(name, [customerId])).map((r) => [r.status, r.count])) as Partial<Record<S, number>>;

  /** The pages of one list that the requests of a turn ask for, in one statement (forEachRequest in statements.ts). */
  const pages = <Row, Item>(name: PageStatement, toItem: (row: Row) => Item) => {
    const read = batchedReads(async (asked: unknown[][]) => {
      const columns = asked[0]!.map((_, i) => asked.map((values) => values[i]));
      const found = new Map((await rows<{ n: number; total: number; items: Row[] }>(name, columns)).map((r) => [r.n, r]));
      return asked.map((_, i) => found.get(i + 1));
    }, (values) => JSON.stringify(values));
    return async (values: unknown[]): Promise<PageOf<Item>> => {
      const { total, items } = (await read(values))!;
      return { total, items: items.map(toItem) };
    };
  };
  const pageOfOrders = pages('pageOfOrders', (r: PgOrderSummaryRow) => orderOf(r, r.items));
  const pageOfTickets = pages('pageOfTickets', ticketSummaryOf);
  const pageOfNotifications = pages('pageOfNotifications', (r: PgNotificationRow) => notificationOf(r));

  // Searches fold the term the way the statements fold the columns.
  const term = (search: string | undefined) => (search ? search.toLowerCase() : null);
  // PostgreSQL's text cannot hold NUL: no row matches a term with one, and sending it would fail the statement
  // of every page read with it.
  const matchesNothing = (search: string | undefined) => search?.includes('\0') === true;
  const nothing = () => ({ total: 0, items: [] });

  return {
    async findCredentials(email) {
      const found = await row<{ id: number; password_hash: string }>('credentials', [email.toLowerCase()]);
      return found && { customerId: found.id, passwordHash: found.password_hash };
    },
    async getCustomer(customerId) {
      const found = await customerRow(customerId);
      return found && customerOf(found);
    },
    async getCustomerWithVersion(customerId) {
      const found = await customerRow(customerId);
      return found && { customer: customerOf(found), version: found.version };
    },
    async updateCustomer(customerId, patch) {
      return transaction(async (client) => {
        const found = (await client.query<PgCustomerRow>(statement('customerForUpdate', [customerId]))).rows[0];
        if (!found) throw new Error(`no customer ${customerId}`);
        const current = customerOf(found);
        const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as CustomerPatch;
        const updated: CustomerRecord = {
          ...current,
          ...defined,
          notification_settings: { ...current.notification_settings, ...defined.notification_settings },
        };
        const s = updated.notification_settings;
        await client.query(statement('updateCustomer', [
          customerId, updated.full_name, updated.avatar, updated.language, updated.theme, updated.notifications_enabled,
          s.email, s.order_updates, s.refund_updates, s.support_replies, updated.timezone, updated.currency,
        ]));
        return updated;
      });
    },

    async listOrders(customerId, { status, search, limit, offset }) {
      return matchesNothing(search) ? nothing() : pageOfOrders([customerId, status ?? null, term(search), limit, offset]);
    },
    async getOrder(customerId, orderId) {
      const found = await row<PgOrderRow>('order', [orderId, customerId]);
      return found && orderRecordOf(found, found.items);
    },
    async countOrdersByStatus(customerId) {
      return counts('ordersByStatus', customerId);
    },

    async returnedItems(customerId, orderId) {
      return (await rows<{ items: string[] }>('returnedItems', [orderId, customerId])).flatMap((r) => r.items);
    },
    async createReturn(customerId, request: NewReturn) {
      try {
        return await transaction(async (client) => {
          const seq = (await client.query<{ next: number }>(statement('nextReturnSeq', []))).rows[0]!.next;
          const { order_id, items, reason, description, created_at } = request;
          const values = [`RET${seq}`, seq, order_id, JSON.stringify(items), reason, description, created_at, items, customerId];
          return (await client.query<PgReturnRow>(statement('insertReturn', values))).rows[0]!;
        }, [ID_LOCKS.returns]);
      } catch (error) {
        if ((error as DatabaseError).constraint !== 'one_return_per_item') throw error;
        // Another request took an item between the operation's check and this insert.
        const taken = (await rows<{ product_name: string }>('alreadyReturned', [request.order_id, request.items])).map((r) => r.product_name);
        throw ruleViolated(
          `A return has already been requested for ${taken.map((name) => `"${name}"`).join(', ')} of order ${request.order_id}.`,
          [{ location: 'body.items', message: 'must not repeat an item that already has a return request' }],
        );
      }
    },
    async countPendingReturns(customerId) {
      return (await row<{ count: number }>('pendingReturns', [customerId]))!.count;
    },

    async listTickets(customerId, { status, search, limit, offset }) {
      return matchesNothing(search) ? nothing() : pageOfTickets([customerId, status ?? null, term(search), limit, offset]);
    },
    async getTicket(customerId, ticketId) {
      const found = await row<PgTicketRow>('ticket', [ticketId, customerId]);
      return found && Object.assign(ticketSummaryOf(found), { messages: found.messages.map(messageOf) });
    },
    async countTicketsByStatus(customerId) {
      return counts('ticketsByStatus', customerId);
    },
    async createTicket(customerId, { subject, priority, order_id, firstMessage }: NewTicket): Promise<StoredTicket> {
      return transaction(async (client) => {
        const next = (await client.query<{ ticket: number; message: number }>(statement('nextTicketSeqs', []))).rows[0]!;
        const id = `TKT${next.ticket}`;
        const created_at = firstMessage.timestamp;
        const m = firstMessage;
        const values = [id, next.ticket, customerId, subject, priority, order_id, created_at, `MSG${next.message}`, next.message, m.sender_id, m.sender_name, m.sender_type, m.content];
        const first = messageOf((await client.query<PgMessageRow>(statement('insertTicket', values))).rows[0]!);
        return { id, subject, status: 'OPEN', priority, order_id, created_at, updated_at: created_at, messages: [first] };
      }, [ID_LOCKS.tickets, ID_LOCKS.messages]);
    },
    async addTicketMessage(customerId, ticketId, message) {
      return transaction(async (client) => {
        const target = (await client.query<{ updated_at: string | null; next: number }>(statement('replyTarget', [ticketId, customerId]))).rows[0]!;
        if (target.updated_at === null) return undefined;
        // Read under the lock: a reply stamped before the ticket's last change (another process's reply,
        // stamped later, took the lock first) takes that time, so updated_at never goes back.
        const timestamp = laterOf(message.timestamp, target.updated_at);
        return messageOf((await client.query<PgMessageRow>(statement('insertMessage', [...messageValues(target.next, ticketId, { ...message, timestamp }), customerId]))).rows[0]!);
      }, [ID_LOCKS.messages]);
    },

    async listNotifications(customerId, { unreadOnly, limit, offset }) {
      return pageOfNotifications([customerId, unreadOnly, limit, offset]);
    },
    async markNotificationRead(customerId, notificationId) {
      const found = await row<PgNotificationRow>('markRead', [notificationId, customerId]);
      return found && notificationOf(found);
    },
  };
}
