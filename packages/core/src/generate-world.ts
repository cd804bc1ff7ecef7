/**
 * Worlds of any size from a seed: realistic customers, orders, returns, tickets and notifications that keep
 * every rule between records (see world-checks.ts). No clock and no environment: one seed gives one world,
 * byte for byte, in a browser as in Node. Records come one at a time, so that a million orders can stream
 * into a database without ever being one value.
 */
import type { SampleCustomer, SampleNotification, SampleOrder, SampleTicket, SampleWorld } from './sample-world-types.js';
import { seededRandom } from './seeded-random.js';
import type { Return } from './types.js';

export type WorldRecord =
  | { kind: 'customers'; record: SampleCustomer }
  | { kind: 'orders'; record: SampleOrder }
  | { kind: 'returns'; record: Return }
  | { kind: 'tickets'; record: SampleTicket }
  | { kind: 'notifications'; record: SampleNotification };

/** The first number of each kind of id (customer 1, ORD1000, RET1, TKT1, MSG1, notification 1 by default). */
export interface FirstNumbers {
  customer: number;
  order: number;
  return: number;
  ticket: number;
  message: number;
  notification: number;
}

export interface GenerateWorldOptions {
  /** Any whole number: the same seed gives the same world. */
  seed: number;
  customers: number;
  /** Orders of each customer: drawn from [min, max] (default [3, 12]), or given per customer (by index from 0). */
  ordersPerCustomer?: readonly [min: number, max: number] | ((index: number) => number);
  /** The password of every generated customer (default `customer123`): one password, one hash to seed. */
  password?: string;
  /** Where ids start, e.g. `numbersAfter(sampleWorld())` to add the records to the sample world. */
  firstNumbers?: Partial<FirstNumbers>;
}

export const GENERATED_PASSWORD = 'customer123';

/** The newest moment of every generated world: a fixed date, never the clock. */
const NEWEST_MS = Date.parse('2024-06-30T12:00:00Z');
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const FIRST_NAMES = ['Aisha', 'Arjun', 'Chen', 'Diego', 'Elena', 'Fatima', 'Hana', 'Ivan', 'Jonas', 'Kofi', 'Leila', 'Mateo',
  'Meera', 'Noah', 'Olga', 'Priya', 'Omar', 'Rosa', 'Sofia', 'Tariq', 'Uma', 'Yusuf', 'Zara', 'Lucas'] as const;
const LAST_NAMES = ['Ahmed', 'Bauer', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hassan', 'Ito', 'Jensen', 'Kapoor',
  'Larsen', 'Mensah', 'Nakamura', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Silva', 'Tanaka', 'Usman', 'Varga', 'Weber', 'Yilmaz'] as const;
const PRODUCTS = [
  ['Wireless Headphones', 29999], ['Smartphone Case', 1999], ['USB-C Cable', 1250], ['Watch Strap', 2499],
  ['Running Shoes', 12995], ['Gaming Mouse', 4999], ['Laptop Stand', 3499], ['Desk Lamp', 2750],
  ['Mechanical Keyboard', 8999], ['Water Bottle', 1599], ['Yoga Mat', 2999], ['Coffee Grinder', 5499],
  ['Ceramic Vase', 3900], ['Backpack', 6450], ['Bluetooth Speaker', 7999], ['Phone Charger', 1899],
  ['Sunglasses', 4200], ['Notebook Set', 1150], ['Cast Iron Pan', 4599], ['Fitness Tracker', 9999],
] as const;
const PLACES = ['Mumbai Hub', 'Delhi Sorting Centre', 'Bengaluru Hub', 'Dubai Gateway', 'Frankfurt Hub', 'Chennai Hub'] as const;
const COURIERS = [['FastShip Express', '+91-1800-123-4567'], ['BlueDart', '+91-1860-233-1234'], ['Aramex', '+971-600-544000']] as const;
const AGENTS = [{ id: 101, name: 'Priya Sharma' }, { id: 102, name: 'Rahul Mehta' }, { id: 103, name: 'Anna Schmidt' }] as const;
const RETURN_REASONS = ['Wrong size', 'Arrived damaged', 'Not as described', 'Changed my mind', 'Stopped working'] as const;
const SUBJECTS = ['Where is my order?', 'Product inquiry', 'Change delivery address', 'Invoice copy', 'Item arrived damaged', 'Refund status'] as const;
const LANGUAGES = ['en', 'en-GB', 'hi', 'ar', 'de', 'es'] as const;
const TIMEZONES = ['UTC+0', 'UTC+1', 'UTC+4', 'UTC+5:30', 'UTC-5', 'UTC+9'] as const;
const CURRENCIES = ['USD', 'EUR', 'INR', 'AED', 'GBP'] as const;
const THEMES = ['light', 'dark', 'system'] as const;

/** RFC 3339 UTC without milliseconds, as the fixtures write timestamps. */
const timestamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/**
 * The first numbers that follow every id of `world`, so that generated records can be added to it.
 *
 * @example
 * generateWorldRecords({ seed: 1, customers: 10, firstNumbers: numbersAfter(sampleWorld()) });
 */
export function numbersAfter(world: SampleWorld): FirstNumbers {
  const after = (ids: (string | number)[]) => Math.max(0, ...ids.map((id) => Number(String(id).replace(/^\D+/, '')) || 0)) + 1;
  return {
    customer: after(world.customers.map((c) => c.id)),
    order: after(world.orders.map((o) => o.id)),
    return: after(world.returns.map((r) => r.id)),
    ticket: after(world.tickets.map((t) => t.id)),
    message: after(world.tickets.flatMap((t) => t.messages.map((m) => m.id))),
    notification: after(world.notifications.map((n) => n.id)),
  };
}

function ordersCount(options: GenerateWorldOptions, random: () => number): (index: number) => number {
  const per = options.ordersPerCustomer ?? [3, 12];
  if (typeof per === 'function') return per;
  const [min, max] = per;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) {
    throw new RangeError(`ordersPerCustomer must be two whole numbers MIN..MAX with 0 <= MIN <= MAX, not ${min}..${max}.`);
  }
  return () => min + Math.floor(random() * (max - min + 1));
}

/**
 * The world of `options`, record by record: each customer, then that customer's orders, returns, tickets and
 * notifications. Within a kind, records come oldest first.
 *
 * @example
 * for (const { kind, record } of generateWorldRecords({ seed: 7, customers: 10_000 })) insert(kind, record);
 */
export function* generateWorldRecords(options: GenerateWorldOptions): Generator<WorldRecord> {
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be a whole number, not ${options.seed}.`);
  if (!Number.isInteger(options.customers) || options.customers < 0) {
    throw new RangeError(`customers must be a whole number of 0 or more, not ${options.customers}.`);
  }
  const random = seededRandom(options.seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const chance = (p: number) => random() < p;
  const countOf = ordersCount(options, random);
  const password = options.password ?? GENERATED_PASSWORD;
  const next = { customer: 1, order: 1000, return: 1, ticket: 1, message: 1, notification: 1, ...options.firstNumbers };

  for (let index = 0; index < options.customers; index++) {
    const id = next.customer++;
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const name = `${first} ${last}`;
    const memberSince = NEWEST_MS - (180 + Math.floor(random() * 4 * 365)) * DAY_MS - Math.floor(random() * 24) * HOUR_MS;
    const theme = pick(THEMES);
    const customer: SampleCustomer = {
      id,
      email: `${first}.${last}.${id}@example.com`.toLowerCase(),
      password,
      full_name: name,
      avatar: chance(0.3) ? `https://avatars.example.com/${id}.png` : null,
      member_since: timestamp(memberSince),
      preferences: { language: pick(LANGUAGES), notifications: chance(0.85), theme },
      settings: {
        notifications: { email: chance(0.9), order_updates: chance(0.9), refund_updates: chance(0.8), support_replies: chance(0.9) },
        general: { timezone: pick(TIMEZONES), currency: pick(CURRENCIES) },
      },
    };
    yield { kind: 'customers', record: customer };

    // Orders spread from a day after sign-up to the newest moment, one per slot, so no two share a minute.
    const count = countOf(index);
    const span = NEWEST_MS - DAY_MS - (memberSince + DAY_MS);
    const slot = Math.max(HOUR_MS, Math.floor(span / Math.max(count, 1) / 60_000) * 60_000);
    const orders: SampleOrder[] = [];
    const returns: Return[] = [];
    for (let k = 0; k < count; k++) {
      const created = NEWEST_MS - (count - k) * slot + Math.floor(random() * (slot / 60_000)) * 60_000;
      const order = makeOrder(next.order++, id, created, count - 1 - k);
      orders.push(order);
      const ret = returnOf(order);
      if (ret) returns.push(ret);
    }
    for (const record of orders) yield { kind: 'orders', record };
    for (const record of returns) yield { kind: 'returns', record };

    const tickets = ticketsOf(id, name, memberSince, orders);
    for (const record of tickets) yield { kind: 'tickets', record };
    for (const record of notificationsOf(id, first, memberSince, orders, tickets)) yield { kind: 'notifications', record };
  }

  /** `fromNewest` 0 is the customer's newest order: only the newest few are still on their way. */
  function makeOrder(number: number, customerId: number, created: number, fromNewest: number): SampleOrder {
    const r = random();
    const status: SampleOrder['status'] =
      fromNewest === 0 ? pick(['PENDING', 'PROCESSING', 'SHIPPED', 'DELIVERED'] as const)
      : fromNewest < 3 ? (r < 0.4 ? 'SHIPPED' : 'DELIVERED')
      : r < 0.76 ? 'DELIVERED' : r < 0.88 ? 'CANCELLED' : 'RETURNED';
    // Distinct products, so that a return names each item once.
    const first = Math.floor(random() * PRODUCTS.length);
    const itemCount = 1 + (chance(0.35) ? 1 + Math.floor(random() * 3) : 0);
    const items = Array.from({ length: itemCount }, (_, k) => {
      const [product_name, cents] = PRODUCTS[(first + k * 7) % PRODUCTS.length]!;
      const quantity = chance(0.8) ? 1 : 2 + Math.floor(random() * 2);
      return { id: `ITEM${number}-${k + 1}`, product_name, quantity, price: cents / 100, subtotal: (cents * quantity) / 100 };
    });
    const shipped = status === 'SHIPPED' || status === 'DELIVERED' || status === 'RETURNED';
    const [courier_name, courier_contact] = pick(COURIERS);
    return {
      customer_id: customerId,
      id: `ORD${number}`,
      status,
      // Summed in whole cents, so that the total is its items' subtotals to the cent.
      total: items.reduce((sum, item) => sum + Math.round(item.subtotal * 100), 0) / 100,
      created_at: timestamp(created),
      estimated_delivery: status === 'CANCELLED' ? null : timestamp(created + (3 + Math.floor(random() * 5)) * DAY_MS),
      tracking_number: shipped ? `TRK${String(number).padStart(9, '0')}` : null,
      items,
      shipment: shipped
        ? { current_location: status === 'SHIPPED' ? pick(PLACES) : `Delivered, ${pick(PLACES).split(' ')[0]}`, courier_name, courier_contact }
        : null,
    };
  }

  /** Every returned order was refunded; a few delivered ones have a return for one item, in any state. */
  function returnOf(order: SampleOrder): Return | undefined {
    const at = Date.parse(order.created_at) + (8 + Math.floor(random() * 10)) * DAY_MS;
    const base = { order_id: order.id, reason: pick(RETURN_REASONS), created_at: timestamp(at) };
    if (order.status === 'RETURNED') {
      return { id: `RET${next.return++}`, ...base, items: order.items.map((i) => i.product_name), description: null, status: 'REFUNDED' };
    }
    if (order.status !== 'DELIVERED' || !chance(0.08)) return undefined;
    const status = pick(['REQUESTED', 'APPROVED', 'REJECTED', 'REFUNDED'] as const);
    return { id: `RET${next.return++}`, ...base, items: [pick(order.items).product_name], description: chance(0.5) ? 'Please see the photos I can send.' : null, status };
  }

  function ticketsOf(customerId: number, name: string, memberSince: number, orders: SampleOrder[]): SampleTicket[] {
    const count = Math.floor(random() * 4);
    const span = NEWEST_MS - memberSince - 2 * DAY_MS;
    const tickets: SampleTicket[] = [];
    for (let k = 0; k < count; k++) {
      const opened = memberSince + DAY_MS + Math.floor(((k + random()) * span) / count / 60_000) * 60_000;
      // About an order the customer had placed by then, or about nothing in particular.
      const placed = orders.filter((o) => Date.parse(o.created_at) < opened);
      const about = placed.length > 0 && chance(0.6) ? pick(placed) : undefined;
      const status = pick(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const);
      const agent = pick(AGENTS);
      const messages: SampleTicket['messages'] = [
        { id: `MSG${next.message++}`, sender_id: customerId, sender_name: name, sender_type: 'customer', is_internal: false, timestamp: timestamp(opened),
          content: about ? `Could you help me with my order ${about.id}, please?` : 'Could you help me with this, please?' },
      ];
      if (status !== 'OPEN') {
        // Agents' internal notes, which the API never returns, come before their reply.
        if (chance(0.4)) messages.push({ id: `MSG${next.message++}`, sender_id: agent.id, sender_name: agent.name, sender_type: 'agent', is_internal: true, timestamp: timestamp(opened + HOUR_MS), content: 'Checked with the courier.' });
        messages.push({ id: `MSG${next.message++}`, sender_id: agent.id, sender_name: agent.name, sender_type: 'agent', is_internal: false, timestamp: timestamp(opened + 2 * HOUR_MS), content: 'Thank you for writing; we are on it.' });
      }
      tickets.push({
        customer_id: customerId,
        id: `TKT${next.ticket++}`,
        subject: pick(SUBJECTS),
        status,
        priority: pick(['LOW', 'MEDIUM', 'HIGH'] as const),
        order_id: about?.id ?? null,
        created_at: timestamp(opened),
        updated_at: messages.at(-1)!.timestamp,
        messages,
      });
    }
    return tickets;
  }

  function notificationsOf(customerId: number, first: string, memberSince: number, orders: SampleOrder[], tickets: SampleTicket[]): SampleNotification[] {
    const notification = (title: string, message: string, type: SampleNotification['type'], at: string): SampleNotification => ({
      customer_id: customerId, id: 0, title, message, type, read: false, timestamp: at,
    });
    const all = [notification('Welcome', `Welcome to the customer portal, ${first}!`, 'ACCOUNT', timestamp(memberSince))];
    const WORDS: Partial<Record<SampleOrder['status'], string>> = { PENDING: 'was received', PROCESSING: 'is being prepared', SHIPPED: 'has been shipped', DELIVERED: 'was delivered', RETURNED: 'was returned' };
    for (const order of orders.slice(-3)) {
      const words = WORDS[order.status];
      if (words) all.push(notification(order.status === 'DELIVERED' ? 'Order Delivered' : 'Order Update', `Your order ${order.id} ${words}`, 'ORDER', timestamp(Date.parse(order.created_at) + HOUR_MS)));
    }
    for (const ticket of tickets) {
      const reply = ticket.messages.filter((m) => m.sender_type === 'agent' && !m.is_internal).at(-1);
      if (reply) all.push(notification('New reply on your ticket', `${reply.sender_name} replied to ${ticket.id}: ${ticket.subject}`, 'TICKET', reply.timestamp));
    }
    // Oldest first, numbered in that order; all but the newest two read.
    all.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    all.forEach((n, k) => {
      n.id = next.notification++;
      n.read = k < all.length - 2;
    });
    return all;
  }
}

/**
 * The whole world of `options` at once: what `generate` writes to a file.
 *
 * @example
 * const world = generateWorld({ seed: 7, customers: 1, ordersPerCustomer: [300, 300] });
 */
export function generateWorld(options: GenerateWorldOptions): SampleWorld {
  const world: SampleWorld = { customers: [], orders: [], returns: [], tickets: [], notifications: [] };
  for (const { kind, record } of generateWorldRecords(options)) (world[kind] as unknown[]).push(record);
  return world;
}
