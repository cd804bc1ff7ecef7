/** Everything around the operations: bodies, unknown routes, CORS, the health check, the contract and the docs. */
import { readFileSync } from 'node:fs';
import { BODY_LIMIT_BYTES } from '@customer-portal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expectProblem, startSignedIn, type CallOptions, type TestServer } from '../support/test-server.js';

let server: TestServer;
let token: string;
beforeAll(async () => ({ server, token } = await startSignedIn()));
afterAll(() => server.stop());

const ticketWith = (body: string, headers: Record<string, string>) =>
  server.call('/api/v1/customer/tickets', { method: 'POST', token, body, headers });

describe('request bodies', () => {
  it('is a 400 for JSON that does not parse', async () => {
    expectProblem(await ticketWith('{"subject": "x",', { 'Content-Type': 'application/json' }), 400, 'The request body is not valid JSON.');
  });

  it('is a 413 for a body over 100 kB, before it is parsed', async () => {
    const big = JSON.stringify({ subject: 'Big', description: 'x'.repeat(BODY_LIMIT_BYTES) });
    expectProblem(await ticketWith(big, { 'Content-Type': 'application/json' }), 413, 'The request body is larger than the limit of 100 kB.');
  });

  it.each([
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['no content type at all', {}],
  ])('is a 415 for a body sent as %s', async (_name, headers) => {
    const reply = await ticketWith('{"subject":"x","description":"y"}', headers);
    expectProblem(reply, 415, 'Send the request body as application/json.');
  });

  it('reads application/json with a charset, and +json types', async () => {
    const body = JSON.stringify({ subject: 'Charset', description: 'ok' });
    expect((await ticketWith(body, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(201);
    expect((await ticketWith(body, { 'Content-Type': 'application/vnd.portal+json' })).status).toBe(201);
  });

  it('is a 422 "body is required" for a request without a body', async () => {
    const reply = await server.call('/api/v1/customer/tickets', { method: 'POST', token });
    expectProblem(reply, 422);
    expect(reply.body.errors).toEqual([{ location: 'body', message: 'The request body is required.' }]);
  });
});

describe('routes', () => {
  it('is a 404 problem for a path the API does not have', async () => {
    expectProblem(await server.call('/api/v1/customer/invoices', { token }), 404, 'There is no operation GET /api/v1/customer/invoices in this API.');
  });

  it('is a 405 problem with Allow for a method the path does not have', async () => {
    const reply = await server.call('/api/v1/customer/orders', { method: 'DELETE', token });
    expectProblem(reply, 405, /DELETE is not allowed on \/api\/v1\/customer\/orders/);
    expect(reply.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers a plain OPTIONS request with the methods', async () => {
    const reply = await server.call('/api/v1/customer/profile', { method: 'OPTIONS' });
    expect(reply.status).toBe(204);
    expect(reply.headers.get('allow')).toBe('GET, HEAD, PUT, OPTIONS');
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    server.call('/api/v1/customer/orders', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });

  it.each(['http://localhost:5173', 'http://127.0.0.1:3001', 'http://localhost'])('allows a frontend dev server at %s', async (origin) => {
    const reply = await preflight(origin);
    expect(reply.status).toBe(204);
    expect(reply.headers.get('access-control-allow-origin')).toBe(origin);
    expect(reply.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  it.each(['https://evil.example.com', 'http://localhost.evil.example.com', 'https://localhost:5173'])('gives %s no CORS headers', async (origin) => {
    expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a browser read X-Total-Count, WWW-Authenticate and X-Request-Id (for a support request to quote)', async () => {
    const reply = await server.call('/api/v1/customer/orders', { token, headers: { Origin: 'http://localhost:5173' } });
    expect(reply.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(reply.headers.get('access-control-expose-headers')).toBe('X-Total-Count,WWW-Authenticate,X-Request-Id');
  });

  it.each<[string, string, CallOptions, number]>([
    ['an operation refuses (401)', '/api/v1/customer/tickets', {}, 401],
    ['the body is refused before the operation runs (415)', '/auth/login', { body: 'hi', headers: { 'Content-Type': 'text/plain' } }, 415],
    ['no route matches (404)', '/api/v1/customer/invoices', {}, 404],
  ])('keeps its headers when %s, so a browser can read why', async (_name, path, options, status) => {
    const reply = await server.call(path, { ...options, headers: { ...options.headers, Origin: 'http://localhost:5173' } });
    expect(reply.status).toBe(status);
    expect(reply.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});

describe('operations endpoints', () => {
  it('reports health at /healthz', async () => {
    const reply = await server.call('/healthz');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok' });
  });

  it('serves the contract file as written at /openapi.yaml, $refs and all, and the same document as JSON at /openapi.json', async () => {
    const file = readFileSync(new URL('../../../../openapi.yaml', import.meta.url), 'utf8');
    const yaml = await server.call('/openapi.yaml');
    const json = await server.call('/openapi.json');
    expect(yaml.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(yaml.text).toBe(file);
    expect(yaml.text).toContain("$ref: '#/components/schemas/");
    expect(json.body).toEqual(parse(file));
  });

  it('serves interactive docs at /docs from local files, reading /openapi.json', async () => {
    const page = await server.call('/docs');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const assets = [...page.text.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.every((asset) => asset.startsWith('/docs/'))).toBe(true);
    for (const asset of assets) expect((await server.call(asset)).status, asset).toBe(200);
    expect((await server.call('/docs/start.js')).text).toContain("fetch('/openapi.json')");
  });

  it('serves no other file from the docs folder', async () => {
    expectProblem(await server.call('/docs/package.json'), 404);
    expectProblem(await server.call('/docs/..%2F..%2Fpackage.json'), 404);
  });
});
