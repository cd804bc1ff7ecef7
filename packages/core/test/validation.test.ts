/**
 * Response checks remember the immutable values that passed (a host may hand the same frozen page to every
 * request); everything that can still change, and everything that breaks the contract, is checked each time.
 */
import { describe, expect, it } from 'vitest';
import { createContractValidator, createMemoryStore, type Order } from '../src/index.js';

const validator = createContractValidator();
const headers = { 'Content-Type': 'application/json', 'X-Total-Count': '12' };

async function ordersOfAli(): Promise<Order[]> {
  return (await createMemoryStore().listOrders(1, { limit: 50, offset: 0 })).items;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('response checks', () => {
  it('check again a page frozen only at the top, whose orders can still change', async () => {
    const orders = await ordersOfAli();
    const page = Object.freeze(orders);
    expect(validator.checkResponse('listOrders', 200, headers, page)).toEqual([]);
    (orders[0] as { total: unknown }).total = 'free';
    expect(validator.checkResponse('listOrders', 200, headers, page)).toEqual([{ location: 'response.body.0.total', message: 'Total must be a number.' }]);
  });

  it('report a deeply frozen page that breaks the contract on every response', async () => {
    const orders = await ordersOfAli();
    (orders[0] as { total: unknown }).total = -1;
    const page = deepFreeze(orders);
    const expected = [{ location: 'response.body.0.total', message: 'Total must be at least 0.' }];
    expect(validator.checkResponse('listOrders', 200, headers, page)).toEqual(expected);
    expect(validator.checkResponse('listOrders', 200, headers, page)).toEqual(expected);
  });

  it('still check the headers of every response with a deeply frozen page that passed', async () => {
    const page = deepFreeze(await ordersOfAli());
    expect(validator.checkResponse('listOrders', 200, headers, page)).toEqual([]);
    expect(validator.checkResponse('listOrders', 200, { 'Content-Type': 'application/json' }, page)).toEqual([
      { location: 'response.headers.X-Total-Count', message: 'The X-Total-Count header is required.' },
    ]);
  });

  it('check a deeply frozen value that passed one schema against another one afresh', async () => {
    const page = deepFreeze(await ordersOfAli());
    expect(validator.checkResponse('listOrders', 200, headers, page)).toEqual([]);
    expect(validator.checkResponse('getOrder', 200, headers, page)).not.toEqual([]);
  });
});
