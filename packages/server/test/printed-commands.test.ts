/**
 * The commands the server prints work where it prints them, and none is a bare `npx <name>` that npm would
 * look up in the registry. (In a team's app, `npx --no-install customer-portal-server`: test/consumer runs it.)
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverCommand, shellWord, type CommandContext } from '../src/commands.js';
import { ALI, callServer } from './support/test-server.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

describe('serverCommand', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-commands-'));
  const scripted = join(dir, 'scripted', 'package.json');
  const installed = join(dir, 'app', 'node_modules', '@customer-portal', 'server', 'dist', 'bin.js');
  mkdirSync(join(dir, 'scripted'));
  writeFileSync(scripted, JSON.stringify({ scripts: { start: 'npm run build && node packages/server/dist/bin.js', 'db:reset': 'node packages/server/dist/bin.js db:reset', other: 'vite' } }));
  mkdirSync(join(dir, 'app', 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(dir, 'app', 'node_modules', '.bin', 'customer-portal-server'), '');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const npm = { npm_package_json: scripted, npm_lifecycle_event: 'start' };
  it.each<[string, CommandContext, 'start' | 'db:reset', string]>([
    ['started by an npm script: the script that resets', { env: npm, cwd: join(dir, 'scripted'), bin: '/repo/packages/server/dist/bin.js' }, 'db:reset', 'npm run db:reset'],
    ['started by an npm script: that script', { env: npm, cwd: join(dir, 'scripted'), bin: '/repo/packages/server/dist/bin.js' }, 'start', 'npm run start'],
    ['an npm script of a package npm run would not find from here: not its scripts', { env: npm, cwd: '/elsewhere', bin: '/repo/dist/bin.js' }, 'db:reset', 'node /repo/dist/bin.js db:reset'],
    ['an npm script that does not run the server: not that script', { env: { ...npm, npm_lifecycle_event: 'other' }, cwd: '/elsewhere', bin: '/repo/dist/bin.js' }, 'start', 'node /repo/dist/bin.js'],
    ['installed in the app: npx, never the registry', { env: {}, cwd: join(dir, 'app', 'src'), bin: installed }, 'db:reset', 'npx --no-install customer-portal-server db:reset'],
    ['installed, from the app folder itself', { env: {}, cwd: join(dir, 'app'), bin: installed }, 'start', 'npx --no-install customer-portal-server'],
    ['a workspace copy: its path from here', { env: {}, cwd: '/repo', bin: '/repo/packages/server/dist/bin.js' }, 'db:reset', 'node packages/server/dist/bin.js db:reset'],
    ['from outside that folder: the whole path, quoted', { env: {}, cwd: '/tmp', bin: '/my repo/dist/bin.js' }, 'db:reset', "node '/my repo/dist/bin.js' db:reset"],
  ])('%s', (_rule, context, command, expected) => {
    expect(serverCommand(command, context)).toBe(expected);
  });

  it.each([
    ['plain', 'plain'],
    ['/a b/c', "'/a b/c'"],
    ["it's", `'it'\\''s'`],
  ])('shellWord(%j) is %s', (word, quoted) => {
    expect(shellWord(word)).toBe(quoted);
    expect(execFileSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' })).toBe(word);
  });
});

// A terminal's environment: not the one npm gave the process running these tests.
const terminal = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));

/** Starts `command` in `cwd` with sh, as a user would type it, and resolves with the server's URL and output. */
async function startWith(command: string, cwd: string) {
  const child = spawn('sh', ['-c', `exec ${command}`], {
    cwd,
    env: { ...terminal, PORT: '0', JWT_SECRET: '', DATABASE_PATH: '', WORKERS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, stopped as a whole as Ctrl+C stops npm and the server it started.
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exit = new Promise((resolve) => child.once('close', resolve));
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (url && output.includes('Press Ctrl+C')) return { url, output: () => output, stop: () => (process.kill(-child.pid!, 'SIGTERM'), exit) };
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each([
  ['started with node from another folder', (dir: string) => ({ cwd: dir, start: `node ${shellWord(BIN)}` })],
  [
    'started by a package script (npm start)',
    (dir: string) => {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, scripts: { start: `node ${shellWord(BIN)}`, 'db:reset': `node ${shellWord(BIN)} db:reset` } }));
      return { cwd: dir, start: 'npm start --silent' };
    },
  ],
])('the printed reset command, %s', (_how, setUp) => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startWith>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-printed-'));
    const { cwd, start } = setUp(dir);
    server = await startWith(start, cwd);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resets the database this server serves, typed in the folder it was started from', async () => {
    const reset = /Reset it: {2}(.+) \(the sample data back/.exec(server.output())?.[1];
    expect(reset).toBeDefined();
    expect(reset).not.toMatch(/npx (?!--no-install)/);
    const login = await callServer(server.url, '/auth/login', { json: { email: ALI.email, password: ALI.password } });
    const token = login.body.access_token;
    const created = await callServer(server.url, '/api/v1/customer/tickets', { token, json: { subject: 'Before the reset', description: 'Gone after it.' } });
    expect(created.status).toBe(201);

    execFileSync('sh', ['-c', reset!], { cwd: dir, env: { ...terminal, JWT_SECRET: '', DATABASE_PATH: '' }, stdio: 'pipe' });

    expect((await callServer(server.url, `/api/v1/customer/tickets/${created.body.id}`, { token })).status).toBe(404);
  });
});
