/**
 * What the backend-side tests run against: the reference server in a process of its own (its `bin`, on a
 * fresh SQLite file), playing a team's real backend; the mocks run on another world, so the source of each
 * answer shows. And small servers of the tests' own, for backends that break the contract or do not answer.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SampleWorld } from '../../src/index.js';

// The package's `bin`, beside its entry point (dist/index.js).
const BIN = join(dirname(createRequire(import.meta.url).resolve('@customer-portal/server')), 'bin.js');

export interface RunningBackend {
  url: string;
  stop(): Promise<void>;
}

/** `customer-portal-server` on a fresh database, as a team would run it; resolves once it listens. */
export async function startReferenceBackend(): Promise<RunningBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'mocks-backend-'));
  const child = spawn(process.execPath, [BIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'portal.sqlite'), DATABASE_URL: '', WORKERS: '', JWT_SECRET: 'backend-side-tests-secret-of-at-least-32-bytes' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (url) {
      return {
        url,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    if (child.exitCode !== null) throw new Error(`the reference server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The mocks' world: the sample world with every customer's name marked, so an answer says where it came from. */
export function mocksWorld(world: SampleWorld): SampleWorld {
  return { ...world, customers: world.customers.map((c) => ({ ...c, full_name: `${c.full_name} (mocks)` })) };
}

export interface OwnBackend extends RunningBackend {
  /** Every request it received: method, path and the Authorization header. */
  received: { method: string; path: string; authorization: string | undefined }[];
}

/** A backend of the test's own on 127.0.0.1: `answer` writes each response (or never does, to hang). */
export async function startOwnBackend(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<OwnBackend> {
  const received: OwnBackend['received'] = [];
  const server: Server = createServer((request, response) => {
    received.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization });
    request.resume();
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JSON answer of the test's own backend. */
export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
