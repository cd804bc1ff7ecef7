/**
 * The SQLite store must behave exactly like core's in-memory store, which the MSW mocks run on: every call
 * of store-calls.ts runs on both, over the same sample world, and must give the same answer.
 *
 * Its reads share one read transaction per turn of the event loop (createTurnReads), and the customers asked
 * for in a turn are read in one statement when it ends. What that must never cost: a write not committed when
 * its call returns, another process's commit missed past the current turn, a customer read before its request
 * arrived, or a crash when the store closes mid-turn.
 */
import { createMemoryStore, sampleWorld, type PortalStore } from '@customer-portal/core';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, stat } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, openDatabase, seedDatabase, type Database as Connection } from '../../src/index.js';
import { expectRepliesInCommitOrder } from './replies-in-order.js';
import { afterWrites, asGiven, message, page, reads, repliesCommittedOutOfClockOrder, worldWithTies, writes } from './store-calls.js';
import { prepareStatements, registerFunctions } from '../../src/store/statements.js';

/** The statements the store runs, as it prepares them. */
function storeStatements() {
  const db = openDatabase(':memory:');
  registerFunctions(db);
  return prepareStatements(db);
}


/** A write committed by another connection to the same file, as another process makes it. */
function commitElsewhere(path: string, sql: string): void {
  const other = openDatabase(path);
  try {
    other.prepare(sql).run();
  } finally {
    other.close();
  }
}

describe('the SQLite store, call for call against the in-memory store', () => {
  let memory: PortalStore;
  let sqlite: PortalStore;
  let db: Connection;

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
  let db: Connection;
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

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('reads of one turn in one read transaction', () => {
  let dir: string;
  let path: string;
  let db: Connection;
  let store: PortalStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'portal-turn-'));
    path = join(dir, 'portal.db');
    db = openDatabase(path);
    seedDatabase(db, sampleWorld(), { hashPassword: asGiven });
    store = createSqliteStore(db);
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sees another process's commit from the next turn on", async () => {
    expect((await store.getOrder(1, 'ORD123'))?.status).toBe('SHIPPED');
    commitElsewhere(path, "UPDATE orders SET status = 'DELIVERED' WHERE id = 'ORD123'");
    // Still this turn: the snapshot the turn's first read took.
    expect((await store.getOrder(1, 'ORD123'))?.status).toBe('SHIPPED');
    await nextTurn();
    expect((await store.getOrder(1, 'ORD123'))?.status).toBe('DELIVERED');
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
    expect(() => commitElsewhere(path, "UPDATE customers SET theme = 'dark' WHERE id = 1")).not.toThrow();
  });

  it('ends quietly when the store is closed during a turn', async () => {
    await store.getCustomer(1);
    db.close();
    await nextTurn();
    expect(db.open).toBe(false);
  });
});

describe('the customers asked for in one turn, read in one statement when it ends', () => {
  let dir: string;
  let path: string;
  let db: Connection;
  let store: PortalStore;
  let statements: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'portal-customers-'));
    path = join(dir, 'portal.db');
    const seeding = openDatabase(path);
    seedDatabase(seeding, sampleWorld(), { hashPassword: asGiven });
    seeding.close();
    statements = [];
    db = new Database(path, { verbose: (sql) => statements.push(String(sql)) });
    store = createSqliteStore(db);
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every customer asked for in one turn in one statement, and answers each caller', async () => {
    const answers = await Promise.all([1, 2, 1, 99].map((id) => store.getCustomer(id)));
    expect(answers.map((customer) => customer?.full_name)).toEqual(['Ali Jawad', 'Sara Khan', 'Ali Jawad', undefined]);
    expect(statements.filter((sql) => /FROM customers/.test(sql))).toHaveLength(1);
  });

  it('reads a customer with every commit made before the end of the turn it was asked in, even after other reads', async () => {
    await store.listOrders(1, page);
    const asked = store.getCustomer(1);
    commitElsewhere(path, "UPDATE customers SET full_name = 'Ali J.' WHERE id = 1");
    expect((await asked)?.full_name).toBe('Ali J.');
  });

  it("keeps no snapshot past the turn that read the customers: the next turn's I/O sees another process's commit", async () => {
    await store.getCustomer(1);
    commitElsewhere(path, "UPDATE orders SET status = 'DELIVERED' WHERE id = 'ORD123'");
    await new Promise((resolve) => stat(path, resolve));
    expect((await store.getOrder(1, 'ORD123'))?.status).toBe('DELIVERED');
  });

  it('fails every caller of a read that failed', async () => {
    const asked = Promise.all([store.getCustomer(1), store.getCustomer(2)]);
    db.close();
    await expect(asked).rejects.toThrow(/not open/);
  });
});
