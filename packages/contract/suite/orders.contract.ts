/**
 * Orders: the list with every filter, search and page, and each order's detail. On any target the answers
 * must agree with each other; on the seeded hosts they must also be the sample world's.
 */
import { orderStatusFilterValues } from '@customer-portal/sdk';
import { describe, expect, it } from 'vitest';
import { customer, needs, send, session } from '../src/runtime/suite.js';
import { isNewestFirst, orders } from './support/lists.js';
import { answerOf, expectProblem } from './support/problems.js';
import { sampleCustomer } from './support/sample-world.js';

// Every status filter the contract names, but `all`.
const FILTERS = orderStatusFilterValues.filter((s) => s !== 'all').map((s) => [s] as const);

describe('the order list', () => {
  it('lists the customer\u2019s orders, and each one\u2019s detail is the same order', async () => {
    const ali = await customer();
    const { items } = await orders(ali);
    expect(items.length).toBeGreaterThan(0);
    for (const order of items.slice(0, 3)) {
      const { data } = await ali.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: order.id } } });
      expect(data).toEqual(order);
    }
  });

  needs('rules').it('is newest first, and X-Total-Count counts every order', async () => {
    const { items, total } = await orders(await customer());
    expect(isNewestFirst(items, (o) => o.created_at)).toBe(true);
    expect(items.length).toBe(Math.min(total, 100));
  });

  needs('rules').each(FILTERS)('status=%s keeps only the orders with that status', async (filter) => {
    const ali = await customer();
    const all = await orders(ali);
    const filtered = await orders(ali, { status: filter });
    const wanted = filter.toUpperCase();
    expect(filtered.items.every((o) => o.status === wanted)).toBe(true);
    expect(filtered.items.map((o) => o.id)).toEqual(all.items.filter((o) => o.status === wanted).map((o) => o.id));
    expect(filtered.total).toBe(filtered.items.length);
  });

  needs('rules').it('status=all is the same as no filter', async () => {
    const ali = await customer();
    expect(await orders(ali, { status: 'all' })).toEqual(await orders(ali));
  });

  needs('rules').it('search matches part of the order id, case-insensitively', async () => {
    const ali = await customer();
    const [first] = (await orders(ali)).items;
    const part = first!.id.slice(1, 4).toLowerCase();
    const found = await orders(ali, { search: part });
    expect(found.items.map((o) => o.id)).toContain(first!.id);
    expect(found.items.every((o) => o.id.toLowerCase().includes(part))).toBe(true);
    expect(found.total).toBe(found.items.length);
  });

  needs('rules').each([['%'], ['_']])('search treats %s as a literal character, not a wildcard', async (character) => {
    const ali = await customer();
    const all = await orders(ali);
    const found = await orders(ali, { search: character });
    expect(found.items).toEqual(all.items.filter((o) => o.id.includes(character)));
  });

  needs('rules').it('limit and offset page through the same list, with the same X-Total-Count', async () => {
    const ali = await customer();
    const all = await orders(ali);
    const first = await orders(ali, { limit: 2, offset: 0 });
    const second = await orders(ali, { limit: 2, offset: 2 });
    expect([...first.items, ...second.items]).toEqual(all.items.slice(0, 4));
    expect(first.total).toBe(all.total);
    expect(second.total).toBe(all.total);
  });

  needs('rules').it('an offset past the end is an empty page that still counts every order', async () => {
    const ali = await customer();
    const all = await orders(ali);
    const beyond = await orders(ali, { offset: all.total + 10 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(all.total);
  });
});

describe('an order', () => {
  needs('rules').it('an order that does not exist is a 404 problem', async () => {
    const ali = await customer();
    const result = await ali.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: `ORD-NONE-${Date.now()}` } } });
    expectProblem(answerOf(result), 404);
  });

  it('an order id that breaks the schema is a 422', async () => {
    const { token } = await customer();
    expectProblem(await send('GET', `/api/v1/customer/orders/${'X'.repeat(65)}`, { token: token! }), 422);
  });
});

describe('the sample world', () => {
  needs('sample-world').it('the customer has the sample orders, newest first', async () => {
    const { orders: expected } = sampleCustomer(session().target.accounts[0].email);
    const { items, total } = await orders(await customer());
    expect(total).toBe(expected.length);
    expect(items.map((o) => [o.id, o.status, o.total])).toEqual(expected.map((o) => [o.id, o.status, o.total]));
  });

  needs('sample-world').it('ORD123 is the newest order: shipped, 299.99, one pair of Wireless Headphones', async () => {
    const ali = await customer();
    const { data } = await ali.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: 'ORD123' } } });
    expect(data).toMatchObject({ status: 'SHIPPED', total: 299.99, tracking_number: 'TRK123456789' });
    expect(data?.items).toEqual([{ id: 'ITEM1', product_name: 'Wireless Headphones', quantity: 1, price: 299.99, subtotal: 299.99 }]);
  });

  needs('sample-world').it('each status filter finds the sample world\u2019s orders of that status', async () => {
    const { orders: expected } = sampleCustomer(session().target.accounts[0].email);
    const ali = await customer();
    for (const [status] of FILTERS) {
      const { total } = await orders(ali, { status });
      expect(total, status).toBe(expected.filter((o) => o.status === status.toUpperCase()).length);
    }
  });
});
