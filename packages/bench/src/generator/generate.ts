/**
 * Fills a migrated database with N generated customers and their data, through the server's own
 * seedDatabase() (one transaction per batch, prepared statements), so that generated rows are written by the
 * very code that writes the fixtures.
 */
import type { SampleWorld } from '@customer-portal/core';
import { seedDatabase } from '@customer-portal/server';
import type { Database } from 'better-sqlite3';
import { addCustomer, emailOf, type Sequences } from './customer-rows.js';
import { seededRandom } from './random.js';

export interface DataPlan {
  /** Customers to add. */
  customers: number;
  /** Orders to add, in total. */
  orders: number;
  /** Orders of the first added customer (the one the growth section reads); the rest are spread evenly. */
  heavyCustomerOrders: number;
  /** Every added customer's password. */
  password: string;
  /** Its stored hash, computed once: hashing each customer's would take minutes. */
  passwordHash: string;
  ticketsPerCustomer?: number;
  /** Orders per transaction. */
  batchOrders?: number;
  seed?: number;
}

export interface DataCounts {
  customers: number;
  orders: number;
  orderItems: number;
  returns: number;
  tickets: number;
  messages: number;
  notifications: number;
}

export interface GeneratedData {
  counts: DataCounts;
  /** The customer with `heavyCustomerOrders` orders. */
  heavyCustomer: { id: number; email: string; orders: number };
  /** A search term matching about a tenth of the heavy customer's orders (ORD10000: ORD1000000 to ORD1000099). */
  searchTerm: string;
}

/** Generated order ids start here (ORD1000000), clear of the sample world's and all the same width. */
const FIRST_ORDER_NUMBER = 1_000_000;

function next(db: Database, sql: string, floor = 1): number {
  const { highest } = db.prepare(sql).get() as { highest: number | null };
  return Math.max((highest ?? 0) + 1, floor);
}

/**
 * An id prefix matching about a tenth of `count` orders numbered from `first`: dropping d digits of the first
 * id matches the 10^d ids that follow it (ids have one 'ORD', so a substring of them is a prefix).
 */
function searchTermFor(first: number, count: number): string {
  const dropped = Math.max(0, Math.floor(Math.log10(count / 10)));
  const digits = String(first);
  return `ORD${digits.slice(0, digits.length - dropped)}`;
}

function emptyWorld(): SampleWorld {
  return { customers: [], orders: [], returns: [], tickets: [], notifications: [] };
}

function countOf(world: SampleWorld): DataCounts {
  return {
    customers: world.customers.length,
    orders: world.orders.length,
    orderItems: world.orders.reduce((sum, o) => sum + o.items.length, 0),
    returns: world.returns.length,
    tickets: world.tickets.length,
    messages: world.tickets.reduce((sum, t) => sum + t.messages.length, 0),
    notifications: world.notifications.length,
  };
}

/**
 * Adds `plan.customers` customers and `plan.orders` orders with their items, returns, tickets, messages and
 * notifications. Deterministic for a given plan and starting database.
 *
 * @example
 * const db = openDatabase('data/bench/orders-1000000.db');
 * generateData(db, { customers: 10_000, orders: 1_000_000, heavyCustomerOrders: 1000, password, passwordHash }, (done) => bar.update(done));
 */
export function generateData(db: Database, plan: DataPlan, onProgress?: (ordersDone: number, ordersTotal: number) => void): GeneratedData {
  if (plan.customers < 1 || plan.orders < plan.heavyCustomerOrders) {
    throw new Error(`A plan needs at least one customer and at least ${plan.heavyCustomerOrders} orders.`);
  }
  const random = seededRandom(plan.seed ?? 20240630);
  const batchOrders = plan.batchOrders ?? 20_000;
  const firstCustomer = next(db, 'SELECT max(id) AS highest FROM customers');
  const seq: Sequences = {
    order: next(db, 'SELECT max(seq) AS highest FROM orders', FIRST_ORDER_NUMBER),
    return: next(db, 'SELECT max(seq) AS highest FROM returns'),
    ticket: next(db, 'SELECT max(seq) AS highest FROM tickets'),
    message: next(db, 'SELECT max(seq) AS highest FROM ticket_messages'),
    notification: next(db, 'SELECT max(id) AS highest FROM notifications'),
  };
  const firstOrder = seq.order;
  const others = plan.customers - 1;
  const rest = plan.orders - plan.heavyCustomerOrders;
  const ordersOf = (index: number) =>
    index === 0 ? (others === 0 ? plan.orders : plan.heavyCustomerOrders) : Math.floor(rest / others) + (index - 1 < rest % others ? 1 : 0);

  const counts: DataCounts = { customers: 0, orders: 0, orderItems: 0, returns: 0, tickets: 0, messages: 0, notifications: 0 };
  const hashed = () => plan.passwordHash;
  let index = 0;
  while (index < plan.customers) {
    const batch = emptyWorld();
    while (index < plan.customers && batch.orders.length < batchOrders) {
      const spec = { id: firstCustomer + index, orders: ordersOf(index), tickets: plan.ticketsPerCustomer ?? 3, password: plan.password };
      addCustomer(batch, spec, random, seq);
      index++;
    }
    seedDatabase(db, batch, { hashPassword: hashed });
    for (const [key, value] of Object.entries(countOf(batch))) counts[key as keyof DataCounts] += value;
    onProgress?.(counts.orders, plan.orders);
  }
  return {
    counts,
    heavyCustomer: { id: firstCustomer, email: emailOf(firstCustomer), orders: ordersOf(0) },
    searchTerm: searchTermFor(firstOrder, ordersOf(0)),
  };
}
