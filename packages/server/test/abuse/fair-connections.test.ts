/**
 * One client cannot keep the others out: MAX_CONNECTIONS was one limit for the whole server, and a client
 * that held idle sockets and reopened each one as it was closed kept almost every other connection out. Each
 * address now holds a share, and silent sockets make room first. Clients here are distinct loopback
 * addresses (127.0.0.2, 127.0.0.3...), which Linux routes to the server like any other.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { clientAddressKey } from '../../src/http/fair-connections.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ maxConnections: 40, maxConnectionsPerAddress: 10 });
});
afterAll(() => server.stop());

/** Sockets that connect from `address`, send nothing, and are opened again as soon as the server closes them. */
function squatter(address: string, count: number, reopenBudget = 1500) {
  // Connected, and every socket made (a socket still connecting when the test stops must be closed too).
  const open = new Set<Socket>();
  const made = new Set<Socket>();
  let budget = reopenBudget;
  let stopped = false;
  const one = () => {
    const socket = connect({ port: server.port, host: '127.0.0.1', localAddress: address });
    made.add(socket);
    socket.on('error', () => undefined);
    socket.once('connect', () => open.add(socket));
    socket.once('close', () => {
      open.delete(socket);
      made.delete(socket);
      if (!stopped && budget-- > 0) setImmediate(one);
    });
  };
  for (let i = 0; i < count; i++) one();
  return {
    open,
    stop() {
      stopped = true;
      for (const socket of made) socket.destroy();
    },
  };
}

const squatters: { stop(): void }[] = [];
afterEach(() => squatters.splice(0).forEach((s) => s.stop()));

/** A well-behaved client: one request on a fresh connection from `address`; its status, or the error's code. */
function healthCheck(address: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ port: server.port, host: '127.0.0.1', localAddress: address, path: '/healthz', agent: false, timeout: 3000 }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })));
    req.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('connections shared between clients', () => {
  it('another client gets every request through while one address holds and reopens more sockets than the server allows', async () => {
    const squatting = squatter('127.0.0.2', 60);
    squatters.push(squatting);
    await settle();
    const answers: (number | string)[] = [];
    for (let i = 0; i < 30; i++) answers.push(await healthCheck('127.0.0.3'));
    expect(answers).toEqual(Array(30).fill(200));
    // It holds its share, never more.
    expect(squatting.open.size).toBeLessThanOrEqual(10);
  });

  it('another client gets every request through while eight addresses fill the server with silent sockets', async () => {
    for (let i = 10; i < 18; i++) squatters.push(squatter(`127.0.0.${i}`, 10, 200));
    await settle();
    const answers: (number | string)[] = [];
    for (let i = 0; i < 30; i++) answers.push(await healthCheck('127.0.0.3'));
    expect(answers).toEqual(Array(30).fill(200));
  });

  it('serves many requests from one address that keeps within its share', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => healthCheck('127.0.0.4')));
    expect(answers).toEqual(Array(10).fill(200));
  });
});

describe('the address connections are counted under', () => {
  it.each([
    ['127.0.0.2', '127.0.0.2'],
    ['::ffff:127.0.0.2', '127.0.0.2'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['2001:db8:0:1:aaaa:bbbb:cccc:dddd', '2001:db8:0:1::/64'],
    ['2001:db8:0:1::1', '2001:db8:0:1::/64'],
    ['2001:0db8:0000:0001:ffff::', '2001:db8:0:1::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s is counted as %s', (address, key) => {
    expect(clientAddressKey(address)).toBe(key);
  });

  it('puts two addresses of one /64 together, and two /64s apart', () => {
    expect(clientAddressKey('2001:db8:0:1::a')).toBe(clientAddressKey('2001:db8:0:1:ffff::b'));
    expect(clientAddressKey('2001:db8:0:1::a')).not.toBe(clientAddressKey('2001:db8:0:2::a'));
  });
});

describe('MAX_CONNECTIONS_PER_ADDRESS', () => {
  it('is 100 by default, room for a dev server proxy and a 32-connection load test', () => {
    expect(resolveConfig({}, {}).maxConnectionsPerAddress).toBe(100);
    expect(resolveConfig({}, { MAX_CONNECTIONS_PER_ADDRESS: '40' }).maxConnectionsPerAddress).toBe(40);
  });

  it('is not applied behind a proxy, whose one address every connection has', () => {
    expect(resolveConfig({}, { TRUST_PROXY: 'true' }).maxConnectionsPerAddress).toBeUndefined();
  });

  it('refuses a value that is not a whole number above 0', () => {
    expect(() => resolveConfig({}, { MAX_CONNECTIONS_PER_ADDRESS: '0' })).toThrow(/MAX_CONNECTIONS_PER_ADDRESS must be a whole number/);
  });
});
