/**
 * The SQLite store must behave exactly like core's in-memory store, which the MSW mocks run on: every call
 * below runs on both, over the same sample world, and must give the same answer.
 */
import { createMemoryStore, sampleWorld, type PortalStore } from '@customer-portal/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, openDatabase, seedDatabase, type Database } from '../../src/index.js';
import { prepareStatements, registerFunctions } from '../../src/store/statements.js';

// The memory store keeps sample passwords as they are; seeding the same way makes findCredentials comparable.
const asGiven = (password: string) => password;
const page = { limit: 50, offset: 0 };
const at = '2024-03-01T10:00:00Z';

/** The sample world with ties: rows written in the same second must come out in the same order from both stores. */
function worldWithTies() {
  const world = sampleWorld();
  const [newest, second] = world.orders;
  second!.created_at = newest!.created_at;
  const [first, ...rest] = world.notifications;
  for (const n of rest.filter((n) => n.customer_id === first!.customer_id)) n.timestamp = first!.timestamp;
  return world;
}

/** The statements the store runs, as it prepares them. */
function storeStatements() {
  const db = openDatabase(':memory:');
  registerFunctions(db);
  return prepareStatements(db);
}

type Call = [name: string, call: (store: PortalStore) => Promise<unknown>];

const reads: Call[] = [
  ['credentials by email', (s) => s.findCredentials('ali.jawad@example.com')],
  ['credentials by email in another case', (s) => s.findCredentials('SARA.Khan@Example.com')],
  ['credentials of an unknown email', (s) => s.findCredentials('nobody@example.com')],
  ['a customer', (s) => s.getCustomer(1)],
  ['an unknown customer', (s) => s.getCustomer(99)],
  ['all orders, newest first', (s) => s.listOrders(1, page)],
  ['orders of one status', (s) => s.listOrders(1, { ...page, status: 'DELIVERED' })],
  ['orders by id substring, any case', (s) => s.listOrders(1, { ...page, search: 'oRd12' })],
  ['orders searched with %, a literal', (s) => s.listOrders(1, { ...page, search: '%' })],
  ['orders searched with _, a literal', (s) => s.listOrders(1, { ...page, search: 'ORD1_3' })],
  ['a page of orders', (s) => s.listOrders(1, { limit: 3, offset: 4 })],
  ['a page past the end', (s) => s.listOrders(1, { limit: 3, offset: 40 })],
  ['another customer’s orders', (s) => s.listOrders(2, page)],
  ['an order with its shipment', (s) => s.getOrder(1, 'ORD123')],
  ['an order that has not shipped', (s) => s.getOrder(1, 'ORD120')],
  ['another customer’s order', (s) => s.getOrder(2, 'ORD123')],
  ['orders by status', (s) => s.countOrdersByStatus(1)],
  ['items already returned', (s) => s.returnedItems(1, 'ORD121')],
  ['items returned of another customer’s order', (s) => s.returnedItems(2, 'ORD121')],
  ['pending returns', (s) => s.countPendingReturns(2)],
  ['all tickets', (s) => s.listTickets(1, page)],
  ['tickets of one status', (s) => s.listTickets(1, { ...page, status: 'RESOLVED' })],
  ['tickets by subject, any case', (s) => s.listTickets(1, { ...page, search: 'INQUIRY' })],
  ['tickets by id', (s) => s.listTickets(1, { ...page, search: 'tkt45' })],
  ['a page of tickets', (s) => s.listTickets(1, { limit: 2, offset: 1 })],
  ['a ticket with its internal note', (s) => s.getTicket(1, 'TKT456')],
  ['another customer’s ticket', (s) => s.getTicket(2, 'TKT456')],
  ['tickets by status', (s) => s.countTicketsByStatus(1)],
  ['notifications', (s) => s.listNotifications(1, { ...page, unreadOnly: false })],
  ['unread notifications', (s) => s.listNotifications(1, { ...page, unreadOnly: true })],
  ['a page of notifications', (s) => s.listNotifications(1, { limit: 2, offset: 2, unreadOnly: false })],
];

const message = (content: string, timestamp = at) =>
  ({ sender_id: 1, sender_name: 'Ali Jawad', sender_type: 'customer', content, timestamp }) as const;

const writes: Call[] = [
  ['a new ticket', (s) => s.createTicket(1, { subject: 'Équipement cassé', priority: 'HIGH', order_id: 'ORD118', firstMessage: message('It broke') })],
  // Same millisecond: the later ticket must still come first.
  ['a second ticket in the same millisecond', (s) => s.createTicket(1, { subject: 'Second', priority: 'LOW', order_id: null, firstMessage: message('Again') })],
  ['a reply', (s) => s.addTicketMessage(1, 'TKT456', message('Thanks', '2024-03-02T08:00:00Z'))],
  ['a reply to another customer’s ticket', (s) => s.addTicketMessage(2, 'TKT456', message('Sneaky'))],
  ['a return', (s) => s.createReturn(1, { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Broken', description: null, created_at: at })],
  ['a partial update', (s) => s.updateCustomer(1, { theme: 'dark', avatar: null, notification_settings: { email: false } })],
  ['a notification read', (s) => s.markNotificationRead(1, 1)],
  ['a notification read again', (s) => s.markNotificationRead(1, 1)],
  ['another customer’s notification', (s) => s.markNotificationRead(2, 1)],
];

const afterWrites: Call[] = [
  ['unicode subjects fold like JavaScript', (s) => s.listTickets(1, { ...page, search: 'ÉQUIPEMENT' })],
  ['the moved ticket', (s) => s.getTicket(1, 'TKT456')],
  ['returned items of the new return', (s) => s.returnedItems(1, 'ORD118')],
];

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
