/**
 * Issue 16, finding 2: two server processes on one database accepted the same return twice, because the
 * "already returned" check ran outside the write transaction. Two real processes on one SQLite file are
 * sent bursts of identical return requests, split between them: each burst records exactly one return.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleWorld } from '@customer-portal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { seedIfEmpty } from '../../src/store/seed.js';
import { startServerOnFile, type RunningServerProcess } from '../support/server-process.js';
import { ALI, callServer } from '../support/test-server.js';

const BURSTS = 12;
const REQUESTS_PER_BURST = 20;

let dir: string;
let databasePath: string;
let servers: RunningServerProcess[] = [];
let token: string;

/** Delivered orders of Ali's with one item each, none returned yet: one per burst. */
function addReturnableOrders(count: number): string[] {
  const db = openDatabase(databasePath);
  seedIfEmpty(db, sampleWorld);
  const ids = Array.from({ length: count }, (_, i) => `ORD${9000 + i}`);
  const order = db.prepare(`INSERT INTO orders (id, seq, customer_id, status, total, created_at) VALUES (?, ?, 1, 'DELIVERED', 10, '2024-02-01T10:00:00Z')`);
  const item = db.prepare(`INSERT INTO order_items (order_id, id, product_name, quantity, price, subtotal) VALUES (?, ?, 'Desk Lamp', 1, 10, 10)`);
  db.transaction(() => ids.forEach((id, i) => (order.run(id, 9000 + i), item.run(id, `ITEM${9000 + i}`))))();
  db.close();
  return ids;
}

let orderIds: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portal-two-processes-'));
  databasePath = join(dir, 'portal.db');
  orderIds = addReturnableOrders(BURSTS);
  servers = [await startServerOnFile(databasePath), await startServerOnFile(databasePath)];
  const login = await callServer(servers[0]!.url, '/auth/login', { json: { email: ALI.email, password: ALI.password } });
  token = login.body.access_token;
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('two server processes on one database', () => {
  it(`record one return per item: ${BURSTS} bursts of ${REQUESTS_PER_BURST} identical requests give exactly one 201 each`, async () => {
    for (const orderId of orderIds) {
      const replies = await Promise.all(
        Array.from({ length: REQUESTS_PER_BURST }, (_, i) =>
          callServer(servers[i % 2]!.url, '/api/v1/customer/orders/return', {
            token,
            json: { order_id: orderId, items: ['Desk Lamp'], reason: 'Arrived broken' },
          }),
        ),
      );
      const statuses = replies.map((reply) => reply.status);
      expect(statuses.filter((status) => status === 201), `${orderId}: ${statuses.join(' ')}`).toHaveLength(1);
      expect(statuses.filter((status) => status !== 201).every((status) => status === 422)).toBe(true);
      const refusal = replies.find((reply) => reply.status === 422)!;
      expect(refusal.body.detail).toBe(`A return has already been requested for "Desk Lamp" of order ${orderId}.`);
    }

    const db = openDatabase(databasePath);
    const counts = db.prepare(`SELECT order_id, count(*) AS n FROM returns WHERE order_id LIKE 'ORD9%' GROUP BY order_id`).all();
    db.close();
    expect(counts).toEqual(orderIds.map((order_id) => ({ order_id, n: 1 })));
  }, 60_000);
});

describe('the database itself', () => {
  it('refuses a second return of an item even when written around the store', () => {
    const db = openDatabase(databasePath);
    try {
      const insert = db.prepare(
        `INSERT INTO returns (id, seq, order_id, items, reason, description, status, created_at)
         VALUES (?, ?, ?, '["Desk Lamp"]', 'again', NULL, 'REQUESTED', '2024-02-02T10:00:00Z')`,
      );
      expect(() => insert.run('RET99999', 99999, orderIds[0])).toThrow(/UNIQUE constraint failed: returned_items/);
    } finally {
      db.close();
    }
  });
});
