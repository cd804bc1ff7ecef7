/**
 * The SQLite store must behave exactly like core's in-memory store, which the MSW mocks run on: every call
 * of store-calls.ts runs on both, over the same sample world, and must give the same answer.
 */
import { createMemoryStore, sampleWorld, type PortalStore } from '@customer-portal/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, openDatabase, seedDatabase, type Database } from '../../src/index.js';
import { expectRepliesInCommitOrder } from './replies-in-order.js';
import { afterWrites, asGiven, message, page, reads, repliesCommittedOutOfClockOrder, worldWithTies, writes } from './store-calls.js';
import { prepareStatements, registerFunctions } from '../../src/store/statements.js';

/** The statements the store runs, as it prepares them. */
function storeStatements() {
  const db = openDatabase(':memory:');
  registerFunctions(db);
  return prepareStatements(db);
}

describe('the SQLite store, call for call against the in-memory store', () => {
  let memory: PortalStore;
  let sqlite: PortalStore;
  let db: Database;

  beforeEach(() => {
    memory = createMemoryStore(worldWithTies());
    db = openDatabase(':memory:');
    seedDatabase(db, worldWithTies(), { hashPassword: asGiven });
    sqlite = createSqliteStore(db);
    return () => db.close();
  });

  it.each(reads)('reads: %s', async (_name, call) => {
    expect(await call(sqlite)).toEqual(await call(memory));
  });

  it('writes, then every read again', async () => {
    for (const [name, call] of writes) expect(await call(sqlite), name).toEqual(await call(memory));
    for (const [name, call] of [...reads, ...afterWrites]) expect(await call(sqlite), name).toEqual(await call(memory));
  });
});

describe('the SQLite store on its own', () => {
  let db: Database;
  let store: PortalStore;

  beforeEach(() => {
    db = openDatabase(':memory:');
    seedDatabase(db, sampleWorld(), { hashPassword: asGiven });
    store = createSqliteStore(db);
    return () => db.close();
  });

  it('treats a search term as data, never as SQL', async () => {
    const result = await store.listOrders(1, { ...page, search: "'; DROP TABLE orders; --" });
    expect(result).toEqual({ items: [], total: 0 });
    expect((await store.listOrders(1, page)).total).toBe(12);
  });

  it('writes a ticket and its first message together or not at all', async () => {
    db.exec(`CREATE TRIGGER refuse_messages BEFORE INSERT ON ticket_messages BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const ticket = store.createTicket(1, { subject: 'Lost', priority: 'LOW', order_id: null, firstMessage: message('Hello') });
    await expect(ticket).rejects.toThrow('disk full');
    expect((await store.listTickets(1, page)).total).toBe(5);
  });

  it('moves updated_at only when the reply is stored', async () => {
    db.exec(`CREATE TRIGGER refuse_messages BEFORE INSERT ON ticket_messages BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await expect(store.addTicketMessage(1, 'TKT456', message('Hi', '2024-05-05T00:00:00Z'))).rejects.toThrow('disk full');
    expect((await store.getTicket(1, 'TKT456'))?.updated_at).toBe('2024-01-14T16:30:00Z');
  });

  it('never moves updated_at back when two connections to one file reply out of clock order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-replies-'));
    const [first, second] = [openDatabase(join(dir, 'portal.db')), openDatabase(join(dir, 'portal.db'))];
    try {
      seedDatabase(first, sampleWorld(), { hashPassword: asGiven });
      expectRepliesInCommitOrder(await repliesCommittedOutOfClockOrder(createSqliteStore(first), createSqliteStore(second)));
    } finally {
      first.close();
      second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Sorting what was found is fine where it is bounded by a page: the items of at most 100 listed orders.
  const sortsOnePage = new Set(['itemsOfOrders']);

  it.each(Object.entries(storeStatements()).filter(([, statement]) => !/^\s*INSERT/i.test(statement.source)))(
    'finds rows with %s through an index, never a scan of every customer’s rows',
    (name, statement) => {
      // Every parameter bound to 1: the plan depends on the statement, not on the values.
      const named = Object.fromEntries([...statement.source.matchAll(/@(\w+)/g)].map(([, parameter]) => [parameter!, 1]));
      const positional = [...statement.source.matchAll(/\?/g)].map(() => 1);
      const explain = db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`);
      const rows = (Object.keys(named).length > 0 ? explain.all(named) : explain.all(...positional)) as { detail: string }[];
      // json_each walks the bound list of ids, not a table.
      const plan = rows.map((row) => row.detail).filter((detail) => !detail.startsWith('SCAN json_each')).join('; ');
      expect(plan).not.toMatch(/^SCAN \w+$|SCAN \w+(?!.*USING)/);
      if (!sortsOnePage.has(name)) expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      expect(plan).toMatch(/USING (?:COVERING )?INDEX|USING INTEGER PRIMARY KEY|SEARCH/);
    },
  );
});
