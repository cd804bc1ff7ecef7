/**
 * The growth section's data on PostgreSQL: the same generated customers as generator/generate.ts writes to
 * SQLite (same plan, same seeded random numbers), written through the server's own seedPostgres().
 */
import { sampleWorld, type SampleWorld } from '@customer-portal/core';
import { seedPostgres } from '@customer-portal/server';
import type { Pool } from 'pg';
import { addCustomer, emailOf, type Sequences } from '../generator/customer-rows.js';
import type { DataCounts, DataPlan, GeneratedData } from '../generator/generate.js';
import { seededRandom } from '../generator/random.js';

/** As in generate.ts: generated order ids start at ORD1000000, clear of the sample world's. */
const FIRST_ORDER_NUMBER = 1_000_000;

async function next(pool: Pool, sql: string, floor = 1): Promise<number> {
  const { rows } = await pool.query<{ highest: number | null }>(sql);
  return Math.max((rows[0]?.highest ?? 0) + 1, floor);
}

/** A prefix matching about a tenth of `count` orders from `first` (see generate.ts). */
function searchTermFor(first: number, count: number): string {
  const dropped = Math.max(0, Math.floor(Math.log10(count / 10)));
  const digits = String(first);
  return `ORD${digits.slice(0, digits.length - dropped)}`;
}

const emptyWorld = (): SampleWorld => ({ customers: [], orders: [], returns: [], tickets: [], notifications: [] });

/**
 * Seeds the sample world into a migrated, empty database, then adds `plan`'s customers batch by batch.
 *
 * @example
 * await generatePostgresData(pool, { customers: 10_000, orders: 1_000_000, heavyCustomerOrders: 1000, password, passwordHash });
 */
export async function generatePostgresData(
  pool: Pool,
  plan: DataPlan,
  onProgress?: (ordersDone: number, ordersTotal: number) => void,
): Promise<GeneratedData> {
  await seedPostgres(pool, sampleWorld(), { hashPassword: () => plan.passwordHash });
  const random = seededRandom(plan.seed ?? 20240630);
  const batchOrders = plan.batchOrders ?? 20_000;
  const firstCustomer = await next(pool, 'SELECT max(id) AS highest FROM customers');
  const seq: Sequences = {
    order: await next(pool, 'SELECT max(seq) AS highest FROM orders', FIRST_ORDER_NUMBER),
    return: await next(pool, 'SELECT max(seq) AS highest FROM returns'),
    ticket: await next(pool, 'SELECT max(seq) AS highest FROM tickets'),
    message: await next(pool, 'SELECT max(seq) AS highest FROM ticket_messages'),
    notification: await next(pool, 'SELECT max(id) AS highest FROM notifications'),
  };
  const firstOrder = seq.order;
  const others = plan.customers - 1;
  const rest = plan.orders - plan.heavyCustomerOrders;
  const ordersOf = (index: number) =>
    index === 0 ? (others === 0 ? plan.orders : plan.heavyCustomerOrders) : Math.floor(rest / others) + (index - 1 < rest % others ? 1 : 0);

  const counts: DataCounts = { customers: 0, orders: 0, orderItems: 0, returns: 0, tickets: 0, messages: 0, notifications: 0 };
  let index = 0;
  while (index < plan.customers) {
    const batch = emptyWorld();
    while (index < plan.customers && batch.orders.length < batchOrders) {
      addCustomer(batch, { id: firstCustomer + index, orders: ordersOf(index), tickets: plan.ticketsPerCustomer ?? 3, password: plan.password }, random, seq);
      index++;
    }
    await seedPostgres(pool, batch, { hashPassword: () => plan.passwordHash });
    counts.customers += batch.customers.length;
    counts.orders += batch.orders.length;
    counts.orderItems += batch.orders.reduce((sum, o) => sum + o.items.length, 0);
    counts.returns += batch.returns.length;
    counts.tickets += batch.tickets.length;
    counts.messages += batch.tickets.reduce((sum, t) => sum + t.messages.length, 0);
    counts.notifications += batch.notifications.length;
    onProgress?.(counts.orders, plan.orders);
  }
  // Fresh statistics, so that the planner sees a million rows, not the empty tables it was made with.
  await pool.query('ANALYZE');
  return {
    counts,
    heavyCustomer: { id: firstCustomer, email: emailOf(firstCustomer), orders: ordersOf(0) },
    searchTerm: searchTermFor(firstOrder, ordersOf(0)),
  };
}
