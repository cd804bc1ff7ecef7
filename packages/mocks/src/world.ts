/**
 * Worlds: the data a handler set starts from and `reset()` returns to. A world is the sample world of
 * fixtures/ or a function from it, and it is checked when the handlers are made, so a record that breaks the
 * contract fails the test that wrote it, naming the record and the field, instead of a request much later.
 */
import { createSchemaChecker, customerRecordOf, sampleWorld, type SampleWorld } from '@customer-portal/core';

export type { SampleWorld } from '@customer-portal/core';

/** A world, or how to make one from a fresh copy of the sample world (which it may change and return). */
export type WorldOption = SampleWorld | ((sample: SampleWorld) => SampleWorld);

let check: ReturnType<typeof createSchemaChecker> | undefined;

function problemsOf(schema: string, value: unknown, record: string): string[] {
  check ??= createSchemaChecker();
  return check(schema, value).map((e) => `${record}: ${e.location === schema ? 'the record' : e.location.slice(schema.length + 1)} ${e.message}`);
}

function label(kind: string, index: number, id: unknown): string {
  return `world.${kind}[${index}] (${String(id)})`;
}

/** Every way the world breaks the contract or refers to something it does not hold; empty when it is sound. */
function worldProblems(world: SampleWorld): string[] {
  const problems: string[] = [];
  const customers = new Set(world.customers.map((c) => c.id));
  const orders = new Map(world.orders.map((o) => [o.id, o]));
  const owner = (record: string, customerId: unknown) => {
    if (!customers.has(customerId as number)) problems.push(`${record}: customer_id ${String(customerId)} is not a customer in world.customers`);
  };

  world.customers.forEach((customer, i) => {
    const record = label('customers', i, customer.email);
    const { notification_settings, theme, timezone, currency } = customerRecordOf(customer);
    problems.push(...problemsOf('Preferences', customer.preferences, record));
    problems.push(...problemsOf('Settings', { notifications: notification_settings, general: { theme, timezone, currency } }, record));
    if (typeof customer.password !== 'string' || customer.password === '') problems.push(`${record}: password must be a non-empty string`);
  });
  world.orders.forEach(({ customer_id, shipment: _shipment, ...order }, i) => {
    const record = label('orders', i, order.id);
    problems.push(...problemsOf('Order', order, record));
    owner(record, customer_id);
  });
  world.returns.forEach((ret, i) => {
    const record = label('returns', i, ret.id);
    problems.push(...problemsOf('Return', ret, record));
    if (!orders.has(ret.order_id)) problems.push(`${record}: order_id ${ret.order_id} is not an order in world.orders`);
  });
  world.tickets.forEach(({ customer_id, ...ticket }, i) => {
    const record = label('tickets', i, ticket.id);
    const visible = { ...ticket, messages: (ticket.messages ?? []).filter((m) => !m.is_internal) };
    problems.push(...problemsOf('Ticket', visible, record));
    owner(record, customer_id);
    const order = ticket.order_id ? orders.get(ticket.order_id) : undefined;
    if (ticket.order_id && !order) problems.push(`${record}: order_id ${ticket.order_id} is not an order in world.orders`);
    else if (order && order.customer_id !== customer_id) {
      problems.push(`${record}: order_id ${ticket.order_id} belongs to customer ${order.customer_id}, not ${String(customer_id)}`);
    }
  });
  world.notifications.forEach(({ customer_id, ...notification }, i) => {
    const record = label('notifications', i, notification.id);
    problems.push(...problemsOf('Notification', notification, record));
    owner(record, customer_id);
  });
  return problems;
}

/**
 * The world the options describe, checked: each option in turn, starting from a fresh sample world (a function
 * gets the world so far, a world replaces it). Throws an Error listing every record that breaks a schema or
 * names a customer or order the world does not have.
 *
 * @example
 * resolveWorld((w) => ({ ...w, tickets: [] })); // the sample world without tickets
 * resolveWorld(myWorld, scenarios.empty.world); // my world, emptied
 */
export function resolveWorld(...options: (WorldOption | undefined)[]): SampleWorld {
  let world = sampleWorld();
  // The sample world itself is proven against the contract by core's tests: checking it here would only
  // compile the schemas in every process that imports the mocks.
  if (options.every((option) => option === undefined)) return world;
  for (const option of options) {
    if (option) world = typeof option === 'function' ? option(world) : structuredClone(option);
  }
  const problems = worldProblems(world);
  if (problems.length > 0) throw new Error(`The mock world breaks the contract:\n  ${problems.join('\n  ')}`);
  return world;
}
