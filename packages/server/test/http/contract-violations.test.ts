/** Responses are checked against the contract: a breach is a 500 and a log line, never a silent drift. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStore, type PortalStore } from '@customer-portal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createServerAuth, createTokenService, openDatabase } from '../../src/index.js';
import { capturedLog } from '../support/captured-log.js';
import { ALI, callServer, expectProblem, startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/test-server.js';

describe('a response that breaks the contract', () => {
  const { log, entries } = capturedLog();
  let server: TestServer;
  let lenient: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ log });
    // A second server on the same file, with response validation off (VALIDATE_RESPONSES=false).
    lenient = await startTestServer({ validateResponses: false }, server.dir);
    token = await server.signIn(ALI);
    // Data the contract does not allow: a negative total.
    const db = openDatabase(server.databasePath);
    db.prepare(`UPDATE orders SET total = -1 WHERE id = 'ORD123'`).run();
    db.close();
  });
  afterAll(async () => {
    await lenient.close();
    await server.stop();
  });

  it('is a 500 problem instead of the bad data', async () => {
    const reply = await server.call('/api/v1/customer/orders/ORD123', { token });
    expectProblem(reply, 500, 'Something went wrong on our side. Please try again.');
    expect(reply.text).not.toContain('-1');
  });

  it('logs the operation and the field that broke it, and the request in the access log', () => {
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        operation: 'getOrder',
        status: 200,
        msg: expect.stringContaining('response.body.total: Total must be at least 0.'),
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ level: 'info', operation: 'getOrder', path: '/api/v1/customer/orders/ORD123', status: 500, customerId: 1 }),
    );
  });

  it('passes through when response validation is turned off', async () => {
    const reply = await lenient.call('/api/v1/customer/orders/ORD123', { token });
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBe(-1);
  });
});

describe('an error nobody expected', () => {
  const { log, entries } = capturedLog();
  let http: Server;
  let url: string;
  let token: string;

  beforeAll(async () => {
    const memory = createMemoryStore();
    const failing: PortalStore = {
      ...memory,
      async listOrders() {
        throw new Error('SQLITE_CORRUPT: database disk image is malformed at /srv/secret/portal.db');
      },
    };
    const tokens = createTokenService(TEST_JWT_SECRET);
    const app = createApp({ store: failing, auth: { ...createServerAuth(tokens), verifyPassword: async () => true }, log });
    http = createServer(app.callback()).listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    token = tokens.issue(1).access_token;
  });
  afterAll(() => new Promise((resolve) => http.close(resolve)));

  it('is a bare 500 problem: no message, no stack, no path', async () => {
    const reply = await callServer(url, '/api/v1/customer/orders', { token });
    expectProblem(reply, 500, 'Something went wrong on our side. Please try again.');
    expect(reply.text).not.toMatch(/SQLITE|secret|malformed/);
  });

  it('is logged on the server with the operation and the stack', () => {
    const failure = entries.find((entry) => entry.level === 'error');
    expect(failure).toMatchObject({ operation: 'listOrders', msg: 'listOrders failed', err: { message: expect.stringMatching(/^SQLITE_CORRUPT/) } });
    expect(failure?.err.stack).toMatch(/\n\s+at /);
  });
});
