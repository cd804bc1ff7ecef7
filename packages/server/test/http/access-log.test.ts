/**
 * A shared server's log: one JSON entry per request that a log pipeline can query, found by the id the client
 * got in X-Request-Id, and never holding a token, a password or a search term.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { prettyLine } from '../../src/logger.js';
import { capturedLog } from '../support/captured-log.js';
import { ALI, startTestServer, type TestServer } from '../support/test-server.js';

const { log, entries, lines } = capturedLog();
let server: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  server = await startTestServer({ log });
  proxied = await startTestServer({ log: false, trustProxy: true });
});
afterAll(async () => {
  await proxied.stop();
  await server.stop();
});

const requestEntries = () => entries.filter((entry) => typeof entry.requestId === 'string' && typeof entry.status === 'number');

describe('the access log', () => {
  it('writes one JSON line per request, with its id, operation, status, duration and customer', async () => {
    const before = requestEntries().length;
    const token = await server.signIn(ALI);
    const reply = await server.call('/api/v1/customer/orders?status=all&limit=5', { token });
    const id = reply.headers.get('x-request-id');

    expect(requestEntries()).toHaveLength(before + 2);
    expect(requestEntries().find((entry) => entry.requestId === id)).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      requestId: id,
      method: 'GET',
      path: '/api/v1/customer/orders',
      operation: 'listOrders',
      status: 200,
      durationMs: expect.any(Number),
      customerId: 1,
      msg: 'GET /api/v1/customer/orders 200',
    });
    expect(requestEntries().at(-2)).toMatchObject({ operation: 'login', status: 200, customerId: 1 });
  });

  it('names no customer for a request that was refused a 401', async () => {
    const reply = await server.call('/api/v1/customer/dashboard', { token: 'not-a-token' });
    const entry = requestEntries().find((e) => e.requestId === reply.headers.get('x-request-id'));
    expect(entry).toMatchObject({ status: 401, operation: 'getDashboard' });
    expect(entry).not.toHaveProperty('customerId');
  });

  it('never writes a token, a password or a search term', async () => {
    const reply = await server.call('/auth/login', { json: { email: ALI.email, password: ALI.password } });
    const token = reply.body.access_token as string;
    await server.call('/api/v1/customer/orders?search=secret-search-term', { token });
    await server.call('/auth/login', { json: { email: ALI.email, password: 'a-wrong-password-42' } });
    const all = lines.join('');
    for (const secret of [token, token.split('.')[2]!, ALI.password, 'a-wrong-password-42', 'secret-search-term']) expect(all).not.toContain(secret);
  });
});

describe('X-Request-Id', () => {
  it('is a new id on every response, including a 404', async () => {
    const ids = [
      (await server.call('/healthz')).headers.get('x-request-id'),
      (await server.call('/healthz')).headers.get('x-request-id'),
      (await server.call('/no-such-path')).headers.get('x-request-id'),
    ];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sent by a client is ignored when the server is not behind a trusted proxy', async () => {
    const reply = await server.call('/healthz', { headers: { 'X-Request-Id': 'chosen-by-the-client' } });
    expect(reply.headers.get('x-request-id')).not.toBe('chosen-by-the-client');
  });

  it('sent by a trusted proxy (TRUST_PROXY) is kept, so that its log and ours share it', async () => {
    const reply = await proxied.call('/healthz', { headers: { 'X-Request-Id': 'proxy-7f3a:1' } });
    expect(reply.headers.get('x-request-id')).toBe('proxy-7f3a:1');
  });

  it.each([['a quote and spaces', 'x" level="error'], ['an escaped line break', 'a%0Ab'], ['200 characters', 'x'.repeat(200)]])(
    'sent by a proxy is replaced when it holds %s',
    async (_name, incoming) => {
      const reply = await proxied.call('/healthz', { headers: { 'X-Request-Id': incoming } });
      expect(reply.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    },
  );
});

describe('readable lines on a terminal', () => {
  it('show the time of day, the level, the request and its fields', () => {
    const line = prettyLine({
      level: 'info',
      time: '2026-12-07T09:12:03.123Z',
      requestId: 'abc',
      method: 'GET',
      path: '/api/v1/customer/orders',
      operation: 'listOrders',
      status: 200,
      durationMs: 1.4,
      customerId: 1,
      msg: 'GET /api/v1/customer/orders 200',
    });
    expect(line).toBe('09:12:03 INFO  GET /api/v1/customer/orders 200 1.4 ms requestId=abc operation=listOrders customerId=1');
  });

  it('put an error stack on the lines below', () => {
    expect(prettyLine({ level: 'error', time: '2026-12-07T09:12:03.123Z', msg: 'listOrders failed', err: { stack: 'Error: x\n    at y' } })).toBe(
      '09:12:03 ERROR listOrders failed\nError: x\n    at y',
    );
  });
});

describe('LOG_FORMAT and LOG_LEVEL', () => {
  it('take the values they document, and refuse others with a sentence', () => {
    expect(resolveConfig({}, { LOG_LEVEL: 'warn' }).log).toMatchObject({ level: 'warn' });
    expect(() => resolveConfig({}, { LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT must be json or pretty, not "xml".');
    expect(() => resolveConfig({}, { LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL must be one of fatal, error, warn, info/);
  });
});
