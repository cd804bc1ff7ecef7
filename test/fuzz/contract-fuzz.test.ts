/**
 * Requests generated from openapi.yaml, well-formed and not, against the reference server and the MSW mocks
 * (issue 16): no answer is a 5xx, and every answer keeps the contract: a documented status with a body and
 * headers of its schema, or for a path or method the API does not have, a 404 or 405 problem.
 *
 * `npm test` runs FUZZ_RUNS (default 150) requests per host with seed FUZZ_SEED (default 16);
 * `npm run fuzz` runs 5,000 per host. A failure prints the seed and the shrunk request to replay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContractValidator, createSchemaChecker } from '@customer-portal/core';
import { setupPortalServer } from '@customer-portal/mocks/node';
import { startServer, type RunningServer } from '@customer-portal/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyRequest, type FuzzRequest } from './arbitrary-requests.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 16);
const MOCK_URL = 'http://fuzz.portal.test';
const ACCOUNTS = { ali: { email: 'ali.jawad@example.com', password: 'customer123' }, sara: { email: 'sara.khan@example.com', password: 'customer456' } };

const contract = createContractValidator();
const checkSchema = createSchemaChecker();

interface Host {
  url: string;
  tokens: Record<'ali' | 'sara', string>;
}

async function tokensFor(url: string): Promise<Host['tokens']> {
  const tokenOf = async (account: { email: string; password: string }) => {
    const response = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(account) });
    return ((await response.json()) as { access_token: string }).access_token;
  };
  return { ali: await tokenOf(ACCOUNTS.ali), sara: await tokenOf(ACCOUNTS.sara) };
}

/** What is wrong with the answer to one request; empty when it keeps the contract. */
async function breaches(host: Host, request: FuzzRequest): Promise<string[]> {
  const headers = { ...request.headers };
  if (request.auth === 'ali' || request.auth === 'sara') headers.Authorization = `Bearer ${host.tokens[request.auth]}`;
  if (request.auth === 'junk') headers.Authorization = 'Bearer not.a.token';
  let response: Response;
  try {
    response = await fetch(`${host.url}${request.path}`, { method: request.method, headers, ...(request.body !== undefined && { body: request.body }) });
  } catch (error) {
    // The mocks leave a path outside the API (/API/V1/...) to the network, as they leave it to a page's dev
    // server; the made-up test host then does not resolve. Only such a request may go unanswered.
    if (host.url === MOCK_URL && !request.exact) return [];
    throw error;
  }
  const text = await response.text();
  const status = response.status;
  if (status >= 500) return [`${status}: ${text}`];
  let body: unknown = undefined;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    return [`${status} with a body that is not JSON: ${text.slice(0, 200)}`];
  }
  const type = response.headers.get('content-type')?.split(';')[0];
  if (status >= 400 && type !== 'application/problem+json') return [`${status} as ${type}, not a problem`];
  const routing = status === 405 || (status === 404 && /^There is no operation /.test((body as { detail?: string })?.detail ?? ''));
  if (routing) return checkSchema('Problem', body).map((e) => `${e.location} ${e.message}`);
  if (!request.exact && status !== 404 && status !== 405) {
    // An odd method or path that still reached an operation is answered by that operation: not checked here.
    return [];
  }
  const found = contract.checkResponse(request.operation.operationId, status, Object.fromEntries(response.headers.entries()), body);
  return found.map((e) => `${request.operation.operationId} ${status}: ${e.location} ${e.message}`);
}

function fuzz(host: () => Host) {
  return async () => {
    await fc.assert(
      fc.asyncProperty(anyRequest, async (request) => {
        expect(await breaches(host(), request), `${request.method} ${request.path} ${JSON.stringify(request.headers)} ${request.body?.slice(0, 300)}`).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  };
}

describe('requests generated from the contract', () => {
  let dir: string;
  let server: RunningServer;
  const mocks = setupPortalServer({ baseUrl: MOCK_URL });
  const hosts: Record<'server' | 'mocks', Host> = {} as never;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-fuzz-'));
    server = await startServer({ port: 0, databasePath: join(dir, 'portal.db'), jwtSecret: 'fuzz-secret-of-the-reference-server-0123456789', log: false });
    mocks.listen({ onUnhandledRequest: 'bypass' });
    hosts.server = { url: server.url, tokens: await tokensFor(server.url) };
    hosts.mocks = { url: MOCK_URL, tokens: await tokensFor(MOCK_URL) };
  });
  afterAll(async () => {
    mocks.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`the reference server answers ${RUNS} of them without a 5xx, each within the contract`, fuzz(() => hosts.server), 120_000 + RUNS * 200);
  it(`the MSW mocks answer ${RUNS} of them without a 5xx, each within the contract`, fuzz(() => hosts.mocks), 120_000 + RUNS * 200);
});
