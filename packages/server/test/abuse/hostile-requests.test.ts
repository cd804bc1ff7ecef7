/**
 * Requests an attacker or a fuzzer sends (issue 16, findings 3, 4 and 6 to 10): each is a clear problem, never
 * a 500, and never reaches more of the server than it should.
 */
import { gzipSync } from 'node:zlib';
import { MAX_FIELD_ERRORS } from '@customer-portal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, expectProblem, startSignedIn, type TestServer } from '../support/test-server.js';

let server: TestServer;
let token: string;
beforeAll(async () => ({ server, token } = await startSignedIn()));
afterAll(() => server.stop());

const nested = (depth: number) => `{"subject":${'['.repeat(depth)}${']'.repeat(depth)},"description":"x"}`;
const postTicket = (body: string | Buffer, headers: Record<string, string>, withToken = true) =>
  fetch(`${server.url}/api/v1/customer/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(withToken && { Authorization: `Bearer ${token}` }), ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  }).then(async (response) => {
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
  });

describe('a protected route checks the token before it reads the body', () => {
  it.each([
    ['JSON that does not parse', '{"subject":', {}],
    ['JSON nested 3,500 deep', nested(3500), {}],
    ['a body that does not gunzip', 'garbage', { 'Content-Encoding': 'gzip' }],
    ['an unknown Content-Encoding', 'garbage', { 'Content-Encoding': 'compress' }],
    ['a body that is not JSON', 'subject=x', { 'Content-Type': 'application/x-www-form-urlencoded' }],
  ])('an anonymous client sending %s gets a 401', async (_name, body, headers) => {
    expectProblem(await postTicket(body, headers, false), 401);
  });
});

describe('no input reaches a stack overflow', () => {
  it.each([40, 3500, 50_000])('JSON nested %i deep is a 400 problem', async (depth) => {
    expectProblem(await postTicket(nested(depth), {}), 400, 'The request body nests objects and arrays more than 32 levels deep.');
  });

  it('JSON nested as deep as a real body is still read', async () => {
    const reply = await postTicket(JSON.stringify({ subject: 'Nested', description: 'fine' }), {});
    expect(reply.status).toBe(201);
  });
});

describe('Content-Encoding', () => {
  it.each([
    ['gzip', 400],
    ['deflate', 400],
    ['br', 400],
    ['compress', 415],
    ['gzip, gzip', 415],
    ['x-unknown', 415],
  ])('a body that cannot be read as %s is a %i problem, not a 500', async (encoding, status) => {
    expectProblem(await postTicket('garbage that is not compressed', { 'Content-Encoding': encoding }), status);
  });

  it('a gzip body that decompresses is read', async () => {
    const body = gzipSync(JSON.stringify({ subject: 'Compressed', description: 'gzip' }));
    expect((await postTicket(body, { 'Content-Encoding': 'gzip' })).status).toBe(201);
  });
});

describe('caching and framing', () => {
  it.each([
    ['a token', () => server.call('/auth/login', { json: { email: ALI.email, password: ALI.password } })],
    ['a refused sign-in', () => server.call('/auth/login', { json: { email: ALI.email, password: 'wrong-password' } })],
    ['a profile', () => server.call('/api/v1/customer/profile', { token })],
    ['a 401 under /api', () => server.call('/api/v1/customer/orders')],
    ['a 404 under /api', () => server.call('/api/v1/customer/invoices', { token })],
  ])('%s is sent with Cache-Control: no-store', async (_name, call) => {
    expect((await call()).headers.get('cache-control')).toBe('no-store');
  });

  it('the docs page may not be framed and runs only its own scripts', async () => {
    const page = await server.call('/docs');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('the docs page does not keep the bearer token in the browser storage', async () => {
    expect((await server.call('/docs/start.js')).text).toContain('persistAuthorization: false');
  });
});

describe('error lists are capped', () => {
  it(`a body with 5,000 unknown keys lists ${MAX_FIELD_ERRORS} of them and says how many more`, async () => {
    const body = { subject: 'Keys', description: 'many', ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 1])) };
    const reply = await postTicket(JSON.stringify(body), {});
    expectProblem(reply, 422, /And 4980 more\.$/);
    expect(reply.body.errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(reply.text.length).toBeLessThan(4000);
  });
});

describe('integers in the query and the path are decimal digits only', () => {
  it.each(['0x10', '1e2', '+5', ' 5', '5 ', '05', '1.0', '0b11', 'Infinity'])('limit=%j is a 422', async (limit) => {
    const reply = await server.call(`/api/v1/customer/orders?limit=${encodeURIComponent(limit)}`, { token });
    expectProblem(reply, 422);
    expect(reply.body.errors).toEqual([{ location: 'query.limit', message: expect.stringMatching(/^Limit must be a whole number(?: written in decimal digits)?\.$/) }]);
  });

  it('says why a hexadecimal limit is refused', async () => {
    const reply = await server.call('/api/v1/customer/orders?limit=0x10', { token });
    expect(reply.body.errors).toEqual([{ location: 'query.limit', message: 'Limit must be a whole number written in decimal digits.' }]);
  });

  it.each(['0x1', '1e0', '+1'])('/notifications/%s/read is a 422', async (id) => {
    const reply = await server.call(`/api/v1/customer/notifications/${encodeURIComponent(id)}/read`, { method: 'PUT', token });
    expectProblem(reply, 422);
    expect(reply.body.errors[0].location).toBe('path.notification_id');
  });

  it('limit=1 is still one order', async () => {
    expect((await server.call('/api/v1/customer/orders?limit=1', { token })).body).toHaveLength(1);
  });
});

describe('paths are matched exactly', () => {
  it.each(['/API/V1/CUSTOMER/PROFILE', '/api/v1/customer/Profile', '/api/v1/customer/profile/', '/auth/login/'])('%s is a 404', async (path) => {
    const reply = await server.call(path, { token, ...(path.startsWith('/auth') && { json: { email: ALI.email, password: ALI.password } }) });
    expectProblem(reply, 404);
  });
});

describe('avatar URLs', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://example.com/a.png', 'vbscript:msgbox'])(
    'avatar %j is a 422 and is not stored',
    async (avatar) => {
      const reply = await server.call('/api/v1/customer/profile', { method: 'PUT', token, json: { avatar } });
      expectProblem(reply, 422);
      expect(reply.body.errors).toEqual([{ location: 'body.avatar', message: 'Avatar must be an https:// URL.' }]);
      expect((await server.call('/api/v1/customer/profile', { token })).body.avatar).not.toBe(avatar);
    },
  );

  it('an https avatar is stored', async () => {
    const avatar = 'https://images.example.com/ali.png';
    expect((await server.call('/api/v1/customer/profile', { method: 'PUT', token, json: { avatar } })).body.avatar).toBe(avatar);
  });
});

describe('mass assignment', () => {
  it('a profile update cannot set the email, the id, a password or the totals', async () => {
    const reply = await server.call('/api/v1/customer/profile', {
      method: 'PUT',
      token,
      json: { email: 'attacker@example.com', id: 2, password: 'owned', password_hash: 'x', total_orders: 0 },
    });
    expectProblem(reply, 422);
    expect(reply.body.errors.map((e: { location: string }) => e.location).sort()).toEqual(
      ['body.email', 'body.id', 'body.password', 'body.password_hash', 'body.total_orders'],
    );
    expect((await server.call('/api/v1/customer/profile', { token })).body).toMatchObject({ id: 1, email: ALI.email });
  });
});
