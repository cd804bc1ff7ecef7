/**
 * The store's half of "a return once per item" (issue 16): createReturn checks and writes in one step, so a
 * caller whose returnedItems is out of date (another request, another process) is refused, not recorded.
 * The SQLite store's side is shown across two processes in packages/server/test/abuse/two-processes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, createMemoryStore, sampleWorld } from '../src/index.js';

const lamp = { order_id: 'ORD118', reason: 'Damaged', description: null, created_at: '2024-02-01T10:00:00Z' };

describe('createMemoryStore().createReturn', () => {
  it('refuses, recording nothing, a return of an item that already has one, however the caller checked', async () => {
    const store = createMemoryStore(sampleWorld());
    const [item] = (await store.getOrder(1, 'ORD118'))!.items;
    await store.createReturn(1, { ...lamp, items: [item!.product_name] });
    const refusal = await store.createReturn(1, { ...lamp, items: [item!.product_name] }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).detail).toBe(`A return has already been requested for "${item!.product_name}" of order ORD118.`);
    expect(await store.returnedItems(1, 'ORD118')).toEqual([item!.product_name]);
  });

  it('of two identical returns started together, records exactly one', async () => {
    const store = createMemoryStore(sampleWorld());
    const [item] = (await store.getOrder(1, 'ORD118'))!.items;
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => store.createReturn(1, { ...lamp, items: [item!.product_name] })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  });
});
