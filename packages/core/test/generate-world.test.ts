/** Worlds from a seed: the same seed gives the same world, byte for byte, within every rule between records. */
import { describe, expect, it } from 'vitest';
import {
  checkWorld,
  generateWorld,
  generateWorldRecords,
  numbersAfter,
  sampleWorld,
  seededRandom,
  worldFileText,
  type SampleWorld,
} from '../src/index.js';

describe('seededRandom', () => {
  it('gives the same numbers for a seed on every machine (every generated world depends on them)', () => {
    const random = seededRandom(7);
    expect([random(), random(), random()]).toEqual([0.011704753153026104, 0.06195825757458806, 0.97690763277933]);
  });
});

describe('generateWorld', () => {
  const world = generateWorld({ seed: 7, customers: 40 });

  it('gives the same file for the same seed, and another world for another seed', () => {
    const text = worldFileText(generateWorld({ seed: 7, customers: 40 }));
    expect(worldFileText(world)).toBe(text);
    expect(worldFileText(generateWorld({ seed: 8, customers: 40 }))).not.toBe(text);
  });

  it('pins what seed 7 makes, so that a change of the generator is a change someone chose', () => {
    const small = generateWorld({ seed: 7, customers: 2 });
    expect(small.customers.map((c) => c.email)).toEqual(['aisha.bauer.1@example.com', 'noah.silva.2@example.com']);
    expect(small.orders.map((o) => o.id).slice(0, 3)).toEqual(['ORD1000', 'ORD1001', 'ORD1002']);
    expect(small.orders[0]).toMatchObject({ customer_id: 1, total: 237.93, status: 'DELIVERED' });
  });

  it('keeps the contract and every rule between records', () => {
    expect(checkWorld(world)).toEqual([]);
    expect(checkWorld(generateWorld({ seed: 123, customers: 5, ordersPerCustomer: [200, 300] }))).toEqual([]);
  });

  it('spreads the statuses of orders, tickets and returns', () => {
    const statuses = (rows: { status: string }[]) => new Set(rows.map((r) => r.status));
    expect(statuses(world.orders)).toEqual(new Set(['PENDING', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED']));
    expect(statuses(world.tickets)).toEqual(new Set(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']));
    expect(statuses(world.returns)).toEqual(new Set(['REQUESTED', 'APPROVED', 'REJECTED', 'REFUNDED']));
  });

  it("writes notifications that name the customer's own orders", () => {
    const owner = new Map(world.orders.map((o) => [o.id, o.customer_id]));
    const named = world.notifications.flatMap((n) => (n.message.match(/ORD\d+/g) ?? []).map((id) => [owner.get(id), n.customer_id]));
    expect(named.length).toBeGreaterThan(40);
    for (const [orderOwner, customer] of named) expect(orderOwner).toBe(customer);
  });

  it('gives each customer orders within --orders-per-customer', () => {
    const counted = generateWorld({ seed: 1, customers: 30, ordersPerCustomer: [2, 4] });
    const perCustomer = counted.customers.map((c) => counted.orders.filter((o) => o.customer_id === c.id).length);
    expect(Math.min(...perCustomer)).toBe(2);
    expect(Math.max(...perCustomer)).toBe(4);
  });

  it('yields the same records one at a time, each customer before their orders', () => {
    const kinds = [...generateWorldRecords({ seed: 7, customers: 40 })];
    const collected: SampleWorld = { customers: [], orders: [], returns: [], tickets: [], notifications: [] };
    for (const { kind, record } of kinds) (collected[kind] as unknown[]).push(record);
    expect(collected).toEqual(world);
    expect(kinds[0]!.kind).toBe('customers');
  });

  it('numbers its ids past a world it is added to', () => {
    const sample = sampleWorld();
    const added = generateWorld({ seed: 1, customers: 3, firstNumbers: numbersAfter(sample) });
    const merged: SampleWorld = {
      customers: [...sample.customers, ...added.customers],
      orders: [...sample.orders, ...added.orders],
      returns: [...sample.returns, ...added.returns],
      tickets: [...sample.tickets, ...added.tickets],
      notifications: [...sample.notifications, ...added.notifications],
    };
    expect(checkWorld(merged)).toEqual([]);
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateWorld({ seed: 1, customers: 1, ordersPerCustomer: [5, 2] })).toThrow('0 <= MIN <= MAX, not 5..2');
    expect(() => generateWorld({ seed: 1.5, customers: 1 })).toThrow('seed must be a whole number');
  });
});
