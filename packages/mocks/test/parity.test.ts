/**
 * Parity: the same requests, in the same order, to the MSW handlers and to the reference server (Koa on a real
 * port, over SQLite and over PostgreSQL) give the same status, the same relevant headers and the same body. Only values that differ by
 * nature are normalised: tokens, and timestamps generated during the run.
 */
import { createRouteTable, listOperations } from '@customer-portal/core';
import { createScratchDatabase, startServer, type ScratchDatabase, type ServerOptions } from '@customer-portal/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeUnless } from '../../../test/support/skipped.js';
import { setupPortalServer } from '../src/node.js';
import { ALI, MOCK_URL, SARA } from './accounts.js';
import { parityCases, type Caller, type ParityCase } from './parity-cases.js';

interface Target {
  baseUrl: string;
  tokens: Partial<Record<Caller, string>>;
}

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  body: unknown;
}

const startedAt = Date.now();
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Tokens and timestamps made during this run become placeholders; everything else is compared as sent. */
function normalise(value: unknown, key?: string): unknown {
  if ((key === 'access_token' || key === 'device_token') && typeof value === 'string') return '<token>';
  if (typeof value === 'string' && RFC3339.test(value) && Date.parse(value) >= startedAt - 1000) return '<generated timestamp>';
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
  return value;
}

async function bodyOf(res: Response): Promise<unknown> {
  const text = await res.text();
  return text === '' ? null : (JSON.parse(text) as unknown);
}

async function ask(target: Target, c: ParityCase): Promise<Answer> {
  const headers: Record<string, string> = {};
  const token = target.tokens[c.as ?? 'ali'];
  if (c.authorization) headers['Authorization'] = c.authorization;
  else if (token) headers['Authorization'] = `Bearer ${token}`;
  let body: string | undefined;
  if (c.raw) [body, headers['Content-Type']] = [c.raw.text, c.raw.contentType];
  else if (c.body !== undefined) [body, headers['Content-Type']] = [JSON.stringify(c.body), 'application/json'];

  const res = await fetch(target.baseUrl + c.path, { method: c.method, headers, ...(body !== undefined ? { body } : {}) });
  return {
    status: res.status,
    headers: {
      // The media type only: Koa adds `; charset=utf-8`, which says nothing about behaviour.
      'content-type': res.headers.get('Content-Type')?.split(';')[0]!.trim() ?? null,
      'x-total-count': res.headers.get('X-Total-Count'),
      'www-authenticate': res.headers.get('WWW-Authenticate'),
      allow: res.headers.get('Allow'),
    },
    body: normalise(await bodyOf(res)),
  };
}

async function signIn(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(account) });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Where the reference server keeps its data for one run: its options, and how to delete it afterwards. */
interface Database {
  options: ServerOptions;
  remove(): Promise<void>;
}

function onSqlite(): Database {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-parity-'));
  return {
    options: { databasePath: join(dataDir, 'portal.db') },
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function onPostgres(clusterUrl: string): Promise<Database> {
  const scratch: ScratchDatabase = await createScratchDatabase(clusterUrl, 'portal_parity');
  return { options: { databaseUrl: scratch.url }, remove: () => scratch.drop() };
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

describeParity('SQLite', async () => onSqlite());
// Without a cluster: reported as skipped, and failing in CI, where a missing cluster is a broken setup.
describeParity('PostgreSQL', () => onPostgres(TEST_DATABASE_URL!), TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL is not set (eval "$(.ci/postgres start)" starts a cluster; .ci/run does)');

function describeParity(storeName: string, openDatabase: () => Promise<Database>, missing?: string): void {
  describeUnless(missing, `parity between the MSW handlers and the reference server on ${storeName}`, () => {
    let database: Database | undefined;
    // Only the mock's made-up host is intercepted; requests to the real server's 127.0.0.1 port go through.
    const mocks = setupPortalServer({ baseUrl: MOCK_URL });
    let reference: Awaited<ReturnType<typeof startServer>>;
    const mock: Target = { baseUrl: MOCK_URL, tokens: {} };
    const real: Target = { baseUrl: '', tokens: {} };

    beforeAll(async () => {
      database = await openDatabase();
      reference = await startServer({ port: 0, host: '127.0.0.1', log: false, ...database.options });
      real.baseUrl = reference.url.replace(/\/$/, '');
      mocks.listen({ onUnhandledRequest: 'bypass' });
      for (const target of [mock, real]) {
        target.tokens = { ali: await signIn(target.baseUrl, ALI), sara: await signIn(target.baseUrl, SARA) };
      }
    });

    afterAll(async () => {
      mocks.close();
      await reference?.close();
      await database?.remove();
    });

    it('covers every operation of the contract, in at least 25 requests', () => {
      const operations = listOperations();
      const routes = createRouteTable(operations);
      const covered = new Set(
        parityCases.flatMap((c) => {
          const route = c.method === 'HEAD' ? undefined : routes.find(c.method, c.path.split('?')[0]!);
          return route?.kind === 'operation' ? [route.operationId] : [];
        }),
      );
      expect([...covered].sort()).toEqual(operations.map((op) => op.operationId).sort());
      expect(parityCases.length).toBeGreaterThanOrEqual(25);
    });

    it.each(parityCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const fromMocks = await ask(mock, c);
      const fromServer = await ask(real, c);
      expect(fromMocks).toEqual(fromServer);
      // Agreeing on a crash is no parity: a 5xx here is a bug in both hosts.
      expect(fromServer.status, 'the reference server').toBeLessThan(500);
    });
  });
}
