/**
 * `WORKERS=2` on one SQLite file, started as a deployment starts it (the built bin): both processes serve,
 * a token from one verifies on the other, and requests racing through both keep every invariant (every
 * message, one return per item). Which process serves a connection is read from the operating system
 * (/proc: the process holding the server's end of the socket), not from anything the server says.
 */
import { readdirSync, readFileSync, readlinkSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServerProcess, startServerProcess, type RunningServerProcess } from './support/server-process.js';
import { ALI, TEST_JWT_SECRET } from './support/test-server.js';
import { expectInTimeOrder } from './support/ticket-order.js';

interface Reply {
  status: number;
  body: any;
}

/** One kept-alive connection to the server, and the worker process at its other end. */
interface Connection {
  pid: number;
  call(path: string, options?: { token?: string; json?: unknown }): Promise<Reply>;
  close(): void;
}

let dir: string;
let server: RunningServerProcess;
let port: number;
let workerPids: number[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portal-sqlite-workers-'));
  server = await startServerProcess({ DATABASE_PATH: join(dir, 'portal.db'), HOST: '127.0.0.1', JWT_SECRET: TEST_JWT_SECRET, WORKERS: '2' });
  port = Number(new URL(server.url).port);
  workerPids = childrenOf(server.child.pid!);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('WORKERS=2 on one SQLite file', () => {
  it('runs two worker processes, and new connections reach both of them', async () => {
    expect(server.output()).toContain('Workers:   2 processes');
    expect(workerPids).toHaveLength(2);
    const served = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const connection = await connect();
      try {
        expect((await connection.call('/healthz')).status).toBe(200);
        served.add(connection.pid);
      } finally {
        connection.close();
      }
    }
    expect([...served].sort()).toEqual([...workerPids].sort());
  });

  it('accepts a token signed in on one worker on the other', async () => {
    const [one, other] = await oneConnectionPerWorker();
    try {
      const login = await one.call('/auth/login', { json: { email: ALI.email, password: ALI.password } });
      expect(login.status).toBe(200);
      const profile = await other.call('/api/v1/customer/profile', { token: login.body.access_token });
      expect(profile.status).toBe(200);
      expect(profile.body.email).toBe(ALI.email);
    } finally {
      one.close();
      other.close();
    }
  });

  it('keeps every one of 40 replies sent at once over new connections, and both workers read them all', async () => {
    const token = await signIn();
    const before = (await callOnce('/api/v1/customer/tickets/TKT456', { token })).body.messages.length as number;
    const replies = await Promise.all(
      [...Array(40)].map((_, i) => callOnce('/api/v1/customer/tickets/TKT456/messages', { token, json: { content: `reply ${i}` } })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(40).fill(201));

    const connections = await oneConnectionPerWorker();
    try {
      for (const connection of connections) {
        const ticket = (await connection.call('/api/v1/customer/tickets/TKT456', { token })).body;
        expect(ticket.messages).toHaveLength(before + 40);
        expect(new Set(ticket.messages.map((m: { id: string }) => m.id)).size).toBe(before + 40);
      }
    } finally {
      for (const connection of connections) connection.close();
    }
  });

  it('lists replies sent to both workers at once in time order, and the ticket’s updated_at is the last one’s', async () => {
    const token = await signIn();
    const replies = await Promise.all(
      [...Array(40)].map((_, i) => callOnce('/api/v1/customer/tickets/TKT455/messages', { token, json: { content: `reply ${i}` } })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(40).fill(201));
    expectInTimeOrder((await callOnce('/api/v1/customer/tickets/TKT455', { token })).body);
  });

  it('accepts one return per item when both workers are asked for it at once; every other request is a 422', async () => {
    const token = await signIn();
    const json = { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Broken on arrival' };
    const replies = await Promise.all([...Array(10)].map(() => callOnce('/api/v1/customer/orders/return', { token, json })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(422)]);
    for (const refused of replies.filter((r) => r.status === 422)) {
      expect(refused.body.detail).toBe('A return has already been requested for "Portable Bluetooth Speaker" of order ORD118.');
    }
  });

  it('stops every worker on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
    expect(childrenOf(server.child.pid!)).toEqual([]);
    expect(workerPids.filter((pid) => existsProcess(pid))).toEqual([]);
  });
});

it('refuses WORKERS=2 on an in-memory SQLite database, where each process would have data of its own', async () => {
  const refused = runServerProcess({ WORKERS: '2', JWT_SECRET: TEST_JWT_SECRET, DATABASE_PATH: ':memory:' });
  expect(await refused.exit).toBe(1);
  expect(refused.output()).toContain('WORKERS=2 needs one database for all processes: set DATABASE_PATH to a file or DATABASE_URL, not :memory:.');
});

async function signIn(): Promise<string> {
  return (await callOnce('/auth/login', { json: { email: ALI.email, password: ALI.password } })).body.access_token as string;
}

/** A request on a connection of its own, closed after the response: node:cluster hands each to the next worker. */
function callOnce(path: string, options: { token?: string; json?: unknown } = {}): Promise<Reply> {
  return send(false, path, options);
}

/** Opens connections until one reaches each of the two workers (round-robin: usually the first two). */
async function oneConnectionPerWorker(): Promise<[Connection, Connection]> {
  const byWorker = new Map<number, Connection>();
  for (let i = 0; i < 10 && byWorker.size < workerPids.length; i++) {
    const connection = await connect();
    if (byWorker.has(connection.pid)) connection.close();
    else byWorker.set(connection.pid, connection);
  }
  const [one, other] = byWorker.values();
  if (!one || !other) throw new Error('ten new connections reached only one worker');
  return [one, other];
}

/** A kept-alive connection, opened with a first request, and the pid of the process that accepted it. */
async function connect(): Promise<Connection> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let clientPort = 0;
  const first = await send(agent, '/healthz', {}, (localPort) => (clientPort = localPort));
  if (first.status !== 200) throw new Error(`/healthz answered ${first.status}`);
  const pid = workerPids.find((candidate) => holdsSocket(candidate, socketInode(port, clientPort)));
  if (pid === undefined) throw new Error(`no worker holds the connection from port ${clientPort}`);
  return { pid, call: (path, options = {}) => send(agent, path, options), close: () => agent.destroy() };
}

function send(agent: Agent | false, path: string, options: { token?: string; json?: unknown }, onLocalPort?: (port: number) => void): Promise<Reply> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers, agent }, (res) => {
      if (onLocalPort) onLocalPort(res.socket.localPort!);
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The inode of the server's end of the TCP connection from 127.0.0.1:clientPort to serverPort (/proc/net/tcp). */
function socketInode(serverPort: number, clientPort: number): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  const [local, remote] = [`0100007F:${hex(serverPort)}`, `0100007F:${hex(clientPort)}`];
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields[1] === local && fields[2] === remote) return fields[9]!;
  }
  throw new Error(`no server socket for the connection from port ${clientPort}`);
}

function holdsSocket(pid: number, inode: string): boolean {
  const fds = `/proc/${pid}/fd`;
  return readdirSync(fds).some((fd) => {
    try {
      return readlinkSync(join(fds, fd)) === `socket:[${inode}]`;
    } catch {
      return false; // closed while we looked
    }
  });
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // the process has exited
  }
}

function existsProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
