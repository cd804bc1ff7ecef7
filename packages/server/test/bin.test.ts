/** The `customer-portal-server` command, as `npm start` and `npx` run it: the built dist/bin.js in its own process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, callServer } from './support/test-server.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

const terminal = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));

function run(args: string[], env: Record<string, string>, cwd?: string): Run {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    // As from a terminal: without the npm_* variables of the npm that runs the tests, which would make the
    // printed commands name this repository's npm scripts (printed-commands.test.ts covers that case).
    env: { ...terminal, JWT_SECRET: '', DATABASE_PATH: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

/** Starts the server (in `cwd`, default this process's) and waits for its start line. */
async function startIn(cwd: string | undefined, env: Record<string, string>): Promise<Run & { url: string }> {
  const started = run([], { PORT: '0', ...env }, cwd);
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(started.output())?.[1];
    if (url) return { ...started, url };
    if (started.child.exitCode !== null) throw new Error(`the server exited: ${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const start = (env: Record<string, string>) => startIn(undefined, env);

describe('customer-portal-server', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx tsc --build packages/server\` first.`);
    dir = mkdtempSync(join(tmpdir(), 'portal-bin-'));
    env = { DATABASE_PATH: join(dir, 'data', 'portal.db') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts, printing the URL, the docs, the database, the key file and the sample accounts', async () => {
    const server = await start(env);
    expect((await callServer(server.url, '/healthz')).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    const output = server.output();
    expect(output).toContain(`API docs:  ${server.url}/docs`);
    expect(output).toContain(`Database:  ${env.DATABASE_PATH}`);
    expect(output).toContain(`Created a token signing key in ${join(dir, 'data', 'jwt-secret')}`);
    expect(output).toContain('ali.jawad@example.com / customer123');
    expect(output).toContain('sara.khan@example.com / customer456');
    // Started with `node <path>` and a DATABASE_PATH: the reset line runs the same file on the same database.
    expect(output).toContain(`Reset it:  DATABASE_PATH=${env.DATABASE_PATH} node ${relative(process.cwd(), BIN)} db:reset`);
  });

  it('keeps its data by default in .customer-portal/ of the working directory, which git ignores on its own', async () => {
    const app = mkdtempSync(join(tmpdir(), 'portal-app-'));
    try {
      const server = await startIn(app, {});
      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
      expect(server.output()).toContain(`Database:  ${join(app, '.customer-portal', 'portal.db')}`);
      expect(existsSync(join(app, '.customer-portal', 'jwt-secret'))).toBe(true);
      expect(readFileSync(join(app, '.customer-portal', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s, closing the database', async (signal) => {
    const server = await start(env);
    server.child.kill(signal);
    expect(await server.exit).toBe(0);
    expect(server.output()).toContain(`${signal}: stopping.`);
    // A cleanly closed WAL database is checkpointed and its -wal file removed.
    expect(existsSync(`${env.DATABASE_PATH}-wal`)).toBe(false);
  });

  it('db:reset puts the sample data back', async () => {
    const db = new Database(env.DATABASE_PATH!);
    db.prepare(`DELETE FROM tickets WHERE id = 'TKT456'`).run();
    db.close();

    const reset = run(['db:reset'], env);
    expect(await reset.exit).toBe(0);
    expect(reset.output()).toContain(`Reset ${env.DATABASE_PATH} to the sample data.`);

    const server = await start(env);
    const login = await callServer(server.url, '/auth/login', { json: { email: ALI.email, password: ALI.password } });
    const ticket = await callServer(server.url, '/api/v1/customer/tickets/TKT456', { token: login.body.access_token });
    server.child.kill('SIGTERM');
    await server.exit;
    expect(ticket.body.subject).toBe('Product inquiry');
  });

  it('db:reset while a server runs resets what that server serves, and its tokens stay valid', async () => {
    const server = await start(env);
    try {
      const login = await callServer(server.url, '/auth/login', { json: { email: ALI.email, password: ALI.password } });
      const token = login.body.access_token;
      const created = await callServer(server.url, '/api/v1/customer/tickets', {
        token,
        json: { subject: 'Written before the reset', description: 'This ticket should be gone after db:reset.' },
      });
      expect(created.status).toBe(201);

      const reset = run(['db:reset'], env);
      expect(await reset.exit).toBe(0);

      expect((await callServer(server.url, `/api/v1/customer/tickets/${created.body.id}`, { token })).status).toBe(404);
      const dashboard = await callServer(server.url, '/api/v1/customer/dashboard', { token });
      expect(dashboard.body.stats.open_tickets).toBe(2);
    } finally {
      server.child.kill('SIGTERM');
      await server.exit;
    }
  });

  it('explains a port that is taken in one sentence and exits 1', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as { port: number }).port;
    const server = run([], { ...env, PORT: String(port) });
    expect(await server.exit).toBe(1);
    blocker.close();
    expect(server.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(server.output()).toContain(`PORT=${port + 1} node ${relative(process.cwd(), BIN)}`);
    expect(server.output()).not.toMatch(/\n\s+at /);
  });

  it('says how to build the SQLite driver when npm skipped its install script', async () => {
    const preload = fileURLToPath(new URL('./support/unbuilt-driver.cjs', import.meta.url));
    const server = run([], { ...env, PORT: '0', NODE_OPTIONS: `--require ${preload}` });
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain('better-sqlite3, the SQLite driver, is not built');
    expect(server.output()).toContain('"allowScripts": { "better-sqlite3": true }');
    expect(server.output()).not.toContain('Could not locate the bindings file');
  });

  it.each([
    ['a PORT that is not a number', ['start'], { PORT: 'http' }, 1, 'PORT must be a number from 0 to 65535, not "http".'],
    ['production without JWT_SECRET', ['start'], { NODE_ENV: 'production' }, 1, 'Set JWT_SECRET in production'],
    ['an unknown command', ['migrate'], {}, 2, 'Unknown command "migrate".'],
  ])('refuses %s', async (_name, args, extra, code, message) => {
    const refused = run(args, { ...env, ...extra });
    expect(await refused.exit).toBe(code);
    expect(refused.output()).toContain(message);
  });
});
