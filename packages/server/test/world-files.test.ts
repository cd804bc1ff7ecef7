/**
 * `customer-portal-server --world FILE` (or WORLD=FILE): a world file seeds an empty database, on SQLite and
 * on PostgreSQL; a database seeded from another world is refused in one sentence; db:reset returns to the
 * world the database recorded. Run as a deployment runs it: the built bin in its own process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld, worldFileText, type SampleWorld } from '@customer-portal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../src/index.js';
import { describeUrl } from '../src/store/postgres/url.js';
import { describeOnPostgres } from './support/postgres.js';
import { runServerProcess, startServerProcess } from './support/server-process.js';
import { callServer, TEST_JWT_SECRET } from './support/test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'portal-world-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function worldFile(name: string, world: SampleWorld): string {
  const path = join(dir, name);
  writeFileSync(path, worldFileText(world));
  return path;
}

const first = generateWorld({ seed: 1, customers: 3, ordersPerCustomer: [7, 7] });
const second = generateWorld({ seed: 2, customers: 2, ordersPerCustomer: [4, 4] });
const firstFile = worldFile('first.world.json', first);
const secondFile = worldFile('second.world.json', second);
const customer = first.customers[1]!;

async function ordersAndTickets(url: string): Promise<{ orders: string | null; tickets: string | null }> {
  const login = await callServer(url, '/auth/login', { method: 'POST', json: { email: customer.email, password: customer.password } });
  expect(login.status).toBe(200);
  const token = login.body.access_token as string;
  const orders = await callServer(url, '/api/v1/customer/orders', { token });
  const tickets = await callServer(url, '/api/v1/customer/tickets', { token });
  return { orders: orders.headers.get('X-Total-Count'), tickets: tickets.headers.get('X-Total-Count') };
}

async function addTicket(url: string): Promise<void> {
  const login = await callServer(url, '/auth/login', { method: 'POST', json: { email: customer.email, password: customer.password } });
  const created = await callServer(url, '/api/v1/customer/tickets', { method: 'POST', token: login.body.access_token, json: { subject: 'Late', description: 'Where is it?' } });
  expect(created.status).toBe(201);
}

const ownTickets = String(first.tickets.filter((t) => t.customer_id === customer.id).length);

/** What each database does with world files, whichever holds the data. */
function worldFilesOn(envOf: () => Record<string, string>, databaseName: () => string): void {
  it('seeds an empty database from WORLD, and serves its customers', async () => {
    const server = await startServerProcess({ ...envOf(), WORLD: firstFile });
    try {
      expect(await ordersAndTickets(server.url)).toEqual({ orders: '7', tickets: ownTickets });
      expect(server.output()).toContain(`Seeded ${databaseName()} from ${firstFile}.`);
    } finally {
      await server.stop();
    }
  });

  it('refuses, in one sentence, to serve it with another world', async () => {
    const refused = runServerProcess({ ...envOf() }, ['--world', secondFile]);
    expect(await refused.exit).toBe(1);
    const said = refused.output().trim();
    expect(said.startsWith(`${databaseName()} was seeded from ${firstFile}, not from ${secondFile}; `)).toBe(true);
    expect(said.split('\n')).toHaveLength(1);
  });

  it('db:reset returns to the world it was seeded from, not the sample data', async () => {
    const server = await startServerProcess({ ...envOf(), WORLD: firstFile });
    try {
      await addTicket(server.url);
      const reset = runServerProcess({ ...envOf() }, ['db:reset']);
      expect(await reset.exit).toBe(0);
      expect(reset.output()).toContain(`to the world in ${firstFile}.`);
      expect(await ordersAndTickets(server.url)).toEqual({ orders: '7', tickets: ownTickets });
    } finally {
      await server.stop();
    }
  });

  it('db:reset --world seeds another world and records it; the first world is then refused', async () => {
    const reset = runServerProcess({ ...envOf() }, ['db:reset', '--world', secondFile]);
    expect(await reset.exit).toBe(0);
    const refused = runServerProcess({ ...envOf(), WORLD: firstFile });
    expect(await refused.exit).toBe(1);
    expect(refused.output()).toContain(`was seeded from ${secondFile}, not from ${firstFile}`);
    const back = runServerProcess({ ...envOf() }, ['db:reset', '--world', firstFile]);
    expect(await back.exit).toBe(0);
  });
}

describe('a world file on SQLite', () => {
  const databasePath = join(dir, 'sqlite', 'portal.db');
  worldFilesOn(() => ({ DATABASE_PATH: databasePath, JWT_SECRET: TEST_JWT_SECRET }), () => databasePath);

  it('db:reset refuses, in one sentence, a world file that changed since the database was seeded from it', async () => {
    const path = worldFile('changing.world.json', second);
    const env = { DATABASE_PATH: join(dir, 'changing.db'), JWT_SECRET: TEST_JWT_SECRET };
    expect(await runServerProcess(env, ['db:reset', '--world', path]).exit).toBe(0);
    writeFileSync(path, worldFileText(first));
    const reset = runServerProcess(env, ['db:reset']);
    expect(await reset.exit).toBe(1);
    expect(reset.output().trim()).toBe(
      `${path} has changed since ${join(dir, 'changing.db')} was seeded from it; run customer-portal-server db:reset --world ${path} to seed it as it is now.`,
    );
  });

  it.each([
    ['not JSON', '{"format": 1,', /is not JSON \(.+\)\.$/],
    ['of another format', '{"format": 9, "world": {}}', /is a world file of format 9, and this version reads format 1 only\.$/],
    ['breaking a rule', worldFileText({ ...second, orders: [{ ...second.orders[0]!, total: 1 }, ...second.orders.slice(1)] }), /breaks a rule in orders\[0\] \(ORD1000\), field total: must be the sum of its items' subtotals \([\d.]+\), not 1\.$/],
  ])('refuses a world file that is %s in one sentence naming the file, and seeds nothing', async (_name, text, message) => {
    const path = join(dir, 'bad.world.json');
    writeFileSync(path, text);
    const databasePath = join(dir, `bad-${Math.random().toString(36).slice(2)}.db`);
    const refused = runServerProcess({ DATABASE_PATH: databasePath, JWT_SECRET: TEST_JWT_SECRET, WORLD: path });
    expect(await refused.exit).toBe(1);
    const said = refused.output().trim();
    expect(said.startsWith(path)).toBe(true);
    expect(said).toMatch(message);
    // Nothing was seeded: the same database then takes the sample world.
    const sample = await startServerProcess({ DATABASE_PATH: databasePath, JWT_SECRET: TEST_JWT_SECRET });
    await sample.stop();
    expect(sample.output()).toContain('with the sample data.');
  });
});

describeOnPostgres('a world file on PostgreSQL', (clusterUrl) => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase(clusterUrl, 'portal_world_files_test');
  });
  afterAll(async () => {
    await scratch?.drop();
  });
  worldFilesOn(() => ({ DATABASE_URL: scratch.url, JWT_SECRET: TEST_JWT_SECRET }), () => describeUrl(scratch.url));
});

