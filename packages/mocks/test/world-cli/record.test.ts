/**
 * `customer-portal-world record` against the reference server started as a real process, on the sample world
 * and on a generated one: the recorded world, served by the mocks, answers every GET of a recording as the
 * server did. And each way a recording can fail: one sentence, exit 1, no file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld, SAMPLE_ACCOUNTS, worldFileText } from '@customer-portal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, setupPortalServer } from '../../src/node.js';
import { createRecorder } from '../../src/world-cli/recorder.js';
import { startReference, type ReferenceProcess } from './reference-process.js';
import { runWorldCli } from './run-world-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'portal-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);
const quiet = () => {};

/** The development passwords `record` printed, by email. */
function printedPasswords(stdout: string): Map<string, string> {
  return new Map([...stdout.matchAll(/^ {2}(\S+@\S+) \/ (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** Records each account from the server and from the mocks serving the recorded file: the same answers. */
async function expectSameAnswers(serverUrl: string, file: string, accounts: { email: string; password: string }[], passwords: Map<string, string>) {
  const mockUrl = 'http://replayed.portal.test';
  const mocks = setupPortalServer({ baseUrl: mockUrl, world: await loadWorld(file) });
  mocks.listen({ onUnhandledRequest: 'bypass' });
  try {
    for (const account of accounts) {
      const fromServer = await createRecorder({ baseUrl: serverUrl, paceMs: 0, say: quiet }).recordAccount(account.email, account.password);
      const fromMocks = await createRecorder({ baseUrl: mockUrl, paceMs: 0, say: quiet }).recordAccount(account.email, passwords.get(account.email)!);
      expect(fromMocks.exchanges.length).toBeGreaterThan(10);
      expect(fromMocks.exchanges).toEqual(fromServer.exchanges);
    }
  } finally {
    mocks.close();
  }
}

describe('record from the reference server on the sample world', () => {
  let server: ReferenceProcess;
  let closedPort = 0;
  beforeAll(async () => {
    server = await startReference();
    // A port nobody listens on: taken, then let go.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(() => server?.stop());

  it('writes a world that answers every GET as the server did, with development passwords and the returns it inferred', async () => {
    const [ali, sara] = SAMPLE_ACCOUNTS;
    const run = await runWorldCli(['record', '--base-url', server.url, '--email', ali.email, '--password', ali.password, '--email', sara.email, '--password', sara.password, '--pace', '0', '--out', at('sample.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const passwords = printedPasswords(run.stdout);
    expect([...passwords.keys()]).toEqual([ali.email, sara.email]);
    expect(passwords.get(ali.email)).not.toBe(ali.password);
    expect(readFileSync(at('sample.json'), 'utf8')).not.toContain(ali.password);
    // Sara's dashboard shows one pending refund that no GET shows: one inferred return stands for it.
    const { world, inferred } = await loadWorld(at('sample.json'));
    expect(inferred).toEqual([{ record: 'returns[0] (RET1)', reason: expect.stringContaining('sara.khan@example.com\'s dashboard shows 1 pending refunds') }]);
    expect(run.stdout).toContain('Inferred (no answer shows them):\n  returns[0] (RET1)');
    expect(world.customers.map((c) => c.id)).toEqual([1, 2]);
    await expectSameAnswers(server.url, at('sample.json'), [ali, sara], passwords);
  });

  it('stores the real passwords with --keep-passwords', async () => {
    const [ali] = SAMPLE_ACCOUNTS;
    const run = await runWorldCli(['record', '--base-url', server.url, '--email', ali.email, '--password', ali.password, '--keep-passwords', '--pace', '0', '--out', at('kept.json')]);
    expect(run.code).toBe(0);
    expect((await loadWorld(at('kept.json'))).world.customers[0]!.password).toBe(ali.password);
    expect(run.stdout).not.toContain('development passwords');
  });

  it.each([
    ['a wrong password', () => ['--base-url', server.url, '--email', SAMPLE_ACCOUNTS[0].email, '--password', 'not-it'], `refused the sign-in of ${SAMPLE_ACCOUNTS[0].email} (401: The email or password is incorrect).`],
    ['an unreachable URL', () => ['--base-url', `http://127.0.0.1:${closedPort}`, '--email', 'a@example.com', '--password', 'x'], 'Cannot reach http://127.0.0.1:'],
  ])('says so in one sentence after %s, exits 1 and leaves no file', async (_name, args, message) => {
    const run = await runWorldCli(['record', ...args(), '--pace', '0', '--out', at('refused.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toContain(message);
    expect(run.stderr.trim()).toMatch(/\.$/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(at('refused.json'))).toBe(false);
  });
});

describe('record from a backend that misbehaves', () => {
  let server: ReferenceProcess;
  let proxy: Server;
  let proxyUrl: string;
  /** How the proxy changes the next answers: by path. */
  let change: (path: string, body: unknown) => { status?: number; headers?: Record<string, string>; body?: unknown } | undefined;

  beforeAll(async () => {
    server = await startReference();
    proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const upstream = await fetch(server.url + req.url, { method: req.method, headers: req.headers as Record<string, string>, ...(chunks.length > 0 && { body: Buffer.concat(chunks) }) });
      const text = await upstream.text();
      const changed = change(req.url!, text ? JSON.parse(text) : null);
      res.writeHead(changed?.status ?? upstream.status, { 'Content-Type': 'application/json', ...Object.fromEntries([...upstream.headers].filter(([k]) => k === 'x-total-count')), ...changed?.headers });
      res.end(changed?.body !== undefined ? JSON.stringify(changed.body) : text);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    await server?.stop();
  });

  const [ali] = SAMPLE_ACCOUNTS;
  const recordAli = (out: string) => runWorldCli(['record', '--base-url', proxyUrl, '--email', ali.email, '--password', ali.password, '--pace', '0', '--out', at(out)]);

  it("waits as a 429's Retry-After says, then records", async () => {
    let limited = false;
    change = (path) => {
      if (!path.endsWith('/dashboard') || limited) return undefined;
      limited = true;
      return { status: 429, headers: { 'Retry-After': '1' }, body: { title: 'Too many requests', status: 429, detail: 'Slow down.' } };
    };
    const run = await recordAli('paced.json');
    expect(run.code).toBe(0);
    expect(limited).toBe(true);
    expect(run.stdout).toContain('asked to wait (429): waiting 1 s as its Retry-After says.');
    expect(existsSync(at('paced.json'))).toBe(true);
  });

  it('writes no file when no consistent world exists (more pending refunds than returnable items)', async () => {
    change = (path, body) => (path.endsWith('/dashboard') ? { body: { ...(body as object), stats: { ...(body as { stats: object }).stats, pending_refunds: 99 } } } : undefined);
    const run = await recordAli('impossible.json');
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^ali\.jawad@example\.com's dashboard shows 99 pending refunds, but the orders hold only \d+ items of delivered or returned orders that a return could name, so no consistent world exists\.$/);
    expect(existsSync(at('impossible.json'))).toBe(false);
  });

  it('writes no file when the backend fails part way', async () => {
    change = (path) => (path.startsWith('/api/v1/customer/tickets/') ? { status: 500, body: { title: 'Internal error', status: 500, detail: 'Something broke.' } } : undefined);
    const run = await recordAli('broken.json');
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^GET \/api\/v1\/customer\/tickets\/TKT\d+ answered 500: Something broke while recording ali\.jawad@example\.com, so no world file was written\.$/);
    expect(existsSync(at('broken.json'))).toBe(false);
  });
});

describe('record from the reference server on a generated world', () => {
  const world = generateWorld({ seed: 99, customers: 3, ordersPerCustomer: [120, 160] });
  let server: ReferenceProcess;
  beforeAll(async () => {
    writeFileSync(at('generated.world.json'), worldFileText(world));
    server = await startReference({ WORLD: at('generated.world.json') });
  });
  afterAll(() => server?.stop());

  it('pages through every order and answers every GET as the server did', async () => {
    const accounts = [world.customers[0]!, world.customers[2]!].map(({ email, password }) => ({ email, password }));
    const run = await runWorldCli(['record', '--base-url', server.url, ...accounts.flatMap((a) => ['--email', a.email, '--password', a.password]), '--pace', '0', '--out', at('recorded.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const recorded = await loadWorld(at('recorded.json'));
    const ordersOf = (w: typeof world, id: number) => w.orders.filter((o) => o.customer_id === id).map((o) => o.id).sort();
    expect(ordersOf(recorded.world, world.customers[0]!.id)).toEqual(ordersOf(world, world.customers[0]!.id));
    await expectSameAnswers(server.url, at('recorded.json'), accounts, printedPasswords(run.stdout));
  }, 180_000);
});
