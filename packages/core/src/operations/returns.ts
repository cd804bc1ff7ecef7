import { ruleViolated, type ApiError } from '../errors.js';
import type { OperationInput, Return } from '../types.js';
import { created, type OperationContext, type OperationResult } from './context.js';
import { orderNotFound } from './orders.js';

/** A return is accepted only for a delivered order, for its own items, and once per item. */
export async function requestReturn(
  { body }: OperationInput<'requestReturn'>,
  { store, customer, now }: OperationContext,
): Promise<OperationResult<Return>> {
  const order = await store.getOrder(customer.id, body.order_id);
  if (!order) throw orderNotFound(body.order_id);
  if (order.status !== 'DELIVERED') {
    throw ruleViolated(
      `Order ${order.id} is ${order.status.toLowerCase()}; only delivered orders can be returned.`,
      [{ location: 'body.order_id', message: 'must be a delivered order' }],
    );
  }

  // Entries name items by product name or by item id; the return records product names.
  const names: string[] = [];
  const unknown: string[] = [];
  for (const entry of body.items) {
    const item = order.items.find((i) => i.id === entry || i.product_name.toLowerCase() === entry.toLowerCase());
    if (!item) unknown.push(entry);
    else if (!names.includes(item.product_name)) names.push(item.product_name);
  }
  if (unknown.length > 0) {
    throw ruleViolated(
      `${quoteList(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not in order ${order.id}.`,
      unknown.map((entry) => ({ location: `body.items.${body.items.indexOf(entry)}`, message: `is not in order ${order.id}` })),
    );
  }

  // Checked here for the common case, and again by the store inside its write (two requests, or two server
  // processes, may pass this check at the same time: issue 16).
  const already = new Set(await store.returnedItems(customer.id, order.id));
  const repeated = names.filter((name) => already.has(name));
  if (repeated.length > 0) throw itemsAlreadyReturned(order.id, repeated);

  const created_ = await store.createReturn(customer.id, {
    order_id: order.id,
    items: names,
    reason: body.reason,
    description: body.description ?? null,
    created_at: now(),
  });
  return created(created_);
}

/**
 * The refusal of a return for items that already have one. Stores throw it too, from inside the write that
 * would have recorded the second return.
 *
 * @example
 * throw itemsAlreadyReturned('ORD122', ['Wireless Mouse']);
 */
export function itemsAlreadyReturned(orderId: string, repeated: string[]): ApiError {
  return ruleViolated(`A return has already been requested for ${quoteList(repeated)} of order ${orderId}.`, [
    { location: 'body.items', message: 'must not repeat an item that already has a return request' },
  ]);
}

function quoteList(values: string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}
