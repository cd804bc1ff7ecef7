/**
 * Finding an item that can still be returned. A deployment may have had returns requested by earlier runs,
 * so the journeys do not name one: they ask, item by item of the delivered orders, until one is accepted.
 * Every refusal on the way must be the documented 422.
 */
import type { Order, OrderItem, PortalClient, Return } from '@customer-portal/sdk';
import { expect } from 'vitest';
import { orders } from './lists.js';

export interface AcceptedReturn {
  order: Order;
  item: OrderItem;
  created: Return;
}

/**
 * Requests a return of the first item that has none yet, naming it by product name or by item id.
 *
 * @example
 * const { order, item, created } = await returnFirstReturnableItem(ali, 'product name');
 */
export async function returnFirstReturnableItem(portal: PortalClient, by: 'product name' | 'item id'): Promise<AcceptedReturn> {
  const delivered = await orders(portal, { status: 'delivered' });
  for (const order of delivered.items) {
    for (const item of order.items) {
      const body = {
        order_id: order.id,
        items: [by === 'item id' ? item.id : item.product_name],
        reason: 'Contract suite: product is defective',
        description: 'Requested by the contract suite.',
      };
      const { data, error, response } = await portal.POST('/api/v1/customer/orders/return', { body });
      if (data) return { order, item, created: data };
      expect(response.status, JSON.stringify(error)).toBe(422);
    }
  }
  throw new Error(
    'Precondition: the customer has no delivered order with an item that can still be returned. Use an account with one (see the README).',
  );
}
