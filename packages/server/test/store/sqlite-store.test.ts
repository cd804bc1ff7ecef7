/**
 * The SQLite store must behave exactly like core's in-memory store, which the MSW mocks run on: every call
 * of store-calls.ts runs on both, over the same sample world, and must give the same answer.
 */
import { createMemoryStore, sampleWorld, type PortalStore } from '@customer-portal/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, openDatabase, seedDatabase, type Database } from '../../src/index.js';
import { afterWrites, asGiven, message, page, reads, worldWithTies, writes } from './store-calls.js';

describe.each([
  ['remembering reads', true],
  ['reading SQLite every time', false],
])('the SQLite store %s, call for call against the in-memory store', (_name, rememberReads) => {
  let memory: PortalStore;
  let sqlite: PortalStore;
  let db: Database;

  beforeEach(() => {
    memory = createMemoryStore(worldWithTies());
    db = openDatabase(':memory:');
    seedDatabase(db, worldWithTies(), { hashPassword: asGiven });
    sqlite = createSqliteStore(db, { rememberReads });
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

  it.each([
    ['orders', `SELECT * FROM orders WHERE customer_id = 1 ORDER BY created_at DESC, seq DESC LIMIT 5`],
    ['orders of a status', `SELECT count(*) FROM orders WHERE customer_id = 1 AND status = 'SHIPPED'`],
    ['tickets', `SELECT * FROM tickets WHERE customer_id = 1 ORDER BY created_at DESC, seq DESC LIMIT 5`],
    ['messages', `SELECT * FROM ticket_messages WHERE ticket_id = 'TKT456' ORDER BY rowid`],
    ['notifications', `SELECT * FROM notifications WHERE customer_id = 1 ORDER BY timestamp DESC, id DESC LIMIT 5`],
    ['returns of an order', `SELECT * FROM returns WHERE order_id = 'ORD121'`],
    ['the next ticket id', `SELECT max(seq) FROM tickets`],
  ])('reads %s through an index, never a scan of every customer’s rows', (_name, sql) => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('; ');
    expect(plan).not.toMatch(/^SCAN \w+$|SCAN \w+(?!.*USING)|USE TEMP B-TREE FOR ORDER BY/);
    expect(plan).toMatch(/USING (?:COVERING )?INDEX|USING INTEGER PRIMARY KEY|SEARCH/);
  });
});
