/**
 * Several server processes on one PostgreSQL database are one consistent world: a token from one verifies
 * on the other, and requests racing through both keep every invariant (one return per item, every message,
 * every profile change). Also what a deployment sees when the database is missing or goes away, and when
 * every pooled connection is busy.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../src/index.js';
import { describeOnPostgres } from './support/postgres.js';
import { runServerProcess, startServerProcess, type ServerProcess } from './support/server-process.js';
import { expectInTimeOrder } from './support/ticket-order.js';
import { ALI, callServer, expectProblem, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/test-server.js';

const signIn = async (url: string) =>
  (await callServer(url, '/auth/login', { method: 'POST', json: { email: ALI.email, password: ALI.password } })).body.access_token as string;

describeOnPostgres('two server processes on one PostgreSQL database', (clusterUrl) => {
  let scratch: ScratchDatabase;
  let a: ServerProcess & { url: string };
  let b: ServerProcess & { url: string };

  beforeAll(async () => {
    scratch = await createScratchDatabase(clusterUrl, 'portal_processes_test');
    const env = { DATABASE_URL: scratch.url, JWT_SECRET: TEST_JWT_SECRET };
    // Started together: they migrate and seed the new database once between them.
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await scratch?.drop();
  });

  it('start together on an empty database and seed it once', async () => {
    const token = await signIn(a.url);
    const orders = await callServer(b.url, '/api/v1/customer/orders', { token });
    expect(orders.headers.get('X-Total-Count')).toBe('12');
  });

  it('accept a token signed by the other process', async () => {
    const token = await signIn(a.url);
    expect((await callServer(b.url, '/api/v1/customer/profile', { token })).status).toBe(200);
  });

  it('accept one return per item when both are asked for it at once; every other request is a 422', async () => {
    const token = await signIn(a.url);
    const json = { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Broken on arrival' };
    const replies = await Promise.all(
      [...Array(10)].map((_, i) => callServer(i % 2 ? b.url : a.url, '/api/v1/customer/orders/return', { token, json })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(422)]);
    for (const refused of replies.filter((r) => r.status === 422)) {
      expect(refused.body.detail).toBe('A return has already been requested for "Portable Bluetooth Speaker" of order ORD118.');
    }
  });

  it('keep every one of 30 replies sent through both at once', async () => {
    const token = await signIn(a.url);
    const before = (await callServer(a.url, '/api/v1/customer/tickets/TKT456', { token })).body.messages.length as number;
    const replies = await Promise.all(
      [...Array(30)].map((_, i) =>
        callServer(i % 2 ? b.url : a.url, '/api/v1/customer/tickets/TKT456/messages', { token, json: { content: `reply ${i}` } }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(30).fill(201));
    const ticket = (await callServer(b.url, '/api/v1/customer/tickets/TKT456', { token })).body;
    expect(ticket.messages).toHaveLength(before + 30);
    expect(new Set(ticket.messages.map((m: { id: string }) => m.id)).size).toBe(before + 30);
  });

  it('list replies sent through both at once in time order, and the ticket’s updated_at is the last one’s', async () => {
    const token = await signIn(a.url);
    const replies = await Promise.all(
      [...Array(30)].map((_, i) =>
        callServer(i % 2 ? b.url : a.url, '/api/v1/customer/tickets/TKT455/messages', { token, json: { content: `reply ${i}` } }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(30).fill(201));
    expectInTimeOrder((await callServer(a.url, '/api/v1/customer/tickets/TKT455', { token })).body);
  });

  it('lose no profile change when both update different fields at once', async () => {
    const token = await signIn(a.url);
    const put = (url: string, path: string, json: unknown) => callServer(url, path, { method: 'PUT', token, json });
    const replies = await Promise.all([
      put(a.url, '/api/v1/customer/profile', { full_name: 'Ali From A' }),
      put(b.url, '/api/v1/customer/profile', { preferences: { language: 'fr' } }),
      put(a.url, '/api/v1/customer/settings', { notifications: { email: false } }),
      put(b.url, '/api/v1/customer/settings', { notifications: { support_replies: false } }),
      put(a.url, '/api/v1/customer/settings', { general: { timezone: 'UTC+2' } }),
      put(b.url, '/api/v1/customer/settings', { general: { theme: 'dark' } }),
    ]);
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(200));
    const profile = (await callServer(b.url, '/api/v1/customer/profile', { token })).body;
    const settings = (await callServer(a.url, '/api/v1/customer/settings', { token })).body;
    expect(profile).toMatchObject({ full_name: 'Ali From A', preferences: { language: 'fr', theme: 'dark' } });
    expect(settings).toMatchObject({
      notifications: { email: false, support_replies: false, order_updates: true, refund_updates: true },
      general: { timezone: 'UTC+2', theme: 'dark' },
    });
  });
});

describeOnPostgres('WORKERS=2 on PostgreSQL', (clusterUrl) => {
  let scratch: ScratchDatabase;
  beforeAll(async () => void (scratch = await createScratchDatabase(clusterUrl, 'portal_workers_test')));
  afterAll(() => scratch?.drop());

  it('serves from two processes on one port and stops them all on SIGTERM', async () => {
    const server = await startServerProcess({ DATABASE_URL: scratch.url, JWT_SECRET: TEST_JWT_SECRET, WORKERS: '2' });
    try {
      expect(server.output()).toContain('Workers:   2 processes');
      const token = await signIn(server.url);
      const replies = await Promise.all([...Array(10)].map(() => callServer(server.url, '/api/v1/customer/dashboard', { token })));
      expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describeOnPostgres('db:reset on PostgreSQL', (clusterUrl) => {
  let scratch: ScratchDatabase;
  beforeAll(async () => void (scratch = await createScratchDatabase(clusterUrl, 'portal_reset_test')));
  afterAll(() => scratch?.drop());

  it('puts the sample data back, dropping what was written since', async () => {
    const server = await startServerProcess({ DATABASE_URL: scratch.url, JWT_SECRET: TEST_JWT_SECRET });
    const token = await signIn(server.url);
    const json = { subject: 'Written before the reset', description: 'Gone afterwards', priority: 'LOW' };
    expect((await callServer(server.url, '/api/v1/customer/tickets', { token, json })).status).toBe(201);
    await server.stop();

    const reset = runServerProcess({ DATABASE_URL: scratch.url }, ['db:reset']);
    expect(await reset.exit).toBe(0);
    expect(reset.output()).toContain(`Reset ${scratch.url} to the sample data.`);

    const again = await startServerProcess({ DATABASE_URL: scratch.url, JWT_SECRET: TEST_JWT_SECRET });
    try {
      const tickets = await callServer(again.url, '/api/v1/customer/tickets', { token: await signIn(again.url) });
      expect(tickets.headers.get('X-Total-Count')).toBe('5');
    } finally {
      await again.stop();
    }
  });

  it('starts sign-in counts over: an account refused for its failed sign-ins signs in after a reset', async () => {
    const server = await startServerProcess({ DATABASE_URL: scratch.url, JWT_SECRET: TEST_JWT_SECRET });
    try {
      const login = (password: string) => callServer(server.url, '/auth/login', { method: 'POST', json: { email: ALI.email, password } });
      for (let i = 0; i < 10; i++) expect((await login('not-the-password')).status).toBe(401);
      expect((await login(ALI.password)).status).toBe(429);

      const reset = runServerProcess({ DATABASE_URL: scratch.url }, ['db:reset']);
      expect(await reset.exit).toBe(0);

      expect((await login(ALI.password)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

it('refuses WORKERS=2 without a shared JWT_SECRET, saying why', async () => {
  const server = runServerProcess({ WORKERS: '2', DATABASE_PATH: ':memory:' });
  expect(await server.exit).toBe(1);
  expect(server.output()).toContain('WORKERS=2 needs JWT_SECRET: every process must sign and verify tokens with the same key.');
});

it('refuses to start when PostgreSQL cannot be reached, saying where it looked without the password', async () => {
  const port = await closedPort();
  const server = runServerProcess({ DATABASE_URL: `postgres://portal:s3cret@127.0.0.1:${port}/portal` });
  expect(await server.exit).toBe(1);
  expect(server.output()).toContain(`Cannot reach PostgreSQL at postgres://portal:***@127.0.0.1:${port}/portal (ECONNREFUSED)`);
  expect(server.output()).not.toContain('s3cret');
});

describeOnPostgres('when PostgreSQL goes away while serving', (clusterUrl) => {
  let scratch: ScratchDatabase;
  let link: Link;
  let server: TestServer;

  beforeAll(async () => {
    scratch = await createScratchDatabase(clusterUrl, 'portal_outage_test');
    const target = new URL(scratch.url);
    link = await openLink(Number(target.port));
    target.port = String(link.port);
    server = await startTestServer({ databaseUrl: target.toString() });
  });
  afterAll(async () => {
    await server?.stop();
    await link?.close();
    await scratch?.drop();
  });

  it('answers 503 with Retry-After while it is gone, and serves again once it is back', async () => {
    const token = await server.signIn(ALI);
    expect((await server.call('/api/v1/customer/orders', { token })).status).toBe(200);

    await link.close();
    const gone = await server.call('/api/v1/customer/orders', { token });
    expect(gone.status).toBe(503);
    expect(gone.headers.get('Content-Type')).toContain('application/problem+json');
    expect(gone.headers.get('Retry-After')).toBe('5');
    expect(gone.body).toMatchObject({ status: 503, detail: 'The database is not reachable right now; try again in a few seconds.' });
    expect((await server.call('/healthz')).status).toBe(503);

    await link.reopen();
    expect((await server.call('/api/v1/customer/orders', { token })).status).toBe(200);
    expect((await server.call('/healthz')).status).toBe(200);
  });
});

describeOnPostgres('when every pooled connection is busy', (clusterUrl) => {
  let scratch: ScratchDatabase;
  let server: TestServer;
  let admin: pg.Client;

  beforeAll(async () => {
    scratch = await createScratchDatabase(clusterUrl, 'portal_busy_test');
    server = await startTestServer({ databaseUrl: scratch.url, poolSize: 1 });
    admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await server?.stop();
    await scratch?.drop();
  });

  it('answers 503 "busy" with Retry-After to a request that waited for a connection, and serves again once one is free', async () => {
    const token = await server.signIn(ALI);
    // The pool's one connection is held by a request whose query waits for a lock another session keeps.
    await admin.query('BEGIN; LOCK TABLE customers IN ACCESS EXCLUSIVE MODE');
    const held = server.call('/api/v1/customer/profile', { token });
    try {
      await waitUntil(async () => (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'`)).rowCount === 1);

      const busy = await server.call('/api/v1/customer/orders', { token });
      expectProblem(busy, 503, 'The server is busy: all 1 of its database connections are in use. Try again in a moment.');
      expect(busy.headers.get('Retry-After')).toBe('1');
    } finally {
      await admin.query('COMMIT');
    }
    expect((await held).status).toBe(200);
    expect((await server.call('/api/v1/customer/orders', { token })).status).toBe(200);
    expect((await server.call('/healthz')).status).toBe(200);
  });
});

/** Polls `condition` until it holds (bounded: a test that never gets there fails instead of hanging). */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the condition did not hold after 500 checks');
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

interface Link {
  port: number;
  /** Cuts every connection and stops listening: to the server, the database is gone. */
  close(): Promise<void>;
  /** Listens again on the same port: the database is back. */
  reopen(): Promise<void>;
}

/** A TCP relay between the server and PostgreSQL, so that a test can take the database away and back. */
async function openLink(targetPort: number): Promise<Link> {
  const sockets = new Set<Socket>();
  let relay: Server | undefined;
  let port = 0;
  const listen = async () => {
    relay = createServer((inbound) => {
      const outbound = connect(targetPort, '127.0.0.1');
      for (const s of [inbound, outbound]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {});
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((resolve) => relay!.listen(port, '127.0.0.1', resolve));
    port = (relay.address() as { port: number }).port;
  };
  await listen();
  return {
    port,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => (relay ? relay.close(resolve) : resolve(undefined)));
      relay = undefined;
    },
    reopen: listen,
  };
}
