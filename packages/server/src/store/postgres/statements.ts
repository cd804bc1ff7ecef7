/**
 * Every SQL statement of the PostgreSQL store, by name: the store runs each as a prepared statement of that
 * name, so a connection parses and plans it once. Values are always bound parameters, never spliced in.
 *
 * The same indexes drive the same scans as in SQLite (../statements.ts). Where SQLite runs a count and a page
 * in one transaction, PostgreSQL runs them as one statement: one statement reads one snapshot, so
 * X-Total-Count describes the page it comes with, and it costs one round trip instead of four. A page
 * brings its order items (or a ticket its messages) as JSON built in the same statement, in insertion order.
 */

/**
 * Searches fold like JavaScript's toLowerCase(), as the in-memory store does: lower() under ICU's root
 * collation maps É to é whatever locale the cluster was made with. The term is folded in JavaScript.
 */
const fold = (column: string) => `lower(${column} COLLATE "und-x-icu")`;

// `$n IS NULL OR ...` keeps one statement per list whatever filters are given. (SQLite has one per filter, so
// that its planner sees which index fits; PostgreSQL plans each execution with the values until a generic
// plan proves as cheap, and a customer's rows are found through the customer_id index either way.)
const ORDER_FILTER = `
  customer_id = $1
  AND ($2::text IS NULL OR status = $2)
  AND ($3::text IS NULL OR strpos(${fold('id')}, $3) > 0)`;

const TICKET_FILTER = `
  customer_id = $1
  AND ($2::text IS NULL OR status = $2)
  AND ($3::text IS NULL OR strpos(${fold('subject')}, $3) > 0 OR strpos(${fold('id')}, $3) > 0)`;

const NOTIFICATION_FILTER = 'customer_id = $1 AND (NOT $2::boolean OR NOT read)';

const ITEMS_OF_ORDER = `
  (SELECT coalesce(json_agg(json_build_object('order_id', i.order_id, 'id', i.id, 'product_name', i.product_name,
     'quantity', i.quantity, 'price', i.price, 'subtotal', i.subtotal) ORDER BY i.position), '[]'::json)
   FROM order_items i WHERE i.order_id = o.id)`;

const MESSAGES_OF_TICKET = `
  (SELECT coalesce(json_agg(json_build_object('id', m.id, 'sender_id', m.sender_id, 'sender_name', m.sender_name,
     'sender_type', m.sender_type, 'content', m.content, 'timestamp', m.timestamp, 'is_internal', m.is_internal)
     ORDER BY m.position), '[]'::json)
   FROM ticket_messages m WHERE m.ticket_id = t.id)`;

/** `{ total, items }` in one statement: the count and the page of one snapshot. */
const pageOf = (table: string, filter: string, order: string, item: string, [limit, offset] = ['$4', '$5']) => `
  SELECT
    (SELECT count(*)::int FROM ${table} WHERE ${filter}) AS total,
    (SELECT coalesce(json_agg(${item} ORDER BY ${order}), '[]'::json)
     FROM (SELECT * FROM ${table} WHERE ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) AS ${table[0]}) AS items`;

/**
 * `sql`, whose parameters $1…$k have these `types`, run for many requests in one statement (../batched-reads.ts):
 * parameter $i is the array of every request's i-th value, and each row of the answer is `sql`'s row for the
 * request at place `n` (from 1). One statement reads one snapshot, so each request's rows still describe one
 * moment of the data.
 */
const forEachRequest = (sql: string, types: readonly string[]) => `
  SELECT q.n::int AS n, r.*
  FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) WITH ORDINALITY AS q(${types.map((_, i) => `p${i + 1}`).join(', ')}, n)
  CROSS JOIN LATERAL (${sql.replace(/\$(\d+)/g, 'q.p$1')}) AS r`;

/** Moves the data version of customer `$n` (migration 2): part of every statement that writes the customer's data. */
const bumpVersion = (customer: string) => `UPDATE customers SET data_version = nextval('portal_data_versions') WHERE id = ${customer}`;

/** What a CustomerRecord holds, and the customer's data version: not the password hash. */
const CUSTOMER_COLUMNS = `id, email, full_name, avatar, member_since, language, theme, notifications_enabled, notify_email,
  notify_order_updates, notify_refund_updates, notify_support_replies, timezone, currency`;

export const SQL = {
  credentials: `SELECT id, password_hash FROM customers WHERE ${fold('email')} = $1`,
  // Every customer that the requests of one turn of the event loop ask for, in one round trip (see customerReads).
  customers: `SELECT ${CUSTOMER_COLUMNS}, data_version::text AS version FROM customers WHERE id = ANY($1::int[])`,
  customerForUpdate: `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1 FOR UPDATE`,
  updateCustomer: `
    UPDATE customers SET full_name = $2, avatar = $3, language = $4, theme = $5, notifications_enabled = $6,
      notify_email = $7, notify_order_updates = $8, notify_refund_updates = $9, notify_support_replies = $10,
      timezone = $11, currency = $12, data_version = nextval('portal_data_versions')
    WHERE id = $1`,

  // Only what a listed order shows, as in SQLite.
  pageOfOrders: forEachRequest(
    pageOf(
      'orders',
      ORDER_FILTER,
      'created_at DESC, seq DESC',
      `json_build_object('id', o.id, 'status', o.status, 'total', o.total, 'created_at', o.created_at,
         'estimated_delivery', o.estimated_delivery, 'tracking_number', o.tracking_number, 'items', ${ITEMS_OF_ORDER})`,
    ),
    ['int', 'text', 'text', 'int', 'int'],
  ),
  order: `SELECT o.*, ${ITEMS_OF_ORDER} AS items FROM orders o WHERE o.id = $1 AND o.customer_id = $2`,
  ordersByStatus: 'SELECT status, count(*)::int AS count FROM orders WHERE customer_id = $1 GROUP BY status',

  returnedItems: `
    SELECT r.items FROM returns r JOIN orders o ON o.id = r.order_id
    WHERE r.order_id = $1 AND o.customer_id = $2 ORDER BY r.position`,
  alreadyReturned: 'SELECT product_name FROM return_items WHERE order_id = $1 AND product_name = ANY($2::text[])',
  // Through each of the customer's orders: as a join, the planner hashed every pending return in the
  // database, a cost that grew with everyone's orders (decision 006); a subquery per order costs what the
  // customer holds.
  pendingReturns: `
    SELECT coalesce(sum((
      SELECT count(*) FROM returns r WHERE r.order_id = o.id AND r.status IN ('REQUESTED', 'APPROVED')
    )), 0)::int AS count
    FROM orders o WHERE o.customer_id = $1`,
  nextReturnSeq: 'SELECT coalesce(max(seq), 0) + 1 AS next FROM returns',
  // The return and its items in one statement: the unique (order_id, product_name) refuses it whole.
  insertReturn: `
    WITH bumped AS (${bumpVersion('$9')}), created AS (
      INSERT INTO returns (id, seq, order_id, items, reason, description, status, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, 'REQUESTED', $7)
      RETURNING id, order_id, items, reason, description, status, created_at
    ), items AS (
      INSERT INTO return_items (return_id, order_id, product_name) SELECT $1, $3, unnest($8::text[])
    )
    SELECT * FROM created`,

  pageOfTickets: forEachRequest(
    pageOf(
      'tickets',
      TICKET_FILTER,
      'created_at DESC, seq DESC',
      `json_build_object('id', t.id, 'subject', t.subject, 'status', t.status, 'priority', t.priority,
         'order_id', t.order_id, 'created_at', t.created_at, 'updated_at', t.updated_at)`,
    ),
    ['int', 'text', 'text', 'int', 'int'],
  ),
  ticket: `SELECT t.*, ${MESSAGES_OF_TICKET} AS messages FROM tickets t WHERE t.id = $1 AND t.customer_id = $2`,
  ticketsByStatus: 'SELECT status, count(*)::int AS count FROM tickets WHERE customer_id = $1 GROUP BY status',
  nextTicketSeqs: `
    SELECT (SELECT coalesce(max(seq), 0) + 1 FROM tickets) AS ticket, (SELECT coalesce(max(seq), 0) + 1 FROM ticket_messages) AS message`,
  // The ticket and its first message in one statement (the foreign key is checked at its end).
  insertTicket: `
    WITH bumped AS (${bumpVersion('$3')}), ticket AS (
      INSERT INTO tickets (id, seq, customer_id, subject, status, priority, order_id, created_at, updated_at)
      VALUES ($1, $2, $3, $4, 'OPEN', $5, $6, $7, $7)
    )
    INSERT INTO ticket_messages (id, seq, ticket_id, sender_id, sender_name, sender_type, content, timestamp, is_internal)
    VALUES ($8, $9, $1, $10, $11, $12, $13, $7, false)
    RETURNING id, sender_id, sender_name, sender_type, content, timestamp, is_internal`,
  // The ticket's updated_at (null when the ticket is not the customer's) and the next message number, read
  // after the lock is held.
  replyTarget: `
    SELECT (SELECT updated_at FROM tickets WHERE id = $1 AND customer_id = $2) AS updated_at,
      (SELECT coalesce(max(seq), 0) + 1 FROM ticket_messages) AS next`,
  // The message and the ticket's updated_at in one statement.
  insertMessage: `
    WITH bumped AS (${bumpVersion('$9')}), touched AS (UPDATE tickets SET updated_at = $8 WHERE id = $3)
    INSERT INTO ticket_messages (id, seq, ticket_id, sender_id, sender_name, sender_type, content, timestamp, is_internal)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false)
    RETURNING id, sender_id, sender_name, sender_type, content, timestamp, is_internal`,

  pageOfNotifications: forEachRequest(
    pageOf(
      'notifications',
      NOTIFICATION_FILTER,
      'timestamp DESC, id DESC',
      `json_build_object('id', n.id, 'title', n.title, 'message', n.message, 'type', n.type, 'read', n.read,
         'timestamp', n.timestamp)`,
      ['$3', '$4'],
    ),
    ['int', 'boolean', 'int', 'int'],
  ),
  markRead: `
    WITH bumped AS (${bumpVersion('$2')})
    UPDATE notifications SET read = true WHERE id = $1 AND customer_id = $2
    RETURNING id, title, message, type, read, timestamp`,
} as const;

export type StatementName = keyof typeof SQL;

/** The statements that read the pages of many requests at once (forEachRequest). */
export type PageStatement = 'pageOfOrders' | 'pageOfTickets' | 'pageOfNotifications';

/**
 * Advisory locks, one per kind of id: a new id is one past the highest, as in the in-memory store, so two
 * transactions numbering the same table take turns (as every SQLite writer does), and a failed insert
 * leaves no gap. Taken with BEGIN, always in this order (no two transactions can wait on each other), and
 * held until the transaction ends; the numbers are read by the next statement, which sees every commit
 * made before the lock was granted.
 */
export const ID_LOCKS = { returns: 7_411_101, tickets: 7_411_102, messages: 7_411_103 } as const;
