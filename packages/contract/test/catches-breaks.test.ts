/**
 * The test of the suite itself: a deliberate contract break (a renamed field, a wrong status) in
 * either host makes the run fail, and the report names the operation and the field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '@customer-portal/server';
import { describe, expect, it } from 'vitest';
import type { ContractReport } from '../src/report/contract-report.js';
import { startBreakingProxy } from './support/breaking-proxy.js';
import { runContract } from './support/run-contract.js';

const BROKEN_HANDLERS = fileURLToPath(new URL('fixtures/broken-msw-handlers.ts', import.meta.url));
// Two journeys' files are enough to meet both breaks, and keep the test short.
const FILES = ['orders.contract', 'tickets.contract'];

function expectBothBreaksNamed(report: ContractReport | undefined): void {
  expect(report?.passed).toBe(false);
  const breaches = report!.breaches.map(({ operationId, status, breaches: list }) => ({ operationId, status, list }));
  expect(breaches).toContainEqual({
    operationId: 'getOrder',
    status: 200,
    list: [
      { location: 'response.body.total', message: 'Total is required.' },
      { location: 'response.body.amount', message: 'Amount is not an accepted field.' },
    ],
  });
  expect(breaches).toContainEqual({
    operationId: 'createTicket',
    status: 200,
    list: [{ location: 'response.status', message: '200 is not documented for createTicket (documented: 201, 400, 401, 404, 413, 415, 422)' }],
  });
  const messages = report!.failures.map((f) => f.message).join('\n');
  expect(messages).toContain('(getOrder) answered 200, breaking the contract:\n  - response.body.total: Total is required.');
  expect(messages).toContain('(createTicket) answered 200, breaking the contract:\n  - response.status: 200 is not documented');
}

describe('a deliberate contract break makes the suite fail, naming the operation and the field', () => {
  it('in the mocks: handlers in front of the real ones rename total and answer 201 as 200', async () => {
    const { code, report } = await runContract('msw', ['--msw-handlers', BROKEN_HANDLERS, ...FILES]);
    expect(code).toBe(1);
    expectBothBreaksNamed(report);
  });

  it('in the reference server: a proxy in front of it renames total and answers 201 as 200', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-break-'));
    const server = await startServer({ port: 0, host: '127.0.0.1', databasePath: join(dir, 'portal.sqlite'), log: false, validateResponses: false });
    const proxy = await startBreakingProxy(server.url, ({ method, path, status, body }) => {
      if (method === 'GET' && /^\/api\/v1\/customer\/orders\/ORD\w+$/.test(path) && status === 200) {
        const { total, ...rest } = body as { total: number };
        return { status, body: { ...rest, amount: total } };
      }
      if (method === 'POST' && path === '/api/v1/customer/tickets' && status === 201) return { status: 200, body };
      return undefined;
    });
    try {
      const { code, report } = await runContract('url', ['--base-url', proxy.url, ...FILES]);
      expect(code).toBe(1);
      expectBothBreaksNamed(report);
    } finally {
      await proxy.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the same files pass against the mocks as they are', async () => {
    const { code, report } = await runContract('msw', FILES);
    expect(code).toBe(0);
    expect(report?.breaches).toEqual([]);
  });
});
