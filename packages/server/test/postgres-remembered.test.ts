/**
 * On PostgreSQL the server answers a repeated read from memory too, and still never gives an answer that a
 * write has changed, whichever process made the write: two server processes on their own ports, one
 * database. A write through one is seen by the next read through the other, because every write moves the
 * customer's data version and every read asks for it with the customer.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../src/index.js';
import { describeOnPostgres } from './support/postgres.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';
import { ALI, callServer, TEST_JWT_SECRET, type Reply } from './support/test-server.js';

type Running = ServerProcess & { url: string };

interface Write {
  method: 'POST' | 'PUT';
  path: string;
  json: unknown;
}

describeOnPostgres('remembered answers on PostgreSQL, two processes on their own ports', (clusterUrl) => {
  let scratch: ScratchDatabase;
  let reader: Running;
  let writer: Running;
  let token: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(clusterUrl, 'portal_remembered_test');
    const env = { DATABASE_URL: scratch.url, JWT_SECRET: TEST_JWT_SECRET };
    [reader, writer] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    const login = await callServer(reader.url, '/auth/login', { method: 'POST', json: { email: ALI.email, password: ALI.password } });
    token = login.body.access_token as string;
  });
  afterAll(async () => {
    await Promise.all([reader?.stop(), writer?.stop()]);
    await scratch?.drop();
  });

  // Asked three times: from the third time on, an unchanged answer comes from memory.
  const readThrice = async (path: string): Promise<Reply> => {
    for (let i = 0; i < 2; i++) await callServer(reader.url, path, { token });
    return callServer(reader.url, path, { token });
  };

  it.each<[string, Write, string, (before: Reply, after: Reply) => void]>([
    [
      'a profile change',
      { method: 'PUT', path: '/api/v1/customer/profile', json: { full_name: 'Ali From The Writer' } },
      '/api/v1/customer/profile',
      (_before, after) => expect(after.body.full_name).toBe('Ali From The Writer'),
    ],
    [
      'a settings change',
      { method: 'PUT', path: '/api/v1/customer/settings', json: { general: { theme: 'dark' } } },
      '/api/v1/customer/profile',
      (_before, after) => expect(after.body.preferences.theme).toBe('dark'),
    ],
    [
      'a reply',
      { method: 'POST', path: '/api/v1/customer/tickets/TKT456/messages', json: { content: 'Sent through the writer' } },
      '/api/v1/customer/tickets/TKT456',
      (_before, after) => expect(after.body.messages.at(-1).content).toBe('Sent through the writer'),
    ],
    [
      'a new ticket',
      { method: 'POST', path: '/api/v1/customer/tickets', json: { subject: 'Opened through the writer', description: 'Hello', priority: 'LOW' } },
      '/api/v1/customer/dashboard',
      (before, after) => expect(after.body.stats.open_tickets).toBe(before.body.stats.open_tickets + 1),
    ],
    [
      'a return',
      { method: 'POST', path: '/api/v1/customer/orders/return', json: { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Broken' } },
      '/api/v1/customer/dashboard',
      (before, after) => expect(after.body.stats.pending_refunds).toBe(before.body.stats.pending_refunds + 1),
    ],
    [
      'a notification read',
      { method: 'PUT', path: '/api/v1/customer/notifications/1/read', json: undefined },
      '/api/v1/customer/notifications?unread_only=true',
      (before, after) => expect(Number(after.headers.get('X-Total-Count'))).toBe(Number(before.headers.get('X-Total-Count')) - 1),
    ],
  ])('shows %s made through the other process on the next read', async (_name, write, read, changed) => {
    const before = await readThrice(read);
    expect(before.status).toBe(200);
    const written = await callServer(writer.url, write.path, { method: write.method, token, ...(write.json !== undefined && { json: write.json }) });
    expect(written.status).toBeLessThan(300);
    const after = await callServer(reader.url, read, { token });
    expect(after.status).toBe(200);
    changed(before, after);
  });

  it("answers a repeated read from memory while the customer's data version stays, and works it out once it moves", async () => {
    // A change written behind the server's back, without moving the version, shows which answers are remembered.
    const before = await readThrice('/api/v1/customer/orders/ORD123');
    const database = new pg.Client({ connectionString: scratch.url });
    await database.connect();
    try {
      await database.query(`UPDATE orders SET status = 'CANCELLED' WHERE id = 'ORD123'`);
      expect((await callServer(reader.url, '/api/v1/customer/orders/ORD123', { token })).text).toBe(before.text);
      await database.query(`UPDATE customers SET data_version = nextval('portal_data_versions') WHERE id = 1`);
      expect((await callServer(reader.url, '/api/v1/customer/orders/ORD123', { token })).body.status).toBe('CANCELLED');
    } finally {
      await database.end();
    }
  });
});
