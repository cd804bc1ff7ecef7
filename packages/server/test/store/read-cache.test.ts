/**
 * The SQLite store remembers reads until the database changes. Whoever changes it (the store itself, a
 * statement on the same connection, another process), the next read must see the change; another process's
 * from the next turn of the event loop, which is when the next request is served.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleWorld, type PortalStore } from '@customer-portal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJson } from '../../src/http/json-body.js';
import { createReadCache } from '../../src/store/read-cache.js';
import { createSqliteStore, openDatabase, seedDatabase, type Database } from '../../src/index.js';

const page = { limit: 50, offset: 0 };

describe('reads remembered by the SQLite store', () => {
  let dir: string;
  let db: Database;
  let store: PortalStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'portal-cache-'));
    db = openDatabase(join(dir, 'portal.db'));
    seedDatabase(db, sampleWorld(), { hashPassword: (password) => password });
    store = createSqliteStore(db);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees a write made through the store at once', async () => {
    expect((await store.getCustomer(1))?.full_name).toBe('Ali Jawad');
    await store.updateCustomer(1, { full_name: 'Ali J.' });
    expect((await store.getCustomer(1))?.full_name).toBe('Ali J.');
  });

  it('sees a row deleted on the same connection, outside the store', async () => {
    expect(await store.getCustomer(2)).toBeDefined();
    db.prepare('DELETE FROM customers WHERE id = 2').run();
    expect(await store.getCustomer(2)).toBeUndefined();
  });

  it('sees a write committed by another connection, as another process would make it, from the next turn of the event loop', async () => {
    const before = await store.listOrders(1, page);
    const other = openDatabase(join(dir, 'portal.db'));
    try {
      other.prepare("UPDATE orders SET status = 'CANCELLED' WHERE id = ?").run(before.items[0]!.id);
    } finally {
      other.close();
    }
    // The next request arrives in a later turn: SQLite's data_version is asked once per turn (read-cache.ts).
    await new Promise((resolve) => setImmediate(resolve));
    expect((await store.listOrders(1, page)).items[0]).toMatchObject({ id: before.items[0]!.id, status: 'CANCELLED' });
  });

  it('hands out frozen values, so that no caller can change what the next one reads', async () => {
    const orders = await store.listOrders(1, page);
    expect(Object.isFrozen(orders.items[0]!.items)).toBe(true);
    expect(() => orders.items.pop()).toThrow(TypeError);
  });

  it('writes a remembered value as the JSON that JSON.stringify gives, on every request', async () => {
    const orders = await store.listOrders(1, page);
    expect(toJson(orders.items)).toBe(JSON.stringify(orders.items));
    expect(toJson(orders.items)).toBe(JSON.stringify(orders.items));
    expect(toJson({ fresh: true })).toBe('{"fresh":true}');
  });

  it('keeps a bounded number of reads, forgetting the oldest first', () => {
    const cache = createReadCache(db, 2);
    let reads = 0;
    const read = () => ++reads;
    for (const key of ['a', 'b', 'c', 'b', 'a']) cache.get(key, read);
    // a, b and c are read; b is still remembered; a was forgotten when c came in.
    expect(reads).toBe(4);
  });
});
