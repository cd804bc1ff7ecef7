/**
 * Tracking: five fixed steps whose completion follows the order's status (the table in the spec), the
 * current step being the last completed one, and courier details only once the order has shipped.
 */
import type { Order, OrderStatus, OrderTracking } from '@customer-portal/sdk';
import { describe, expect, it } from 'vitest';
import { customer, needs, send, session } from '../src/runtime/suite.js';
import { orders } from './support/lists.js';
import { answerOf, expectProblem } from './support/problems.js';
import { sampleCustomer } from './support/sample-world.js';

const LABELS = ['Order Placed', 'Payment Confirmed', 'Packed', 'Shipped', 'Delivered'];

/** How many steps are completed for each status: the spec's table. */
const COMPLETED: Record<OrderStatus, number> = { PENDING: 1, CANCELLED: 1, PROCESSING: 2, SHIPPED: 4, DELIVERED: 5, RETURNED: 5 };

async function track(orderId: string): Promise<OrderTracking> {
  const ali = await customer();
  const { data, response } = await ali.GET('/api/v1/customer/orders/track/{order_id}', { params: { path: { order_id: orderId } } });
  if (!data) throw new Error(`tracking ${orderId} answered ${response.status}`);
  return data;
}

/** The rules every tracking answer keeps, whatever the order. */
function expectTrackingOf(order: Order, tracking: OrderTracking): void {
  expect(tracking).toMatchObject({ order_id: order.id, status: order.status, tracking_number: order.tracking_number });
  expect(tracking.steps.map((s) => s.label)).toEqual(LABELS);
  const completed = COMPLETED[order.status];
  expect(tracking.steps.map((s) => s.completed)).toEqual(LABELS.map((_, i) => i < completed));
  expect(tracking.steps.map((s) => s.current)).toEqual(LABELS.map((_, i) => i === completed - 1));
  if (['PENDING', 'PROCESSING', 'CANCELLED'].includes(order.status)) {
    expect(tracking.courier_name).toBeNull();
    expect(tracking.courier_contact).toBeNull();
  }
}

describe('tracking an order', () => {
  it('tracks the newest order: its status, five steps in order, the current one the last completed', async () => {
    const [order] = (await orders(await customer(), { limit: 1 })).items;
    expectTrackingOf(order!, await track(order!.id));
  });

  needs('rules').it('follows the spec\u2019s table for every status the customer\u2019s orders have', async () => {
    const { items } = await orders(await customer());
    const oneOfEach = [...new Map(items.map((o) => [o.status, o])).values()];
    for (const order of oneOfEach) expectTrackingOf(order, await track(order.id));
  });

  needs('rules').it('an order that does not exist is a 404 problem', async () => {
    const ali = await customer();
    const result = await ali.GET('/api/v1/customer/orders/track/{order_id}', { params: { path: { order_id: `ORD-NONE-${Date.now()}` } } });
    expectProblem(answerOf(result), 404);
  });

  it('an order id that breaks the schema is a 422', async () => {
    const { token } = await customer();
    expectProblem(await send('GET', `/api/v1/customer/orders/track/${'X'.repeat(65)}`, { token: token! }), 422);
  });
});

describe('the sample world', () => {
  needs('sample-world').it('ORD123 has shipped with FastShip Express and is at Mumbai Hub', async () => {
    expect(await track('ORD123')).toMatchObject({
      status: 'SHIPPED',
      tracking_number: 'TRK123456789',
      current_location: 'Mumbai Hub',
      courier_name: 'FastShip Express',
      courier_contact: '+91-1800-123-4567',
    });
  });

  needs('sample-world').it('a cancelled order has only been placed, and has no courier', async () => {
    const { orders: sample } = sampleCustomer(session().target.accounts[0].email);
    const cancelled = sample.find((o) => o.status === 'CANCELLED')!;
    const tracking = await track(cancelled.id);
    expect(tracking.steps.filter((s) => s.completed).map((s) => s.label)).toEqual(['Order Placed']);
    expect(tracking.courier_name).toBeNull();
  });
});
