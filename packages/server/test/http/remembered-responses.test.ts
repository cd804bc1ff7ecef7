/**
 * The server answers a repeated GET from memory while the data is unchanged (http/remembered-responses.ts).
 * What a customer relies on: the same bytes as a worked-out answer, never another customer's answer, never
 * past their token's validity, and every change visible on the next request, whoever made it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStore, type PortalStore } from '@customer-portal/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createServerAuth, createTokenService, openDatabase, resolveConfig } from '../../src/index.js';
import { callServer, startSignedIn, ALI, SARA, TEST_JWT_SECRET, type TestServer } from '../support/test-server.js';

describe('remembered answers, on an app whose data version the test moves', () => {
  let version = 1;
  let listOrdersCalls = 0;
  let getOrderCalls = 0;
  let server: Server;
  let url: string;
  const tokens = createTokenService(TEST_JWT_SECRET);
  const ali = tokens.issue(ALI.id).access_token;
  const sara = tokens.issue(SARA.id).access_token;

  beforeAll(async () => {
    const memory = createMemoryStore();
    // The in-memory store, counting the reads that a remembered answer must spare it.
    const store: PortalStore = {
      ...memory,
      listOrders: (...args) => (listOrdersCalls++, memory.listOrders(...args)),
      getOrder: (...args) => (getOrderCalls++, memory.getOrder(...args)),
    };
    const app = createApp({ store, auth: createServerAuth(tokens), log: false, dataVersion: () => String(version) });
    server = createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  afterEach(() => void version++);

  const orders = (token: string, query = '') => callServer(url, `/api/v1/customer/orders${query}`, { token });

  it('answers a URL asked before from memory from its third time on: the same status, headers and bytes', async () => {
    const first = await orders(ali, '?limit=2');
    const second = await orders(ali, '?limit=2');
    const calls = listOrdersCalls;
    const third = await orders(ali, '?limit=2');
    expect(listOrdersCalls).toBe(calls);
    expect(third.status).toBe(200);
    expect([second.text, third.text]).toEqual([first.text, first.text]);
    for (const name of ['content-type', 'x-total-count', 'cache-control', 'x-content-type-options']) {
      expect(third.headers.get(name), name).toBe(first.headers.get(name));
    }
  });

  it('works every URL out the first two times: a stream of distinct URLs keeps no pages', async () => {
    const calls = listOrdersCalls;
    for (const limit of [3, 4, 5]) await orders(ali, `?limit=${limit}`);
    await orders(ali, '?limit=3');
    expect(listOrdersCalls).toBe(calls + 4);
  });

  it('works a request out again once the data version moved', async () => {
    await orders(ali);
    await orders(ali);
    const calls = listOrdersCalls;
    await orders(ali);
    expect(listOrdersCalls).toBe(calls);
    version++;
    await orders(ali);
    expect(listOrdersCalls).toBe(calls + 1);
  });

  it("never answers one customer with another's remembered answer", async () => {
    const alis = await orders(ali);
    await orders(ali);
    const saras = await orders(sara);
    expect(saras.status).toBe(200);
    expect(saras.text).not.toBe(alis.text);
    expect(saras.body.map((o: { id: string }) => o.id)).not.toContain('ORD123');
  });

  it('refuses a token that is no longer valid, though its URL was answered before', async () => {
    const token = ali;
    for (let i = 0; i < 3; i++) expect((await orders(token)).status).toBe(200);
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await orders(altered)).status).toBe(401);
    expect((await callServer(url, '/api/v1/customer/orders')).status).toBe(401);
  });

  it('does not remember an answer that was not a 200', async () => {
    const token = ali;
    const missing = await callServer(url, '/api/v1/customer/orders/ORD404', { token });
    expect(missing.status).toBe(404);
    await callServer(url, '/api/v1/customer/orders/ORD404', { token });
    const calls = getOrderCalls;
    expect((await callServer(url, '/api/v1/customer/orders/ORD404', { token })).body).toEqual(missing.body);
    expect(getOrderCalls).toBe(calls + 1);
  });
});

describe('an app without a data version (REMEMBER_RESPONSES=false)', () => {
  it('works every GET out', async () => {
    const memory = createMemoryStore();
    let calls = 0;
    const store: PortalStore = { ...memory, listOrders: (...args) => (calls++, memory.listOrders(...args)) };
    const tokens = createTokenService(TEST_JWT_SECRET);
    const app = createApp({ store, auth: createServerAuth(tokens), log: false });
    const server = createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const token = tokens.issue(ALI.id).access_token;
      for (let i = 0; i < 3; i++) expect((await callServer(url, '/api/v1/customer/orders', { token })).status).toBe(200);
      expect(calls).toBe(3);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is what REMEMBER_RESPONSES=false asks for; remembering is on by default', () => {
    expect(resolveConfig({}, { REMEMBER_RESPONSES: 'false' }).rememberResponses).toBe(false);
    expect(resolveConfig({}, {}).rememberResponses).toBe(true);
  });
});

describe('remembered answers on the real server over a SQLite file', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => ({ server, token } = await startSignedIn()));
  afterAll(() => server.stop());

  // Asked three times first, so that the answer is remembered when the data changes.
  const askedThrice = async (path: string) => {
    for (let i = 0; i < 2; i++) await server.call(path, { token });
    return server.call(path, { token });
  };

  it('shows a write made through the API on the next GET', async () => {
    expect((await askedThrice('/api/v1/customer/profile')).body.full_name).toBe('Ali Jawad');
    const saved = await server.call('/api/v1/customer/profile', { method: 'PUT', token, json: { full_name: 'Ali J.' } });
    expect(saved.status).toBe(200);
    expect((await server.call('/api/v1/customer/profile', { token })).body.full_name).toBe('Ali J.');
  });

  it('shows a commit by another process (another connection to the file) on the next request', async () => {
    const before = await askedThrice('/api/v1/customer/orders/ORD123');
    expect(before.body.status).not.toBe('CANCELLED');
    const other = openDatabase(server.databasePath);
    try {
      other.prepare("UPDATE orders SET status = 'CANCELLED' WHERE id = 'ORD123'").run();
    } finally {
      other.close();
    }
    expect((await server.call('/api/v1/customer/orders/ORD123', { token })).body.status).toBe('CANCELLED');
  });
});
