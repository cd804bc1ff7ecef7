/**
 * The SQLite store's reads share one read transaction per turn of the event loop (store/turn-reads.ts).
 * What that must never cost: a write not committed when its call returns, another process's commit missed
 * past the current turn, or a crash when the store closes mid-turn.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleWorld, type PortalStore } from '@customer-portal/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, openDatabase, seedDatabase, type Database } from '../../src/index.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('reads of one turn in one read transaction', () => {
  let dir: string;
  let path: string;
  let db: Database;
  let store: PortalStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'portal-turn-'));
    path = join(dir, 'portal.db');
    db = openDatabase(path);
    seedDatabase(db, sampleWorld(), { hashPassword: (password) => password });
    store = createSqliteStore(db);
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function commitElsewhere(sql: string): void {
    const other = openDatabase(path);
    try {
      other.prepare(sql).run();
    } finally {
      other.close();
    }
  }

  it("sees another process's commit from the next turn on", async () => {
    expect((await store.getCustomer(1))?.full_name).toBe('Ali Jawad');
    commitElsewhere("UPDATE customers SET full_name = 'Ali J.' WHERE id = 1");
    // Still this turn: the snapshot the turn's first read took.
    expect((await store.getCustomer(1))?.full_name).toBe('Ali Jawad');
    await nextTurn();
    expect((await store.getCustomer(1))?.full_name).toBe('Ali J.');
  });

  it('commits a write made after reads in the same turn before the call returns', async () => {
    await store.listOrders(1, { limit: 5, offset: 0 });
    await store.updateCustomer(1, { full_name: 'Ali Jawad-Khan' });
    const other = openDatabase(path);
    try {
      expect(other.prepare('SELECT full_name FROM customers WHERE id = 1').pluck().get()).toBe('Ali Jawad-Khan');
    } finally {
      other.close();
    }
    expect((await store.getCustomer(1))?.full_name).toBe('Ali Jawad-Khan');
  });

  it('lets another process write while a turn is reading', async () => {
    await store.getCustomer(1);
    expect(() => commitElsewhere("UPDATE customers SET theme = 'dark' WHERE id = 1")).not.toThrow();
  });

  it('ends quietly when the store is closed during a turn', async () => {
    await store.getCustomer(1);
    db.close();
    await nextTurn();
    expect(db.open).toBe(false);
  });
});
