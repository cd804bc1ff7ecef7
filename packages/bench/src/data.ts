/**
 * The benchmark's data: the sample world plus generated customers with their orders, items, returns, tickets,
 * messages and notifications, written by the server's own seedDatabase() / seedPostgres(), so generated rows
 * go through exactly the code (and schema) the fixtures go through. Deterministic for a given plan.
 */
import { SAMPLE_ACCOUNTS, sampleWorld, type SampleOrder, type SampleTicket, type SampleWorld } from '@customer-portal/core';
import { deleteDatabase, hashPassword, openDatabase, seedDatabase } from '@customer-portal/server';
import { openPostgres, seedPostgres } from '@customer-portal/server/postgres';
import { statSync } from 'node:fs';

export interface DataPlan {
  customers: number;
  /** Orders in total, the sample world's aside. */
  orders: number;
  /** Orders of the first generated customer, the one the growth section and random pages read. */
  heavyCustomerOrders: number;
}

export interface GeneratedData {
  orders: number;
  customers: number;
  seconds: number;
  /** Signs in with the sample password, like every generated customer. */
  heavyCustomer: { email: string; orders: number };
}

const PRODUCTS = [
  ['Wireless Headphones', 29999], ['Smartphone Case', 1999], ['USB-C Cable', 1250], ['Watch Strap', 2499],
  ['Running Shoes', 12995], ['Gaming Mouse', 4999], ['Laptop Stand', 3499], ['Desk Lamp', 2750],
] as const;
const AGENTS = [{ id: 101, name: 'Priya Sharma' }, { id: 102, name: 'Rahul Mehta' }];
const SUBJECTS = ['Where is my order?', 'Product inquiry', 'Change delivery address', 'Invoice copy'];
const NEWEST_MS = Date.parse('2024-06-30T12:00:00Z');
const DAY_MS = 86_400_000;
/** Generated order ids start here (ORD1000000), clear of the sample world's and all of one width. */
export const FIRST_ORDER_NUMBER = 1_000_000;
const BATCH_ORDERS = 20_000;
const SAMPLE_PASSWORD = SAMPLE_ACCOUNTS[0].password;

/** RFC 3339 UTC without milliseconds, as the fixtures write timestamps. */
const timestamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** mulberry32: a tiny seeded generator, so that every run reads the same rows (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const emailOf = (customerId: number) => `customer${customerId}@bench.example.com`;

/** One past the highest number in the sample world's ids, so generated ids never collide with them. */
function after(ids: (string | number)[]): number {
  return Math.max(0, ...ids.map((id) => Number(String(id).replace(/^\D+/, '')) || 0)) + 1;
}

/**
 * The generated customers, in batches of about 20,000 orders (one transaction each).
 */
export function* generateBatches(plan: DataPlan): Generator<SampleWorld> {
  const world = sampleWorld();
  const random = seededRandom(20240630);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const seq = {
    customer: after(world.customers.map((c) => c.id)),
    order: Math.max(FIRST_ORDER_NUMBER, after(world.orders.map((o) => o.id))),
    return: after(world.returns.map((r) => r.id)),
    ticket: after(world.tickets.map((t) => t.id)),
    message: after(world.tickets.flatMap((t) => t.messages.map((m) => m.id))),
    notification: after(world.notifications.map((n) => n.id)),
  };
  const rest = plan.orders - plan.heavyCustomerOrders;
  const others = plan.customers - 1;
  const ordersOf = (index: number) => (index === 0 ? plan.heavyCustomerOrders : Math.floor(rest / others) + (index - 1 < rest % others ? 1 : 0));
  let batch: SampleWorld = { customers: [], orders: [], returns: [], tickets: [], notifications: [] };
  for (let index = 0; index < plan.customers; index++) {
    const id = seq.customer++;
    const name = `Bench Customer ${id}`;
    batch.customers.push({
      id, email: emailOf(id), password: SAMPLE_PASSWORD, full_name: name, avatar: null,
      member_since: timestamp(NEWEST_MS - 4 * 365 * DAY_MS),
      preferences: { language: 'en', notifications: true, theme: 'system' },
      settings: { notifications: { email: true, order_updates: true, refund_updates: true, support_replies: true }, general: { timezone: 'UTC+0', currency: 'USD' } },
    });
    const count = ordersOf(index);
    // About three years of orders, newest first; a per-customer offset keeps customers' timestamps apart.
    const spacing = Math.max(60_000, Math.floor((3 * 365 * DAY_MS) / Math.max(count, 1)));
    const newest = NEWEST_MS - (id % 1440) * 60_000;
    const orderIds: string[] = [];
    for (let age = 0; age < count; age++) {
      const number = seq.order++;
      const created = newest - age * spacing;
      const r = random();
      const status: SampleOrder['status'] = age === 0 ? 'PROCESSING' : age < 3 ? 'SHIPPED' : r < 0.78 ? 'DELIVERED' : r < 0.9 ? 'CANCELLED' : 'RETURNED';
      const items = Array.from({ length: 1 + (random() < 0.3 ? 1 : 0) }, (_, k) => {
        const [product_name, cents] = PRODUCTS[(number + k * 5) % PRODUCTS.length]!;
        const quantity = 1 + Math.floor(random() * 3);
        return { id: k === 0 ? `ITEM${number}` : `ITEM${number}-${k + 1}`, product_name, quantity, price: cents / 100, subtotal: (cents * quantity) / 100 };
      });
      const shipped = status === 'SHIPPED' || status === 'DELIVERED' || status === 'RETURNED';
      orderIds.push(`ORD${number}`);
      batch.orders.push({
        customer_id: id, id: `ORD${number}`, status,
        // Money summed in whole cents, so that totals add up to the cent.
        total: items.reduce((sum, item) => sum + Math.round(item.subtotal * 100), 0) / 100,
        created_at: timestamp(created),
        estimated_delivery: status === 'CANCELLED' ? null : timestamp(created + 5 * DAY_MS),
        tracking_number: shipped ? `TRK${number}` : null, items,
        shipment: shipped ? { current_location: status === 'SHIPPED' ? 'Mumbai Hub' : 'Delivered, Mumbai', courier_name: 'FastShip Express', courier_contact: '+91-1800-123-4567' } : null,
      });
      // Every returned order was refunded; a few delivered ones have a return still pending.
      const returnStatus = status === 'RETURNED' ? 'REFUNDED' : status === 'DELIVERED' && random() < 0.02 ? 'REQUESTED' : undefined;
      if (returnStatus) {
        batch.returns.push({ id: `RET${seq.return++}`, order_id: `ORD${number}`, items: [items[0]!.product_name], reason: 'Not as described', description: null, status: returnStatus, created_at: timestamp(created + 8 * DAY_MS) });
      }
    }
    for (let t = 0; t < 3; t++) {
      const at = (hours: number) => timestamp(newest - t * 7 * DAY_MS + hours * 3_600_000);
      const agent = pick(AGENTS);
      const messages: SampleTicket['messages'] = [
        { id: `MSG${seq.message++}`, sender_id: id, sender_name: name, sender_type: 'customer', content: 'Could you help me with this, please?', is_internal: false, timestamp: at(0) },
        // An agent's internal note, which the API must never return.
        { id: `MSG${seq.message++}`, sender_id: agent.id, sender_name: agent.name, sender_type: 'agent', content: 'Checked with the courier.', is_internal: true, timestamp: at(1) },
        { id: `MSG${seq.message++}`, sender_id: agent.id, sender_name: agent.name, sender_type: 'agent', content: 'Thank you for writing; we are on it.', is_internal: false, timestamp: at(2) },
      ];
      batch.tickets.push({
        customer_id: id, id: `TKT${seq.ticket++}`, subject: pick(SUBJECTS), status: pick(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const),
        priority: pick(['LOW', 'MEDIUM', 'HIGH'] as const), order_id: orderIds[t] ?? null, created_at: at(0), updated_at: at(2), messages,
      });
      batch.notifications.push({ customer_id: id, id: seq.notification++, title: 'Order Update', message: `Your order ${orderIds[t] ?? ''} has an update`, type: 'ORDER', read: t > 0, timestamp: at(0) });
    }
    if (batch.orders.length >= BATCH_ORDERS || index === plan.customers - 1) {
      yield batch;
      batch = { customers: [], orders: [], returns: [], tickets: [], notifications: [] };
    }
  }
}

type Seed = (world: SampleWorld, options?: { hashPassword: (password: string) => string }) => unknown;

/** The sample world, then `plan`'s customers, written by `seed` (the server's seedDatabase or seedPostgres). */
async function fill(plan: DataPlan, seed: Seed): Promise<GeneratedData> {
  if (plan.customers < 2 || plan.orders <= plan.heavyCustomerOrders) {
    throw new Error(`A plan needs at least two customers and more than ${plan.heavyCustomerOrders} orders.`);
  }
  const started = performance.now();
  // Every generated customer shares the sample password and one hash of it: hashing each would take minutes.
  const passwordHash = hashPassword(SAMPLE_PASSWORD);
  await seed(sampleWorld());
  for (const batch of generateBatches(plan)) await seed(batch, { hashPassword: () => passwordHash });
  const heavyCustomer = { email: emailOf(after(sampleWorld().customers.map((c) => c.id))), orders: plan.heavyCustomerOrders };
  return { orders: plan.orders, customers: plan.customers, seconds: (performance.now() - started) / 1000, heavyCustomer };
}

/**
 * Creates the SQLite file at `path` afresh with the sample world and `plan`'s customers.
 */
export async function buildSqlite(path: string, plan: DataPlan): Promise<GeneratedData & { fileMb: number }> {
  deleteDatabase(path);
  const db = openDatabase(path);
  try {
    const data = await fill(plan, (world, options) => seedDatabase(db, world, options));
    // Fold the WAL into the file, so that the file alone carries every row.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { ...data, fileMb: statSync(path).size / 2 ** 20 };
  } finally {
    db.close();
  }
}

/** The same data in the empty PostgreSQL database at `url` (migrated by openPostgres). */
export async function buildPostgres(url: string, plan: DataPlan): Promise<GeneratedData> {
  const pool = await openPostgres(url, { poolSize: 2 });
  try {
    const data = await fill(plan, (world, options) => seedPostgres(pool, world, options));
    // Fresh statistics, so that the planner sees a million rows, not the empty tables it was made with.
    await pool.query('ANALYZE');
    return data;
  } finally {
    await pool.end();
  }
}
