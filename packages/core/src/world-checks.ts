/**
 * A world's checks: every record against the contract's schemas, and the rules between records that no schema
 * can say (whose order a return is of, when a ticket's messages were written, which orders a notification
 * names). Each breach names its record and field, so that a person can find it in the file.
 */
import type { SampleWorld } from './sample-world-types.js';
import { createSchemaChecker } from './validation.js';

export interface WorldBreach {
  /** Where the record is and what it is, e.g. `orders[3] (ORD120)`. */
  record: string;
  /** The field inside the record, e.g. `items[0].subtotal`; `the record` when the record as a whole. */
  field: string;
  /** A sentence's end: "must be quantity × price (39.98), not 40". */
  message: string;
}

const KINDS = ['customers', 'orders', 'returns', 'tickets', 'notifications'] as const;

/** The statuses of orders whose items may be returned (see requestReturn in openapi.yaml). */
const RETURNABLE = new Set(['DELIVERED', 'RETURNED']);

let check: ReturnType<typeof createSchemaChecker> | undefined;

const cents = (amount: number) => Math.round(amount * 100);

function label(kind: string, index: number, id: unknown): string {
  return `${kind}[${index}] (${String(id)})`;
}

/** Every id a notification's text names: words of letters, digits, hyphens and underscores. */
function wordsOf(text: string): string[] {
  return text.match(/[A-Za-z0-9_-]+/g) ?? [];
}

/**
 * Every way `world` breaks the contract or a rule between its records; empty when it is sound.
 *
 * @example
 * checkWorld(sampleWorld()); // []
 * checkWorld({ ...world, returns: [{ ...ret, order_id: 'ORD999' }] });
 * // [{ record: 'returns[0] (RET1)', field: 'order_id', message: 'names ORD999, which is not an order of this world' }]
 */
export function checkWorld(world: SampleWorld): WorldBreach[] {
  const breaches: WorldBreach[] = [];
  const shapeless = KINDS.filter((kind) => !Array.isArray((world as unknown as Record<string, unknown>)?.[kind]));
  if (shapeless.length > 0) {
    return shapeless.map((kind) => ({ record: kind, field: 'the record', message: 'must be a list of records' }));
  }
  check ??= createSchemaChecker();
  const breach = (record: string, field: string, message: string) => breaches.push({ record, field, message });
  const schema = (name: string, value: unknown, record: string, fieldPrefix = '') => {
    for (const error of check!(name, value)) {
      const inner = error.location === name ? '' : error.location.slice(name.length + 1);
      const field = [fieldPrefix, inner].filter(Boolean).join('.') || 'the record';
      breach(record, field, error.message.replace(/\.$/, ''));
    }
  };
  const unique = <T>(kind: string, values: T[], key: (value: T, index: number) => unknown, field: string) => {
    const seen = new Map<unknown, number>();
    values.forEach((value, index) => {
      const k = key(value, index);
      const first = seen.get(k);
      if (first !== undefined) breach(label(kind, index, k), field, `repeats the ${field} of ${kind}[${first}]`);
      else seen.set(k, index);
    });
  };

  const customers = new Map(world.customers.map((c) => [c.id, c]));
  const orders = new Map(world.orders.map((o) => [o.id, o]));
  const owner = (record: string, customerId: unknown) => {
    if (!customers.has(customerId as number)) breach(record, 'customer_id', `names ${String(customerId)}, which is not a customer of this world`);
  };

  world.customers.forEach((customer, i) => {
    const record = label('customers', i, customer?.email);
    const { password, settings, preferences, ...profile } = customer;
    schema('Profile', { ...profile, preferences, total_orders: 0, total_tickets: 0 }, record);
    schema('Settings', { notifications: settings?.notifications, general: { theme: preferences?.theme, ...settings?.general } }, record, 'settings');
    if (typeof password !== 'string' || password === '') breach(record, 'password', 'must be a non-empty string');
  });
  unique('customers', world.customers, (c) => c.id, 'id');
  unique('customers', world.customers, (c) => String(c.email).toLowerCase(), 'email');

  world.orders.forEach(({ customer_id, shipment, ...order }, i) => {
    const record = label('orders', i, order.id);
    schema('Order', order, record);
    owner(record, customer_id);
    if (shipment !== null && (typeof shipment !== 'object' || shipment === undefined)) breach(record, 'shipment', 'must be an object or null');
    // Sums are checked once every amount is a number; a schema breach above already names one that is not.
    if (!Array.isArray(order.items) || !order.items.every((i) => [i?.quantity, i?.price, i?.subtotal].every(Number.isFinite))) return;
    unique(`orders[${i}].items`, order.items, (item) => item.id, 'id');
    order.items.forEach((item, k) => {
      if (cents(item.subtotal) !== cents(item.quantity * item.price)) {
        breach(record, `items[${k}].subtotal`, `must be quantity × price (${(cents(item.quantity * item.price) / 100).toFixed(2)}), not ${item.subtotal}`);
      }
    });
    const sum = order.items.reduce((total, item) => total + cents(item.subtotal), 0);
    if (Number.isFinite(order.total) && cents(order.total) !== sum) breach(record, 'total', `must be the sum of its items' subtotals (${(sum / 100).toFixed(2)}), not ${order.total}`);
    if (order.estimated_delivery && order.estimated_delivery < order.created_at) breach(record, 'estimated_delivery', 'must not be before created_at');
  });
  unique('orders', world.orders, (o) => o.id, 'id');

  const returned = new Map<string, Map<string, number>>();
  world.returns.forEach((ret, i) => {
    const record = label('returns', i, ret.id);
    schema('Return', ret, record);
    const order = orders.get(ret.order_id);
    if (!order) return breach(record, 'order_id', `names ${ret.order_id}, which is not an order of this world`);
    if (!RETURNABLE.has(order.status)) breach(record, 'order_id', `names ${order.id}, which is ${order.status}: only delivered or returned orders have returns`);
    if (ret.created_at < order.created_at) breach(record, 'created_at', `must not be before its order ${order.id} was placed (${order.created_at})`);
    const names = new Set(order.items.map((item) => item.product_name));
    const earlier = returned.get(order.id) ?? new Map<string, number>();
    returned.set(order.id, earlier);
    (Array.isArray(ret.items) ? ret.items : []).forEach((name, k) => {
      if (!names.has(name)) breach(record, `items[${k}]`, `names "${name}", which is not an item of ${order.id}`);
      const first = earlier.get(name);
      if (first !== undefined) breach(record, `items[${k}]`, `returns "${name}" of ${order.id} again (returns[${first}] has it): one return per item`);
      else earlier.set(name, i);
    });
  });
  unique('returns', world.returns, (r) => r.id, 'id');

  world.tickets.forEach(({ customer_id, ...ticket }, i) => {
    const record = label('tickets', i, ticket.id);
    const messages = Array.isArray(ticket.messages) ? ticket.messages : [];
    // Internal notes are checked as the contract's messages too, as they would be if an agent made them public.
    schema('Ticket', { ...ticket, messages: messages.map((m) => ({ ...m, is_internal: false })) }, record);
    messages.forEach((m, k) => {
      if (typeof m.is_internal !== 'boolean') breach(record, `messages[${k}].is_internal`, 'must be true or false');
      if (m.timestamp < ticket.created_at) breach(record, `messages[${k}].timestamp`, `must not be before the ticket was opened (${ticket.created_at})`);
      if (m.sender_type === 'customer' && m.sender_id !== customer_id) breach(record, `messages[${k}].sender_id`, `must be the ticket's customer (${String(customer_id)})`);
    });
    if (ticket.updated_at < ticket.created_at) breach(record, 'updated_at', 'must not be before created_at');
    owner(record, customer_id);
    if (!ticket.order_id) return;
    const order = orders.get(ticket.order_id);
    if (!order) breach(record, 'order_id', `names ${ticket.order_id}, which is not an order of this world`);
    else if (order.customer_id !== customer_id) breach(record, 'order_id', `names ${order.id} of customer ${order.customer_id}, not of its own customer ${String(customer_id)}`);
  });
  unique('tickets', world.tickets, (t) => t.id, 'id');
  const messageIds = world.tickets.flatMap((t, i) => (Array.isArray(t.messages) ? t.messages.map((m, k) => ({ id: m.id, at: `tickets[${i}].messages[${k}]` })) : []));
  unique('ticket messages', messageIds, (m) => m.id, 'id');

  world.notifications.forEach(({ customer_id, ...notification }, i) => {
    const record = label('notifications', i, notification.id);
    schema('Notification', notification, record);
    owner(record, customer_id);
    for (const word of wordsOf(String(notification.message ?? ''))) {
      const order = orders.get(word);
      if (order && order.customer_id !== customer_id) breach(record, 'message', `names ${word}, an order of customer ${order.customer_id}, not of its own customer ${String(customer_id)}`);
    }
  });
  unique('notifications', world.notifications, (n) => n.id, 'id');
  return breaches;
}

/** One line per breach: `orders[3] (ORD120), field total: must be …`. */
export function describeBreach({ record, field, message }: WorldBreach): string {
  return `${record}, field ${field}: ${message}`;
}
