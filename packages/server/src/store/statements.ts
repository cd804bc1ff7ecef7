/**
 * Every SQL statement of the store, prepared once per connection. Values are always bound parameters,
 * never spliced into the SQL, so a search term is data however it is spelled.
 */
import type { Database, Statement } from 'better-sqlite3';

/**
 * SQLite's lower() folds ASCII only; the in-memory store folds with JavaScript's toLowerCase(), so searches
 * fold both sides with the same function to match it letter for letter (É and é alike).
 */
const FOLD = 'portal_fold';

export function registerFunctions(db: Database): void {
  db.function(FOLD, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value));
}

/**
 * The filters a list can be asked with. Each combination has a statement of its own, so that SQLite sees
 * which index fits: `customer_id = @customer AND (@status IS NULL OR status = @status)` in one statement for
 * all would hide the status index from it, and walk every row of the customer to skip to a page.
 */
export interface ListFilters {
  status: boolean;
  searched: boolean;
}

/** The filters a request gives. */
export function listFilters(status: unknown, search: unknown): ListFilters {
  return { status: Boolean(status), searched: Boolean(search) };
}

/** The statement of each combination of filters, by its name in SQL. */
export interface ByFilters<T> {
  all: T;
  ofStatus: T;
  searched: T;
  ofStatusSearched: T;
}

/** Picks the statement for `filters`. */
export function forFilters<T>(statements: ByFilters<T>, { status, searched }: ListFilters): T {
  if (status) return searched ? statements.ofStatusSearched : statements.ofStatus;
  return searched ? statements.searched : statements.all;
}

// Ids are ASCII (the contract's ResourceId), for which SQLite's lower() folds as JavaScript does, without a
// call into JavaScript per row; a ticket's subject is any text, folded with FOLD.
const orderFilter = ({ status, searched }: ListFilters) =>
  ['customer_id = @customer', status && 'status = @status', searched && 'instr(lower(id), @search) > 0'].filter(Boolean).join(' AND ');

const ticketFilter = ({ status, searched }: ListFilters) =>
  [
    'customer_id = @customer',
    status && 'status = @status',
    searched && `(instr(${FOLD}(subject), @search) > 0 OR instr(lower(id), @search) > 0)`,
  ]
    .filter(Boolean)
    .join(' AND ');

const ALL: ListFilters = { status: false, searched: false };
const OF_STATUS: ListFilters = { status: true, searched: false };
const SEARCHED: ListFilters = { status: false, searched: true };
const OF_STATUS_SEARCHED: ListFilters = { status: true, searched: true };

const countOrders = (filters: ListFilters) => `SELECT count(*) AS total FROM orders WHERE ${orderFilter(filters)}`;
// Only what a listed order shows: every column read costs a request time, and lists are the hot path.
const pageOfOrders = (filters: ListFilters) => `
  SELECT id, status, total, created_at, estimated_delivery, tracking_number FROM orders WHERE ${orderFilter(filters)}
  ORDER BY created_at DESC, seq DESC LIMIT @limit OFFSET @offset`;
const countTickets = (filters: ListFilters) => `SELECT count(*) AS total FROM tickets WHERE ${ticketFilter(filters)}`;
const pageOfTickets = (filters: ListFilters) => `
  SELECT * FROM tickets WHERE ${ticketFilter(filters)}
  ORDER BY created_at DESC, seq DESC LIMIT @limit OFFSET @offset`;

const CUSTOMER_COLUMNS = `id, email, full_name, avatar, member_since, language, theme, notifications_enabled, notify_email,
  notify_order_updates, notify_refund_updates, notify_support_replies, timezone, currency`;

const NOTIFICATION_FILTER = `customer_id = @customer AND (@unread = 0 OR read = 0)`;

const SQL = {
  credentials: 'SELECT id, password_hash FROM customers WHERE email = ?',
  // What a CustomerRecord holds, not the password hash: one customer, and every request's first read (the
  // tokens' customers of one turn, in one statement).
  customer: `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`,
  customers: `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id IN (SELECT value FROM json_each(?))`,
  updateCustomer: `
    UPDATE customers SET full_name = @full_name, avatar = @avatar, language = @language, theme = @theme,
      notifications_enabled = @notifications_enabled, notify_email = @notify_email,
      notify_order_updates = @notify_order_updates, notify_refund_updates = @notify_refund_updates,
      notify_support_replies = @notify_support_replies, timezone = @timezone, currency = @currency
    WHERE id = @id`,

  countOrders: countOrders(ALL),
  countOrdersOfStatus: countOrders(OF_STATUS),
  countOrdersSearched: countOrders(SEARCHED),
  countOrdersOfStatusSearched: countOrders(OF_STATUS_SEARCHED),
  pageOfOrders: pageOfOrders(ALL),
  pageOfOrdersOfStatus: pageOfOrders(OF_STATUS),
  pageOfOrdersSearched: pageOfOrders(SEARCHED),
  pageOfOrdersOfStatusSearched: pageOfOrders(OF_STATUS_SEARCHED),
  order: 'SELECT * FROM orders WHERE id = ? AND customer_id = ?',
  // The items of several orders at once: one query per page, not one per order.
  itemsOfOrders: `
    SELECT order_id, id, product_name, quantity, price, subtotal FROM order_items
    WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  ordersByStatus: 'SELECT status, count(*) AS count FROM orders WHERE customer_id = ? GROUP BY status',

  returnedItems: `
    SELECT r.items FROM returns r JOIN orders o ON o.id = r.order_id
    WHERE r.order_id = ? AND o.customer_id = ? ORDER BY r.rowid`,
  pendingReturns: `
    SELECT count(*) AS count FROM returns r JOIN orders o ON o.id = r.order_id
    WHERE o.customer_id = ? AND r.status IN ('REQUESTED', 'APPROVED')`,
  // Inside createReturn's write transaction: which of these items of the order are already claimed.
  claimedItems: `
    SELECT product_name FROM returned_items
    WHERE order_id = ? AND product_name IN (SELECT value FROM json_each(?)) ORDER BY product_name`,
  nextReturnSeq: 'SELECT coalesce(max(seq), 0) + 1 AS next FROM returns',
  insertReturn: `
    INSERT INTO returns (id, seq, order_id, items, reason, description, status, created_at)
    VALUES (@id, @seq, @order_id, @items, @reason, @description, 'REQUESTED', @created_at)
    RETURNING *`,

  countTickets: countTickets(ALL),
  countTicketsOfStatus: countTickets(OF_STATUS),
  countTicketsSearched: countTickets(SEARCHED),
  countTicketsOfStatusSearched: countTickets(OF_STATUS_SEARCHED),
  pageOfTickets: pageOfTickets(ALL),
  pageOfTicketsOfStatus: pageOfTickets(OF_STATUS),
  pageOfTicketsSearched: pageOfTickets(SEARCHED),
  pageOfTicketsOfStatusSearched: pageOfTickets(OF_STATUS_SEARCHED),
  ticket: 'SELECT * FROM tickets WHERE id = ? AND customer_id = ?',
  messagesOfTicket: 'SELECT * FROM ticket_messages WHERE ticket_id = ? ORDER BY rowid',
  ticketsByStatus: 'SELECT status, count(*) AS count FROM tickets WHERE customer_id = ? GROUP BY status',
  nextTicketSeq: 'SELECT coalesce(max(seq), 0) + 1 AS next FROM tickets',
  insertTicket: `
    INSERT INTO tickets (id, seq, customer_id, subject, status, priority, order_id, created_at, updated_at)
    VALUES (@id, @seq, @customer_id, @subject, 'OPEN', @priority, @order_id, @created_at, @created_at)`,
  nextMessageSeq: 'SELECT coalesce(max(seq), 0) + 1 AS next FROM ticket_messages',
  insertMessage: `
    INSERT INTO ticket_messages (id, seq, ticket_id, sender_id, sender_name, sender_type, content, timestamp, is_internal)
    VALUES (@id, @seq, @ticket_id, @sender_id, @sender_name, @sender_type, @content, @timestamp, 0)
    RETURNING *`,
  touchTicket: 'UPDATE tickets SET updated_at = ? WHERE id = ?',

  countNotifications: `SELECT count(*) AS total FROM notifications WHERE ${NOTIFICATION_FILTER}`,
  pageOfNotifications: `
    SELECT * FROM notifications WHERE ${NOTIFICATION_FILTER}
    ORDER BY timestamp DESC, id DESC LIMIT @limit OFFSET @offset`,
  markRead: 'UPDATE notifications SET read = 1 WHERE id = ? AND customer_id = ? RETURNING *',
};

export type Statements = Record<keyof typeof SQL, Statement>;

export function prepareStatements(db: Database): Statements {
  return Object.fromEntries(Object.entries(SQL).map(([name, text]) => [name, db.prepare(text)])) as Statements;
}
