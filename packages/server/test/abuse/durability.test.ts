/**
 * Durability and concurrency, bounded by counts, not by time (issue 16): a server killed with SIGKILL while
 * 16 clients write loses none of the writes it acknowledged, and 32 writers on two processes sharing one
 * database leave exactly the rows they were told were written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { startServerOnFile, type RunningServerProcess } from '../support/server-process.js';
import { ALI, callServer } from '../support/test-server.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'portal-durability-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signIn = async (url: string) =>
  (await callServer(url, '/auth/login', { json: { email: ALI.email, password: ALI.password } })).body.access_token as string;

interface Acknowledged {
  id: string;
  subject: string;
  description: string;
}

describe('kill -9 under concurrent writers', () => {
  const ROUNDS = 3;
  const WRITERS = 16;
  const ACKNOWLEDGED_BEFORE_KILL = 80;

  it(`after ${ROUNDS} kills, each after ${ACKNOWLEDGED_BEFORE_KILL} acknowledged tickets, every acknowledged ticket is present and whole`, async () => {
    const databasePath = join(dir, 'killed.db');
    const acknowledged: Acknowledged[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServerOnFile(databasePath);
      const token = await signIn(server.url);
      const inRound = acknowledged.length + ACKNOWLEDGED_BEFORE_KILL;
      let killed = false;
      const writer = async (w: number) => {
        for (let n = 0; !killed; n++) {
          const ticket = { subject: `Round ${round} writer ${w} ticket ${n}`, description: `Body ${round}.${w}.${n} ${'x'.repeat(200)}` };
          try {
            const reply = await callServer(server.url, '/api/v1/customer/tickets', { token, json: ticket });
            if (reply.status !== 201) throw new Error(`${reply.status} ${reply.text}`);
            acknowledged.push({ id: reply.body.id, ...ticket });
          } catch (error) {
            if (killed) return;
            throw error;
          }
          if (acknowledged.length >= inRound && !killed) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
      await server.exit;
    }

    const server = await startServerOnFile(databasePath);
    const token = await signIn(server.url);
    const db = openDatabase(databasePath);
    try {
      const ticket = db.prepare('SELECT subject FROM tickets WHERE id = ?');
      const message = db.prepare('SELECT content FROM ticket_messages WHERE ticket_id = ?');
      const missing = acknowledged.filter(({ id, subject, description }) => {
        const row = ticket.get(id) as { subject: string } | undefined;
        const messages = message.all(id) as { content: string }[];
        return row?.subject !== subject || messages.length !== 1 || messages[0]!.content !== description;
      });
      expect(missing).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(ROUNDS * ACKNOWLEDGED_BEFORE_KILL);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The restarted server serves them too.
      const sample = acknowledged.at(-1)!;
      expect((await callServer(server.url, `/api/v1/customer/tickets/${sample.id}`, { token })).body.subject).toBe(sample.subject);
    } finally {
      db.close();
      await server.stop();
    }
  }, 120_000);
});

describe('32 concurrent writers on two processes', () => {
  const WRITERS = 32;
  const MESSAGES_EACH = 10;
  let servers: RunningServerProcess[] = [];
  afterAll(() => Promise.all(servers.map((server) => server.stop())));

  it(`${WRITERS} writers adding ${MESSAGES_EACH} messages each to one ticket leave exactly ${WRITERS * MESSAGES_EACH} new messages, ids unique`, async () => {
    const databasePath = join(dir, 'concurrent.db');
    servers = [await startServerOnFile(databasePath), await startServerOnFile(databasePath)];
    const token = await signIn(servers[0]!.url);
    const before = (await callServer(servers[0]!.url, '/api/v1/customer/tickets/TKT456', { token })).body.messages.length as number;

    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const url = servers[w % 2]!.url;
        for (let n = 0; n < MESSAGES_EACH; n++) {
          const reply = await callServer(url, '/api/v1/customer/tickets/TKT456/messages', { token, json: { content: `writer ${w} message ${n}` } });
          expect(reply.status, reply.text).toBe(201);
          ids.push(reply.body.id);
        }
      }),
    );

    expect(new Set(ids).size).toBe(WRITERS * MESSAGES_EACH);
    const db = openDatabase(databasePath);
    try {
      const { n, seqs } = db.prepare(`SELECT count(*) AS n, count(DISTINCT seq) AS seqs FROM ticket_messages WHERE content LIKE 'writer %'`).get() as { n: number; seqs: number };
      expect({ n, seqs }).toEqual({ n: WRITERS * MESSAGES_EACH, seqs: WRITERS * MESSAGES_EACH });
    } finally {
      db.close();
    }
    const after = (await callServer(servers[1]!.url, '/api/v1/customer/tickets/TKT456', { token })).body.messages.length as number;
    expect(after - before).toBe(WRITERS * MESSAGES_EACH);
  }, 120_000);
});
