/**
 * `customer-portal-world from-har`: a HAR that this test writes from real exchanges with the reference server
 * (two accounts, no Authorization headers, as browsers export them) becomes a world that answers those
 * exchanges; and a file that is not a HAR is refused in one sentence.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_ACCOUNTS } from '@customer-portal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, setupPortalServer } from '../../src/node.js';
import { startReference, type ReferenceProcess } from './reference-process.js';
import { runWorldCli } from './run-world-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'portal-har-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

interface Entry {
  request: { method: string; url: string; headers: { name: string; value: string }[]; postData?: { mimeType: string; text: string } };
  response: { status: number; headers: { name: string; value: string }[]; content: { mimeType: string; text: string } };
}

/** A browser session against `base`: each exchange kept as a HAR entry, without the Authorization header. */
function browserSession(base: string, entries: Entry[]) {
  let token = '';
  const exchange = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { Accept: 'application/json', ...(token && { Authorization: `Bearer ${token}` }), ...(body !== undefined && { 'Content-Type': 'application/json' }) };
    const res = await fetch(base + path, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const text = await res.text();
    entries.push({
      request: {
        method,
        url: base + path,
        headers: Object.entries(headers).filter(([name]) => name !== 'Authorization').map(([name, value]) => ({ name, value })),
        ...(body !== undefined && { postData: { mimeType: 'application/json', text: JSON.stringify(body) } }),
      },
      response: { status: res.status, headers: [...res.headers].map(([name, value]) => ({ name, value })), content: { mimeType: 'application/json', text } },
    });
    return text ? (JSON.parse(text) as Record<string, unknown>) : null;
  };
  return {
    signIn: async (account: { email: string; password: string }) => {
      token = (await exchange('POST', '/auth/login', account))!.access_token as string;
    },
    get: (path: string) => exchange('GET', `/api/v1/customer${path}`),
  };
}

describe('customer-portal-world from-har', () => {
  let server: ReferenceProcess;
  const entries: Entry[] = [];

  beforeAll(async () => {
    server = await startReference();
    const browser = browserSession(server.url, entries);
    const [ali, sara] = SAMPLE_ACCOUNTS;
    await browser.signIn(ali);
    await browser.get('/dashboard');
    await browser.get('/profile');
    await browser.get('/orders');
    await browser.get('/orders/ORD123');
    await browser.get('/orders/track/ORD123');
    await browser.get('/tickets');
    await browser.get('/tickets/TKT456');
    await browser.get('/notifications');
    await browser.signIn(sara);
    await browser.get('/profile');
    await browser.get('/dashboard');
    await browser.get('/orders?status=pending');
    await browser.get('/orders');
    await browser.get('/tickets');
    await browser.get('/notifications?unread_only=true');
    writeFileSync(at('session.har'), JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }));
  });
  afterAll(() => server?.stop());

  it('tells the accounts apart by their profile answers and answers every GET of the HAR alike', async () => {
    const run = await runWorldCli(['from-har', at('session.har'), '--out', at('from-har.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // What the HAR did not show is listed: Ali's other tickets were never opened, nobody's settings were read.
    expect(run.stdout).toContain("4 of ali.jawad@example.com's tickets were not opened");
    expect(run.stdout).toContain("sara.khan@example.com's settings were not read");
    expect(run.stdout).toContain('Inferred (no answer shows them):\n  returns[0] (RET1)');
    expect(run.stdout).not.toContain('answered otherwise');

    const { world } = await loadWorld(at('from-har.json'));
    expect(world.customers.map((c) => c.email)).toEqual([SAMPLE_ACCOUNTS[0].email, SAMPLE_ACCOUNTS[1].email]);
    const passwords = new Map([...run.stdout.matchAll(/^ {2}(\S+@\S+) \/ (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));

    const mockUrl = 'http://har.portal.test';
    const mocks = setupPortalServer({ baseUrl: mockUrl, world });
    mocks.listen({ onUnhandledRequest: 'bypass' });
    try {
      let token = '';
      let replayed = 0;
      for (const { request, response } of entries) {
        const path = request.url.slice(server.url.length);
        if (request.method === 'POST') {
          const { email } = JSON.parse(request.postData!.text) as { email: string };
          const login = await fetch(`${mockUrl}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: passwords.get(email) }) });
          token = ((await login.json()) as { access_token: string }).access_token;
          continue;
        }
        const res = await fetch(mockUrl + path, { headers: { Authorization: `Bearer ${token}` } });
        expect({ path, status: res.status, body: await res.json() }).toEqual({ path, status: response.status, body: JSON.parse(response.content.text) });
        const total = response.headers.find((h) => h.name === 'x-total-count')?.value ?? null;
        expect(res.headers.get('X-Total-Count'), path).toBe(total);
        replayed++;
      }
      expect(replayed).toBe(14);
    } finally {
      mocks.close();
    }
  });

  it.each([
    ['not JSON', 'HTTP/1.1 200 OK', /is not JSON \(.+\), so it is not a HAR file\.$/],
    ['JSON without log.entries', '{"log": {}}', /is not a HAR file: it has no log\.entries\.$/],
    ['a HAR without a profile answer', JSON.stringify({ log: { entries: [] } }), /holds no profile answer \(GET \/api\/v1\/customer\/profile\), so no account in it can be told apart; open the profile page while recording\.$/],
  ])('refuses a file that is %s in one sentence naming it, and writes nothing', async (_name, text, message) => {
    writeFileSync(at('bad.har'), text);
    const run = await runWorldCli(['from-har', at('bad.har'), '--out', at('bad.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(new RegExp(`^${at('bad.har')} `));
    expect(run.stderr.trim()).toMatch(message);
    expect(existsSync(at('bad.json'))).toBe(false);
  });
});
