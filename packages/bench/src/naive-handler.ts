/**
 * Child process: the naive handler, what a team would write by hand instead of the reference server: Koa +
 * @koa/router + better-sqlite3 + jsonwebtoken + ajv, over the same database file, answering the same bytes
 * (the benchmark checks it) for the reads it is compared on. No contract layer, no store interface, no
 * response validation. Env: DATABASE_PATH, JWT_SECRET, PORT.
 */
import Router from '@koa/router';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import Database from 'better-sqlite3';
import jwt from 'jsonwebtoken';
import Koa from 'koa';
import { createSecretKey } from 'node:crypto';

const { DATABASE_PATH, JWT_SECRET, PORT = '3000', HOST = '127.0.0.1' } = process.env;
if (!DATABASE_PATH || !JWT_SECRET) throw new Error('DATABASE_PATH and JWT_SECRET must be set.');

const db = new Database(DATABASE_PATH, { readonly: true });
// Built once: given the string, jsonwebtoken would parse the key on every call.
const key = createSecretKey(Buffer.from(JWT_SECRET, 'utf8'));
const ajv = new Ajv2020({ coerceTypes: true, useDefaults: true });
ajvFormats.default(ajv);
const checkQuery = ajv.compile<{ status: string; search?: string; limit: number; offset: number }>({
  type: 'object',
  properties: {
    status: { enum: ['all', 'pending', 'processing', 'shipped', 'delivered', 'cancelled', 'returned'], default: 'all' },
    search: { type: 'string', maxLength: 100 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 },
  },
});

const FILTER = 'customer_id = @customer AND (@status IS NULL OR status = @status) AND (@search IS NULL OR instr(lower(id), @search) > 0)';
const ORDER_COLUMNS = 'id, status, total, created_at, estimated_delivery, tracking_number';
const sql = {
  count: db.prepare(`SELECT count(*) AS total FROM orders WHERE ${FILTER}`).pluck(),
  page: db.prepare(`SELECT ${ORDER_COLUMNS} FROM orders WHERE ${FILTER} ORDER BY created_at DESC, seq DESC LIMIT @limit OFFSET @offset`),
  items: db.prepare('SELECT order_id, id, product_name, quantity, price, subtotal FROM order_items WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY rowid'),
  ordersByStatus: db.prepare('SELECT status, count(*) AS count FROM orders WHERE customer_id = ? GROUP BY status'),
  ticketsByStatus: db.prepare('SELECT status, count(*) AS count FROM tickets WHERE customer_id = ? GROUP BY status'),
  pendingRefunds: db.prepare("SELECT count(*) FROM returns r JOIN orders o ON o.id = r.order_id WHERE o.customer_id = ? AND r.status IN ('REQUESTED', 'APPROVED')").pluck(),
  recentOrders: db.prepare('SELECT id, status, total, created_at, (SELECT coalesce(sum(quantity), 0) FROM order_items WHERE order_id = orders.id) AS item_count FROM orders WHERE customer_id = ? ORDER BY created_at DESC, seq DESC LIMIT 5'),
  recentTickets: db.prepare('SELECT id, subject, status, priority, created_at FROM tickets WHERE customer_id = ? ORDER BY created_at DESC, seq DESC LIMIT 5'),
};

type OrderRow = Record<string, unknown> & { id: string };
type ItemRow = { order_id: string; id: string; product_name: string; quantity: number; price: number; subtotal: number };

function withItems(orders: OrderRow[]): OrderRow[] {
  const items = new Map<string, object[]>(orders.map((o) => [o.id, []]));
  for (const { order_id, ...item } of sql.items.all(JSON.stringify(orders.map((o) => o.id))) as ItemRow[]) items.get(order_id)!.push(item);
  return orders.map((o) => ({ ...o, items: items.get(o.id) }));
}

function count(statement: Database.Statement, customer: number, statuses: string[]): number {
  const rows = statement.all(customer) as { status: string; count: number }[];
  return rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r.count, 0);
}

function send(ctx: Koa.Context, status: number, body: unknown, headers: Record<string, string> = {}): void {
  ctx.status = status;
  ctx.set({ 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json', ...headers });
  ctx.body = JSON.stringify(body);
}

const router = new Router<{ customer: number }>({ prefix: '/api/v1/customer' });
router.use(async (ctx, next) => {
  const token = /^Bearer (.+)$/.exec(ctx.get('Authorization'))?.[1];
  try {
    const payload = jwt.verify(token ?? '', key, { algorithms: ['HS256'] });
    ctx.state.customer = Number(typeof payload === 'string' ? Number.NaN : payload.sub);
  } catch {
    return send(ctx, 401, { title: 'Unauthorized', status: 401 });
  }
  await next();
});
router.get('/orders', (ctx) => {
  const query = { ...ctx.query };
  if (!checkQuery(query)) return send(ctx, 422, { title: 'Unprocessable Content', status: 422, errors: checkQuery.errors });
  const params = {
    customer: ctx.state.customer,
    status: query.status === 'all' ? null : query.status.toUpperCase(),
    search: query.search ? query.search.toLowerCase() : null,
    limit: query.limit,
    offset: query.offset,
  };
  const page = withItems(sql.page.all(params) as OrderRow[]);
  send(ctx, 200, page, { 'X-Total-Count': String(sql.count.get(params)) });
});
router.get('/dashboard', (ctx) => {
  const customer = ctx.state.customer;
  send(ctx, 200, {
    stats: {
      open_tickets: count(sql.ticketsByStatus, customer, ['OPEN', 'IN_PROGRESS']),
      active_orders: count(sql.ordersByStatus, customer, ['PENDING', 'PROCESSING', 'SHIPPED']),
      pending_refunds: sql.pendingRefunds.get(customer),
      resolved_tickets: count(sql.ticketsByStatus, customer, ['RESOLVED', 'CLOSED']),
    },
    recent_orders: sql.recentOrders.all(customer),
    recent_tickets: sql.recentTickets.all(customer),
  });
});

const app = new Koa();
app.use(router.routes());
app.listen(Number(PORT), HOST);
process.once('SIGTERM', () => process.exit(0));
