/** The data and the sessions live in files: they survive a restart, and a 201 means the row is in the database file. */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/index.js';
import { ALI, startTestServer, type TestServer } from './support/test-server.js';

describe('a restarted server', () => {
  let first: TestServer;
  let second: TestServer;
  let token: string;
  let ticketId: string;

  beforeAll(async () => {
    // No jwtSecret: the server makes a key and keeps it beside the database.
    first = await startTestServer({ jwtSecret: undefined });
    token = await first.signIn(ALI);
    const created = await first.call('/api/v1/customer/tickets', { token, json: { subject: 'Before the restart', description: 'Still there?' } });
    ticketId = created.body.id;
    await first.close();
    second = await startTestServer({ jwtSecret: undefined }, first.dir);
  });
  afterAll(() => second.stop());

  it('kept its signing key in a file only its owner can read', () => {
    const file = join(first.dir, 'jwt-secret');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('still accepts the tokens it issued before', async () => {
    expect((await second.call('/api/v1/customer/profile', { token })).status).toBe(200);
  });

  it('still has the writes made before, and did not seed again', async () => {
    const reply = await second.call(`/api/v1/customer/tickets/${ticketId}`, { token });
    expect(reply.body.subject).toBe('Before the restart');
    expect((await second.call('/api/v1/customer/tickets', { token })).headers.get('x-total-count')).toBe('6');
  });
});

describe('a write', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('is committed by the time the 201 arrives: another connection reads it from the file', async () => {
    const token = await server.signIn(ALI);
    const reply = await server.call('/api/v1/customer/tickets/TKT456/messages', { token, json: { content: 'Committed?' } });
    expect(reply.status).toBe(201);

    const reader = new Database(server.databasePath, { readonly: true });
    try {
      const row = reader.prepare('SELECT content, ticket_id FROM ticket_messages WHERE id = ?').get(reply.body.id);
      expect(row).toEqual({ content: 'Committed?', ticket_id: 'TKT456' });
      const ticket = reader.prepare('SELECT updated_at FROM tickets WHERE id = ?').get('TKT456');
      expect(ticket).toEqual({ updated_at: reply.body.timestamp });
    } finally {
      reader.close();
    }
  });

  it('stores passwords as scrypt hashes only', () => {
    const reader = new Database(server.databasePath, { readonly: true });
    try {
      const hashes = reader.prepare('SELECT password_hash FROM customers').pluck().all() as string[];
      expect(hashes).toHaveLength(2);
      for (const hash of hashes) expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(hashes.join()).not.toMatch(/customer123|customer456/);
    } finally {
      reader.close();
    }
  });

  it('uses WAL mode and foreign keys', () => {
    const reader = new Database(server.databasePath, { readonly: true });
    try {
      expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(reader.prepare('SELECT count(*) FROM pragma_foreign_key_list(?)').pluck().get('orders')).toBe(1);
    } finally {
      reader.close();
    }
  });
});

describe('the database file', () => {
  it('is in WAL mode with synchronous NORMAL, whether just created or reopened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-durability-'));
    try {
      for (const opening of ['created', 'reopened']) {
        const db = openDatabase(join(dir, 'portal.db'));
        try {
          expect({ opening, journal: db.pragma('journal_mode', { simple: true }), synchronous: db.pragma('synchronous', { simple: true }) }).toEqual({
            opening,
            journal: 'wal',
            synchronous: 1,
          });
        } finally {
          db.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
