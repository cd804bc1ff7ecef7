/**
 * Issue 16, finding 5: a client that sent its headers and never its body held its connection for about
 * 326 s, and 1,000 such clients were all held. The server now cuts a request that does not arrive in time,
 * closes idle kept-alive connections, and refuses connections beyond its cap.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTION_LIMITS, MAX_REQUEST_TIMEOUT_MS, resolveConfig } from '../../src/config.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  // Short limits, so that the test sees the server act on them in a few seconds.
  server = await startTestServer({ headersTimeoutMs: 800, requestTimeoutMs: 1500, keepAliveTimeoutMs: 500, maxConnections: 3 });
});
afterAll(() => server.stop());

const open: Socket[] = [];
afterAll(() => open.forEach((socket) => socket.destroy()));

/** A raw connection, and everything the server sends on it until it closes it. */
async function connection(): Promise<{ socket: Socket; closed: Promise<string> }> {
  const socket = connect(server.port, '127.0.0.1');
  open.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  const closed = new Promise<string>((resolve) => {
    socket.once('close', () => resolve(received));
    socket.once('error', () => undefined);
  });
  return { socket, closed };
}

describe('a client that does not finish its request', () => {
  it('that sends its headers and never the body is answered 408 and cut off', async () => {
    const { socket, closed } = await connection();
    socket.write('POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"em');
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('that never finishes its headers is cut off', async () => {
    const { socket, closed } = await connection();
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(await closed).toMatch(/^(?:HTTP\/1\.1 408|$)/);
  });

  it('that keeps an answered connection open and idle is closed', async () => {
    const { socket, closed } = await connection();
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await closed).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe('the connection cap', () => {
  it('closes connections beyond maxConnections as they arrive, and serves again once there is room', async () => {
    const held = await Promise.all([connection(), connection(), connection()]);
    for (const { socket } of held) socket.write('POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n');
    const extra = await connection();
    extra.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await extra.closed).toBe('');
    await Promise.all(held.map(({ closed }) => closed));
    const after = await connection();
    after.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(await after.closed).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe('the limits a server starts with', () => {
  it('let no client take more than 60 s to send its request, and cap connections', () => {
    const config = resolveConfig({}, {});
    expect(config.requestTimeoutMs).toBe(CONNECTION_LIMITS.requestTimeoutMs);
    expect(config.requestTimeoutMs).toBeLessThanOrEqual(MAX_REQUEST_TIMEOUT_MS);
    expect(config.headersTimeoutMs).toBeLessThanOrEqual(config.requestTimeoutMs);
    expect(config.keepAliveTimeoutMs).toBeLessThanOrEqual(MAX_REQUEST_TIMEOUT_MS);
    expect(config.maxConnections).toBe(CONNECTION_LIMITS.maxConnections);
  });

  it.each([
    [{ REQUEST_TIMEOUT_MS: '61000' }, /REQUEST_TIMEOUT_MS must be at most 60000/],
    [{ HEADERS_TIMEOUT_MS: '40000' }, /HEADERS_TIMEOUT_MS \(40000\) must not be longer than REQUEST_TIMEOUT_MS/],
    [{ MAX_CONNECTIONS: 'lots' }, /MAX_CONNECTIONS must be a whole number above 0/],
  ])('refuses %o with a sentence', (env, message) => {
    expect(() => resolveConfig({}, env)).toThrow(message);
  });

  it('reads the limits from the environment', () => {
    const config = resolveConfig({}, { REQUEST_TIMEOUT_MS: '20000', HEADERS_TIMEOUT_MS: '5000', KEEP_ALIVE_TIMEOUT_MS: '2000', MAX_CONNECTIONS: '50' });
    expect(config).toMatchObject({ requestTimeoutMs: 20000, headersTimeoutMs: 5000, keepAliveTimeoutMs: 2000, maxConnections: 50 });
  });
});
