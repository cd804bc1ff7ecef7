import { totalCount } from '@customer-portal/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../src/create-handlers.js';
import { setupPortalServer } from '../src/node.js';
import type { SampleWorld } from '../src/world.js';
import { ALI, MOCK_URL, signedIn } from './accounts.js';

/** 300 delivered orders for Ali, numbered ORD1000 to ORD1299, each a copy of his first sample order. */
function aliWith300Orders(world: SampleWorld): SampleWorld {
  const [template] = world.orders.filter((o) => o.customer_id === 1);
  const many = Array.from({ length: 300 }, (_, i) => ({
    ...template!,
    id: `ORD${1000 + i}`,
    status: 'DELIVERED' as const,
    created_at: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString().replace('.000', ''),
  }));
  return { ...world, orders: [...world.orders.filter((o) => o.customer_id !== 1), ...many], returns: [], tickets: world.tickets.map((t) => ({ ...t, order_id: null })) };
}

describe('a world of the test’s own', () => {
  const server = setupPortalServer({ baseUrl: MOCK_URL, world: aliWith300Orders });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetState());
  afterAll(() => server.close());

  it('gives a customer 300 orders to page through', async () => {
    const ali = await signedIn(ALI);
    const third = await ali.GET('/api/v1/customer/orders', { params: { query: { limit: 100, offset: 200 } } });
    expect(totalCount(third.response)).toBe(300);
    expect(third.data).toHaveLength(100);
    expect(third.data?.at(-1)?.id).toBe('ORD1000'); // newest first: the first-made is last
  });

  it('goes back to the same world, not the fixtures, on resetState()', async () => {
    const ali = await signedIn(ALI);
    await ali.POST('/api/v1/customer/tickets', { body: { subject: 'Where is ORD1299?', description: 'Late.' } });
    server.resetState();
    const again = await signedIn(ALI);
    expect(totalCount((await again.GET('/api/v1/customer/orders')).response)).toBe(300);
    expect(totalCount((await again.GET('/api/v1/customer/tickets')).response)).toBe(5);
  });
});

describe('a world that breaks the contract', () => {
  it.each([
    [
      'an order whose total is not a number',
      (w: SampleWorld) => ({ ...w, orders: [{ ...w.orders[0]!, total: 'free' as never }, ...w.orders.slice(1)] }),
      'orders[0] (ORD123), field total: Total must be a number',
    ],
    [
      'a ticket of a customer who does not exist',
      (w: SampleWorld) => ({ ...w, tickets: [...w.tickets, { ...w.tickets[0]!, id: 'TKT999', customer_id: 42 }] }),
      'tickets[7] (TKT999), field customer_id: names 42, which is not a customer of this world',
    ],
    [
      'a return for an order that does not exist',
      (w: SampleWorld) => ({ ...w, returns: [{ ...w.returns[0]!, order_id: 'ORD999' }] }),
      'returns[0] (RET1), field order_id: names ORD999, which is not an order of this world',
    ],
    [
      'a notification missing its title',
      (w: SampleWorld) => ({ ...w, notifications: [{ ...w.notifications[0]!, title: undefined as never }] }),
      'notifications[0] (1), field title: Title is required',
    ],
  ])('fails when the handlers are made: %s', (_name, world, message) => {
    expect(() => createHandlers({ world })).toThrow(message);
  });
});
