/**
 * One generated customer with their orders, items, returns, tickets, messages and notifications, as a slice
 * of a SampleWorld: the shape the server's own seedDatabase() writes, so generated data goes through exactly
 * the code (and schema) the fixtures go through.
 */
import type { SampleOrder, SampleTicket, SampleWorld } from '@customer-portal/core';
import { AGENTS, COURIER, DAY_MS, NEWEST_ORDER_MS, PRODUCTS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_SUBJECTS, timestamp } from './catalogue.js';
import type { Random } from './random.js';

/** The next number of each id sequence; advanced as rows are made. */
export interface Sequences {
  order: number;
  return: number;
  ticket: number;
  message: number;
  notification: number;
}

export interface CustomerSpec {
  id: number;
  orders: number;
  tickets: number;
  /** The plain password seedDatabase hands to its hashPassword option. */
  password: string;
}

export function emailOf(customerId: number): string {
  return `customer${customerId}@bench.example.com`;
}

/** Newest orders may still be on their way; older ones are mostly delivered. */
function orderStatus(age: number, random: Random): SampleOrder['status'] {
  if (age === 0) return random.pick(['PENDING', 'PROCESSING', 'SHIPPED'] as const);
  if (age < 3) return random.pick(['SHIPPED', 'DELIVERED'] as const);
  const r = random.next();
  return r < 0.78 ? 'DELIVERED' : r < 0.9 ? 'CANCELLED' : 'RETURNED';
}

/**
 * Appends one customer and everything they own to `world`.
 *
 * @example
 * addCustomer(batch, { id: 3, orders: 1000, tickets: 3, password: 'customer123' }, random, sequences);
 */
export function addCustomer(world: SampleWorld, spec: CustomerSpec, random: Random, seq: Sequences): void {
  const name = `Bench Customer ${spec.id}`;
  world.customers.push({
    id: spec.id,
    email: emailOf(spec.id),
    password: spec.password,
    full_name: name,
    avatar: null,
    member_since: timestamp(NEWEST_ORDER_MS - 4 * 365 * DAY_MS),
    preferences: { language: 'en', notifications: true, theme: 'system' },
    settings: {
      notifications: { email: true, order_updates: true, refund_updates: true, support_replies: true },
      general: { timezone: 'UTC+0', currency: 'USD' },
    },
  });
  // About three years of orders, newest first; a per-customer offset keeps customers' timestamps apart.
  const spacing = Math.max(60_000, Math.floor((3 * 365 * DAY_MS) / Math.max(spec.orders, 1)));
  const newest = NEWEST_ORDER_MS - (spec.id % 1440) * 60_000;
  const orderIds: string[] = [];
  for (let age = 0; age < spec.orders; age++) {
    orderIds.push(addOrder(world, spec.id, newest - age * spacing, orderStatus(age, random), random, seq));
  }
  for (let t = 0; t < spec.tickets; t++) addTicket(world, spec.id, name, orderIds, newest - t * 7 * DAY_MS, random, seq);
  for (let n = 0; n < 3; n++) {
    world.notifications.push({
      customer_id: spec.id,
      id: seq.notification++,
      title: 'Order Update',
      message: orderIds[n] ? `Your order ${orderIds[n]} has an update` : 'Welcome to the customer portal!',
      type: 'ORDER',
      read: n > 0,
      timestamp: timestamp(newest - n * DAY_MS),
    });
  }
}

function addOrder(world: SampleWorld, customerId: number, createdMs: number, status: SampleOrder['status'], random: Random, seq: Sequences): string {
  const number = seq.order++;
  const id = `ORD${number}`;
  const itemCount = 1 + (random.next() < 0.3 ? 1 : 0) + (random.next() < 0.1 ? 1 : 0);
  const items = Array.from({ length: itemCount }, (_, k) => {
    const product = PRODUCTS[(number + k * 5) % PRODUCTS.length]!;
    const quantity = random.int(1, 3);
    // Money in whole cents until the end, so that totals add up to the cent.
    return { id: k === 0 ? `ITEM${number}` : `ITEM${number}-${k + 1}`, product_name: product.name, quantity, cents: product.cents };
  });
  const totalCents = items.reduce((sum, item) => sum + item.cents * item.quantity, 0);
  const shipped = status === 'SHIPPED' || status === 'DELIVERED' || status === 'RETURNED';
  world.orders.push({
    customer_id: customerId,
    id,
    status,
    total: totalCents / 100,
    created_at: timestamp(createdMs),
    estimated_delivery: status === 'CANCELLED' ? null : timestamp(createdMs + 5 * DAY_MS),
    tracking_number: shipped ? `TRK${number}` : null,
    items: items.map(({ cents, ...item }) => ({ ...item, price: cents / 100, subtotal: (cents * item.quantity) / 100 })),
    shipment: shipped
      ? { current_location: status === 'SHIPPED' ? 'Mumbai Hub' : 'Delivered, Mumbai', courier_name: COURIER.name, courier_contact: COURIER.contact }
      : null,
  });
  // Every returned order was refunded; a few delivered ones have a return still pending.
  const returnStatus = status === 'RETURNED' ? 'REFUNDED' : status === 'DELIVERED' && random.next() < 0.02 ? 'REQUESTED' : undefined;
  if (returnStatus) {
    world.returns.push({
      id: `RET${seq.return++}`,
      order_id: id,
      items: [items[0]!.product_name],
      reason: 'Not as described',
      description: null,
      status: returnStatus,
      created_at: timestamp(createdMs + 8 * DAY_MS),
    });
  }
  return id;
}

function addTicket(world: SampleWorld, customerId: number, name: string, orderIds: string[], createdMs: number, random: Random, seq: Sequences): void {
  const agent = random.pick(AGENTS);
  const at = (hours: number) => timestamp(createdMs + hours * 3_600_000);
  const message = (sender: { id: number; name: string }, sender_type: 'customer' | 'agent', content: string, is_internal: boolean) => ({
    id: `MSG${seq.message++}`,
    sender_id: sender.id,
    sender_name: sender.name,
    sender_type,
    content,
    is_internal,
  });
  const messages: SampleTicket['messages'] = [
    { ...message({ id: customerId, name }, 'customer', 'Could you help me with this, please?', false), timestamp: at(0) },
  ];
  // One ticket in five carries an agent's internal note, which the API must never return.
  if (random.next() < 0.2) messages.push({ ...message(agent, 'agent', 'Checked with the courier; nothing to escalate.', true), timestamp: at(1) });
  messages.push({ ...message(agent, 'agent', 'Thank you for writing; we are on it.', false), timestamp: at(messages.length) });
  world.tickets.push({
    customer_id: customerId,
    id: `TKT${seq.ticket++}`,
    subject: random.pick(TICKET_SUBJECTS),
    status: random.pick(TICKET_STATUSES),
    priority: random.pick(TICKET_PRIORITIES),
    order_id: random.next() < 0.6 && orderIds.length > 0 ? orderIds[random.int(0, Math.min(orderIds.length, 10) - 1)]! : null,
    created_at: at(0),
    updated_at: messages.at(-1)!.timestamp,
    messages,
  });
}
