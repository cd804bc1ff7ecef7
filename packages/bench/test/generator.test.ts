import { openDatabase, startServer, type RunningServer } from '@customer-portal/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase, type BuiltDatabase } from '../src/generator/build-database.js';

// The sample world has 2 customers, 15 orders, 4 returns, 7 tickets and 8 notifications; the generator adds to it.
const plan = { customers: 5, orders: 60, heavyCustomerOrders: 40 };

describe('the data generator', () => {
  let dir: string;
  let built: BuiltDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
    built = buildDatabase(join(dir, 'portal.db'), plan);
    server = await startServer({ port: 0, host: '127.0.0.1', databasePath: built.path, log: false, jwtSecret: 'a-test-secret-of-at-least-32-bytes!!' });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = (sql: string, ...params: unknown[]) => {
    const db = openDatabase(built.path);
    try {
      return (db.prepare(sql).get(...params) as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('writes the customers and orders it was asked for, besides the sample world', () => {
    expect(built.counts.customers).toBe(plan.customers);
    expect(built.counts.orders).toBe(plan.orders);
    expect(count('SELECT count(*) AS n FROM customers')).toBe(2 + plan.customers);
    expect(count('SELECT count(*) AS n FROM orders')).toBe(15 + plan.orders);
  });

  it('reports the rows it wrote, table by table', () => {
    const { counts } = built;
    expect(count("SELECT count(*) AS n FROM order_items WHERE order_id LIKE 'ORD1______'")).toBe(counts.orderItems);
    expect(count('SELECT count(*) AS n FROM tickets WHERE customer_id > 2')).toBe(counts.tickets);
    expect(count('SELECT count(*) AS n FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.customer_id > 2')).toBe(counts.messages);
    expect(count('SELECT count(*) AS n FROM notifications WHERE customer_id > 2')).toBe(counts.notifications);
    expect(count("SELECT count(*) AS n FROM returns WHERE order_id LIKE 'ORD1______'")).toBe(counts.returns);
  });

  it('gives the first customer the orders the growth section reads, and spreads the rest', () => {
    expect(count('SELECT count(*) AS n FROM orders WHERE customer_id = ?', built.heavyCustomer.id)).toBe(plan.heavyCustomerOrders);
    expect(count('SELECT count(*) AS n FROM orders WHERE customer_id > ?', built.heavyCustomer.id)).toBe(plan.orders - plan.heavyCustomerOrders);
  });

  it('keeps the schema consistent: references resolve, every order has items that add up to its total', () => {
    const db = openDatabase(built.path);
    try {
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(count('SELECT count(*) AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)')).toBe(0);
      const mismatched = db
        .prepare('SELECT o.id FROM orders o JOIN order_items i ON i.order_id = o.id GROUP BY o.id HAVING abs(sum(i.subtotal) - o.total) > 0.001')
        .all();
      expect(mismatched).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("lets a generated customer sign in, and the reference server serves their orders with the right X-Total-Count", async () => {
    const login = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: built.heavyCustomer.email, password: 'customer123' }),
    });
    expect(login.status).toBe(200);
    const { access_token } = (await login.json()) as { access_token: string };
    const headers = { Authorization: `Bearer ${access_token}` };

    // The server checks each response against the contract, so a 200 is also a valid Order[].
    const orders = await fetch(`${server.url}/api/v1/customer/orders?limit=10`, { headers });
    expect(orders.status).toBe(200);
    expect(orders.headers.get('X-Total-Count')).toBe(String(plan.heavyCustomerOrders));
    expect(((await orders.json()) as unknown[]).length).toBe(10);

    const dashboard = await fetch(`${server.url}/api/v1/customer/dashboard`, { headers });
    expect(dashboard.status).toBe(200);
  });

  it('hands out a search term that finds some of that customer\'s orders', async () => {
    const login = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: built.heavyCustomer.email, password: 'customer123' }),
    });
    const { access_token } = (await login.json()) as { access_token: string };
    const search = await fetch(`${server.url}/api/v1/customer/orders?search=${built.searchTerm}`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(search.status).toBe(200);
    const total = Number(search.headers.get('X-Total-Count'));
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(plan.heavyCustomerOrders);
  });

  it('writes the same rows for the same plan', () => {
    const again = buildDatabase(join(dir, 'again.db'), plan);
    expect(again.counts).toEqual(built.counts);
    expect(again.searchTerm).toBe(built.searchTerm);
  });
});
