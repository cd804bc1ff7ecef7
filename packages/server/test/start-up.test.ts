/**
 * What a start loads: only what a first read needs, so that a restarted server answers soon. The modules that
 * only a request body, a sign-in, the routes around the API or PostgreSQL need are loaded on first use. Seen
 * from the built command, with a module hook that writes down every module the process imports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenService } from '../src/index.js';
import { ALI, callServer, TEST_JWT_SECRET } from './support/test-server.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** What only some requests need, by a piece of the path it is loaded from. */
const LOADED_ON_FIRST_USE = {
  body: '/koa-bodyparser/',
  signIn: '/rate-limiter-flexible/',
  routesAroundTheApi: '/@koa/router/',
  postgres: '/store/postgres/postgres-store.js',
};

describe('a start of customer-portal-server on SQLite', () => {
  let dir: string;
  let imported: string;
  let child: ChildProcess;
  let url: string;
  const loaded = () => readFileSync(imported, 'utf8');

  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx tsc --build packages/server\` first.`);
    dir = mkdtempSync(join(tmpdir(), 'portal-start-up-'));
    imported = join(dir, 'imported.txt');
    writeFileSync(imported, '');
    // Every module the process imports, written down as it is resolved (a module customization hook).
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        const resolved = await next(specifier, context);
        appendFileSync(${JSON.stringify(imported)}, resolved.url + '\\n');
        return resolved;
      }`,
    );
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
    child = spawn(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, BIN], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', WORKERS: '', DATABASE_PATH: join(dir, 'portal.db'), JWT_SECRET: TEST_JWT_SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    for (;;) {
      const listening = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (listening) {
        url = listening;
        break;
      }
      if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers its first read without loading what only bodies, sign-ins, the routes around the API or PostgreSQL need', async () => {
    const token = createTokenService(TEST_JWT_SECRET).issue(ALI.id).access_token;
    expect((await callServer(url, '/api/v1/customer/orders', { token })).status).toBe(200);
    for (const path of Object.values(LOADED_ON_FIRST_USE)) expect(loaded()).not.toContain(path);
  });

  it.each([
    ['a sign-in, with its body', () => callServer(url, '/auth/login', { json: { email: ALI.email, password: ALI.password } }), 200, [LOADED_ON_FIRST_USE.body, LOADED_ON_FIRST_USE.signIn]],
    ['a health check', () => callServer(url, '/healthz'), 200, [LOADED_ON_FIRST_USE.routesAroundTheApi]],
  ] as const)('loads what %s needs when the first one comes, and answers it', async (_request, call, status, paths) => {
    expect((await call()).status).toBe(status);
    for (const path of paths) expect(loaded()).toContain(path);
    expect(loaded()).not.toContain(LOADED_ON_FIRST_USE.postgres);
  });
});
