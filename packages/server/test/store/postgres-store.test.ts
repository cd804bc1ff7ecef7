/**
 * The PostgreSQL store must behave exactly like core's in-memory store, call for call (store-calls.ts), and
 * keep its invariants when several processes (here: several pools, each a process's connections) write at
 * once.
 */
import { createMemoryStore, sampleWorld, type ApiError, type PortalStore } from '@customer-portal/core';
import type { Pool } from 'pg';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../src/index.js';
import { createPostgresStore, openPostgres, seedPostgres } from '../../src/postgres.js';
import { SQL } from '../../src/store/postgres/statements.js';
import { describeOnPostgres } from '../support/postgres.js';
import { expectRepliesInCommitOrder } from './replies-in-order.js';
import { afterWrites, asGiven, at, message, page, reads, repliesCommittedOutOfClockOrder, worldWithTies, writes } from './store-calls.js';

/** A new database seeded with `world`, and the pools opened on it (closed by `close`). */
async function seededDatabase(clusterUrl: string, world = worldWithTies()) {
  const scratch: ScratchDatabase = await createScratchDatabase(clusterUrl, 'portal_store_test');
  const pools: Pool[] = [];
  const open = async () => {
    const pool = await openPostgres(scratch.url, { poolSize: 4 });
    pools.push(pool);
    return pool;
  };
  await seedPostgres(await open(), world, { hashPassword: asGiven });
  return {
    open,
    pool: pools[0]!,
    async close() {
      await Promise.all(pools.map((p) => p.end()));
      await scratch.drop();
    },
  };
}

describeOnPostgres('the PostgreSQL store, call for call against the in-memory store', (clusterUrl) => {
  let database: Awaited<ReturnType<typeof seededDatabase>>;
  let postgres: PortalStore;
  const memory = createMemoryStore(worldWithTies());

  // The reads change nothing, so they share one database.
  beforeAll(async () => {
    database = await seededDatabase(clusterUrl);
    postgres = createPostgresStore(database.pool);
  });
  afterAll(() => database?.close());

  it.each(reads)('reads: %s', async (_name, call) => {
    expect(await call(postgres)).toEqual(await call(memory));
  });

  it('writes, then every read again', async () => {
    const written = await seededDatabase(clusterUrl);
    try {
      const store = createPostgresStore(written.pool);
      const fresh = createMemoryStore(worldWithTies());
      for (const [name, call] of writes) expect(await call(store), name).toEqual(await call(fresh));
      for (const [name, call] of [...reads, ...afterWrites]) expect(await call(store), name).toEqual(await call(fresh));
    } finally {
      await written.close();
    }
  });
});

describeOnPostgres('the PostgreSQL store on its own', (clusterUrl) => {
  let database: Awaited<ReturnType<typeof seededDatabase>>;
  let store: PortalStore;

  beforeEach(async () => {
    database = await seededDatabase(clusterUrl, sampleWorld());
    store = createPostgresStore(database.pool);
    return () => database.close();
  });

  it('treats a search term as data, never as SQL', async () => {
    const result = await store.listOrders(1, { ...page, search: "'; DROP TABLE orders; --" });
    expect(result).toEqual({ items: [], total: 0 });
    expect((await store.listOrders(1, page)).total).toBe(12);
  });

  // The pages of one turn go to the database as arrays of every request's values (batched-reads.ts): a term
  // must reach it as written, and one that no text can hold (PostgreSQL refuses NUL) must find nothing
  // rather than fail, its own request or the others read with it.
  it.each([['"'], ['\\'], ['NULL'], ['{ORD1,ORD2}'], ['ORD1"2'], ['\u0000'], ['ORD\u00001']])(
    'finds with the search %j what the in-memory store finds, read alone or with other pages',
    async (search) => {
      const memory = createMemoryStore(sampleWorld());
      const calls = [
        (s: PortalStore) => s.listOrders(1, { ...page, search }),
        (s: PortalStore) => s.listOrders(1, { ...page, status: 'DELIVERED' }),
        (s: PortalStore) => s.listTickets(1, { ...page, search }),
      ];
      const expected = await Promise.all(calls.map((call) => call(memory)));
      expect(await Promise.all(calls.map((call) => call(store)))).toEqual(expected);
      expect(await calls[0]!(store)).toEqual(expected[0]);
    },
  );

  it('reads the pages that the requests of one turn ask for in one statement a list, each its own page', async () => {
    const sent: string[] = [];
    const query = database.pool.query.bind(database.pool) as (config: { name?: string }) => Promise<unknown>;
    database.pool.query = ((config: { name?: string }) => (sent.push(config.name ?? 'text'), query(config))) as typeof database.pool.query;
    const [all, delivered, second, tickets, notifications] = await Promise.all([
      store.listOrders(1, page),
      store.listOrders(1, { ...page, status: 'DELIVERED' }),
      store.listOrders(1, { limit: 1, offset: 1 }),
      store.listTickets(1, page),
      store.listNotifications(1, { unreadOnly: true, ...page }),
    ]);
    expect(sent.sort()).toEqual(['pageOfNotifications', 'pageOfOrders', 'pageOfTickets']);
    const memory = createMemoryStore(sampleWorld());
    expect([all, delivered, second, tickets, notifications]).toEqual([
      await memory.listOrders(1, page),
      await memory.listOrders(1, { ...page, status: 'DELIVERED' }),
      await memory.listOrders(1, { limit: 1, offset: 1 }),
      await memory.listTickets(1, page),
      await memory.listNotifications(1, { unreadOnly: true, ...page }),
    ]);
  });

  it('plans each prepared statement once on every connection it opens, not again for every request', async () => {
    const client = await database.pool.connect();
    try {
      expect((await client.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0]!.plan_cache_mode).toBe('force_generic_plan');
    } finally {
      client.release();
    }
  });

  it('writes a ticket and its first message together or not at all', async () => {
    await refuseMessages(database.pool);
    const ticket = store.createTicket(1, { subject: 'Lost', priority: 'LOW', order_id: null, firstMessage: message('Hello') });
    await expect(ticket).rejects.toThrow('disk full');
    expect((await store.listTickets(1, page)).total).toBe(5);
  });

  it('moves updated_at only when the reply is stored', async () => {
    await refuseMessages(database.pool);
    await expect(store.addTicketMessage(1, 'TKT456', message('Hi', '2024-05-05T00:00:00Z'))).rejects.toThrow('disk full');
    expect((await store.getTicket(1, 'TKT456'))?.updated_at).toBe('2024-01-14T16:30:00Z');
  });

  it('accepts one return per item when two processes ask at the same moment; the other gets a 422', async () => {
    const other = createPostgresStore(await database.open());
    const request = { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Broken', description: null, created_at: at };
    const results = await Promise.allSettled([...Array(6)].map((_, i) => (i % 2 ? other : store).createReturn(1, request)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as ApiError);
    expect(refused.map((e) => [e.status, e.detail])).toEqual(
      Array(5).fill([422, 'A return has already been requested for "Portable Bluetooth Speaker" of order ORD118.']),
    );
    expect(await store.returnedItems(1, 'ORD118')).toEqual(['Portable Bluetooth Speaker']);
  });

  it('keeps every message when two processes reply to one ticket at once, each with its own id', async () => {
    const other = createPostgresStore(await database.open());
    const before = (await store.getTicket(1, 'TKT456'))!.messages.length;
    const added = await Promise.all([...Array(20)].map((_, i) => (i % 2 ? other : store).addTicketMessage(1, 'TKT456', message(`reply ${i}`))));
    const messages = (await store.getTicket(1, 'TKT456'))!.messages;
    expect(messages).toHaveLength(before + 20);
    expect(new Set(added.map((m) => m!.id)).size).toBe(20);
  });

  it('never moves updated_at back when two processes reply out of clock order', async () => {
    const other = createPostgresStore(await database.open());
    expectRepliesInCommitOrder(await repliesCommittedOutOfClockOrder(store, other));
  });

  it('loses no profile change when two processes update different fields at once', async () => {
    const other = createPostgresStore(await database.open());
    await Promise.all([
      store.updateCustomer(1, { theme: 'dark' }),
      other.updateCustomer(1, { language: 'fr' }),
      store.updateCustomer(1, { notification_settings: { email: false } }),
      other.updateCustomer(1, { notification_settings: { support_replies: false } }),
      store.updateCustomer(1, { timezone: 'Europe/Paris' }),
    ]);
    expect(await store.getCustomer(1)).toMatchObject({
      theme: 'dark',
      language: 'fr',
      timezone: 'Europe/Paris',
      notification_settings: { email: false, support_replies: false, order_updates: true, refund_updates: true },
    });
  });

  it("counts pending returns through the customer's own orders, never reading every return", async () => {
    // With a million orders the planner hashed every pending return of the database for a join; each of
    // the customer's orders looking up its own returns is what keeps the dashboard flat as data grows.
    const plan = await planOf(database.pool, SQL.pendingReturns, [1]);
    expect(plan).toMatch(/on orders o\s[\s\S]*Cond: \(customer_id = /);
    expect(plan).toMatch(/SubPlan[\s\S]*on returns r[\s\S]*Index Cond: \(order_id = o\.id\)/);
    expect(plan).not.toMatch(/Hash|Seq Scan on returns/);
  });

  it.each([
    ['orders', `SELECT * FROM orders WHERE customer_id = 1 ORDER BY created_at DESC, seq DESC LIMIT 5`],
    ['orders of a status', `SELECT count(*) FROM orders WHERE customer_id = 1 AND status = 'SHIPPED'`],
    ['tickets', `SELECT * FROM tickets WHERE customer_id = 1 ORDER BY created_at DESC, seq DESC LIMIT 5`],
    ['messages', `SELECT * FROM ticket_messages WHERE ticket_id = 'TKT456' ORDER BY position`],
    ['notifications', `SELECT * FROM notifications WHERE customer_id = 1 ORDER BY timestamp DESC, id DESC LIMIT 5`],
    ['returns of an order', `SELECT * FROM returns WHERE order_id = 'ORD121' ORDER BY position`],
    ['the next ticket id', `SELECT max(seq) FROM tickets`],
    ['credentials', `SELECT * FROM customers WHERE lower(email COLLATE "und-x-icu") = 'ali.jawad@example.com'`],
  ])('has an index that reads %s in order, without sorting every row', async (_name, sql) => {
    // The sample world is small enough that the planner would rather scan and sort; forbidding both asks
    // whether an index can serve the query in order at all, as it must once a table holds a million rows.
    // (A forbidden plan that cannot be avoided still shows in the plan.)
    const client = await database.pool.connect();
    try {
      await client.query('SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_sort = off');
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index (?:Only )?Scan/);
      expect(plan).not.toMatch(/Seq Scan|Sort/);
    } finally {
      await client.query('RESET ALL');
      client.release();
    }
  });
});

async function planOf(pool: Pool, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function refuseMessages(pool: Pool): Promise<void> {
  await pool.query(`
    CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
    CREATE TRIGGER refuse_messages BEFORE INSERT ON ticket_messages FOR EACH ROW EXECUTE FUNCTION refuse();`);
}
