/**
 * The real server for a test file: started on an ephemeral port over a fresh database file in a temporary
 * folder, called over HTTP with fetch. One per file (beforeAll), because seeding hashes two passwords.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_ACCOUNTS } from '@customer-portal/core';
import { expect } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../src/index.js';

export const TEST_JWT_SECRET = 'test-secret-of-the-reference-server-0123456789';

export const ALI = { id: 1, ...SAMPLE_ACCOUNTS[0] };
export const SARA = { id: 2, ...SAMPLE_ACCOUNTS[1] };

export interface Reply {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: any;
  text: string;
}

export interface CallOptions {
  method?: string;
  token?: string;
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** Sent as it is. */
  body?: string;
  headers?: Record<string, string>;
}

export interface TestServer extends RunningServer {
  dir: string;
  databasePath: string;
  call(path: string, options?: CallOptions): Promise<Reply>;
  /** Signs in and returns the access token. */
  signIn(account: { email: string; password: string }): Promise<string>;
  /** Closes the server and deletes its folder. */
  stop(): Promise<void>;
}

export async function startTestServer(options: ServerOptions = {}, dir = mkdtempSync(join(tmpdir(), 'portal-server-'))): Promise<TestServer> {
  const databasePath = join(dir, 'portal.db');
  const server = await startServer({ port: 0, host: '127.0.0.1', databasePath, jwtSecret: TEST_JWT_SECRET, log: false, ...options });
  const call = (path: string, callOptions?: CallOptions) => callServer(server.url, path, callOptions);
  return {
    ...server,
    dir,
    databasePath,
    call,
    async signIn({ email, password }) {
      const reply = await call('/auth/login', { method: 'POST', json: { email, password } });
      if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.status} ${reply.text}`);
      return reply.body.access_token as string;
    },
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A test server and Ali's access token on it: the set-up of most test files. */
export async function startSignedIn(options: ServerOptions = {}): Promise<{ server: TestServer; token: string }> {
  const server = await startTestServer(options);
  return { server, token: await server.signIn(ALI) };
}

export async function callServer(baseUrl: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${baseUrl}${path}`, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (the docs page, the YAML contract): the text is the body.
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A problem response: RFC 9457 with a human `detail`, and nothing of the server's insides (no stack, no paths). */
export function expectProblem(reply: Reply, status: number, detail?: string | RegExp): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toBe('application/problem+json');
  expect(reply.body).toMatchObject({
    type: expect.stringMatching(/^https:\/\//),
    title: expect.any(String),
    status,
    detail: expect.stringMatching(/^[A-Z"].{9,}[.!?]$/),
  });
  expect(reply.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.[jt]s:\d+|Error:/);
  if (detail !== undefined) expect(reply.body.detail).toMatch(detail);
}
