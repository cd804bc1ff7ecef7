/**
 * Returns: accepted (201, REQUESTED) only for an item of a delivered order that has no return yet; every
 * other request is a 422 that says which rule it broke, or a 404 for an order the customer does not have.
 */
import { describe, expect, it } from 'vitest';
import { customer, needs, send } from '../src/runtime/suite.js';
import { orders } from './support/lists.js';
import { answerOf, expectProblem } from './support/problems.js';
import { returnFirstReturnableItem } from './support/returns.js';

const RETURN_PATH = '/api/v1/customer/orders/return';

describe('requesting a return', () => {
  needs('stateful', 'rules').it('an item of a delivered order is accepted once: 201, REQUESTED, then a 422 if asked again', async () => {
    const ali = await customer();
    const { order, item, created } = await returnFirstReturnableItem(ali, 'product name');
    expect(order.status).toBe('DELIVERED');
    expect(created).toMatchObject({
      order_id: order.id,
      items: [item.product_name],
      reason: 'Contract suite: product is defective',
      description: 'Requested by the contract suite.',
      status: 'REQUESTED',
    });
    const again = await ali.POST(RETURN_PATH, { body: { order_id: order.id, items: [item.product_name], reason: 'Asking again' } });
    expectProblem(answerOf(again), 422, 'body.items');
    expect(again.error?.detail).toContain(item.product_name);
  });

  needs('stateful', 'rules').it('an item named by its id is recorded by its product name', async () => {
    const { item, created } = await returnFirstReturnableItem(await customer(), 'item id');
    expect(created.items).toEqual([item.product_name]);
  });

  needs('rules').it('an order that is not delivered is a 422 naming body.order_id', async () => {
    const ali = await customer();
    const notDelivered = (await orders(ali)).items.find((o) => o.status !== 'DELIVERED');
    if (!notDelivered) throw new Error('Precondition: the customer needs an order that is not delivered.');
    const result = await ali.POST(RETURN_PATH, { body: { order_id: notDelivered.id, items: [notDelivered.items[0]!.product_name], reason: 'Not wanted' } });
    expectProblem(answerOf(result), 422, 'body.order_id');
  });

  needs('rules').it('an item that is not in the order is a 422 naming it', async () => {
    const ali = await customer();
    const [delivered] = (await orders(ali, { status: 'delivered', limit: 1 })).items;
    if (!delivered) throw new Error('Precondition: the customer needs a delivered order.');
    const result = await ali.POST(RETURN_PATH, { body: { order_id: delivered.id, items: ['No such product'], reason: 'Not wanted' } });
    expectProblem(answerOf(result), 422, 'body.items.0');
    expect(result.error?.detail).toContain('No such product');
  });

  needs('rules').it('an order that does not exist is a 404 problem', async () => {
    const ali = await customer();
    const result = await ali.POST(RETURN_PATH, { body: { order_id: `ORD-NONE-${Date.now()}`, items: ['Anything'], reason: 'Not wanted' } });
    expectProblem(answerOf(result), 404);
  });

  it('a request without items is a 422', async () => {
    const { token } = await customer();
    const answer = await send('POST', RETURN_PATH, {
      token: token!,
      contentType: 'application/json',
      body: JSON.stringify({ order_id: 'ORD118', items: [], reason: 'Not wanted' }),
    });
    expectProblem(answer, 422);
  });
});

describe('the sample world', () => {
  needs('sample-world').it('ORD123 has shipped, so it cannot be returned yet', async () => {
    const result = await (await customer()).POST(RETURN_PATH, { body: { order_id: 'ORD123', items: ['Wireless Headphones'], reason: 'Not wanted' } });
    expectProblem(answerOf(result), 422, 'body.order_id');
  });

  needs('sample-world').it('the Watch Strap of ORD121 already had a return (rejected), so it is refused', async () => {
    const result = await (await customer()).POST(RETURN_PATH, { body: { order_id: 'ORD121', items: ['Watch Strap'], reason: 'Trying again' } });
    expectProblem(answerOf(result), 422, 'body.items');
  });
});
