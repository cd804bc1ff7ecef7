import type { Order } from '@customer-portal/sdk';

/**
 * Why an order cannot be returned, in the customer's words, or `undefined` when it can. The API applies the
 * same rule (only delivered orders) and says so itself when asked anyway; this only spares the customer a form
 * that cannot succeed.
 */
export function whyNotReturnable(order: Order): string | undefined {
  switch (order.status) {
    case 'DELIVERED':
      return undefined;
    case 'RETURNED':
      return `Order ${order.id} has already been returned.`;
    case 'CANCELLED':
      return `Order ${order.id} was cancelled, so there is nothing to return.`;
    default:
      return `Order ${order.id} is ${order.status.toLowerCase()}: only delivered orders can be returned. You can ask for a return once it has arrived.`;
  }
}
