import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/index.js';
import { hashPassword } from '../../src/index.js';
import { ALI, expectProblem, startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const now = () => Math.floor(Date.now() / 1000);
const signed = (payload: object, secret = TEST_JWT_SECRET, header: object = { alg: 'HS256', typ: 'JWT' }) => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part(header)}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

// Who may sign in, and the errors of sign-in, are core's rules (core/test/portal.test.ts); here the server's own tokens.
describe('POST /auth/login', () => {
  it('exchanges the sample credentials for an HS256 JWT valid for an hour', async () => {
    const reply = await server.call('/auth/login', { json: { email: ALI.email, password: ALI.password } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600, device_token: expect.any(String) });
    const { header, payload } = jwt.decode(reply.body.access_token, { complete: true }) as jwt.Jwt & { payload: jwt.JwtPayload };
    expect(header.alg).toBe('HS256');
    expect(payload).toEqual({ sub: '1', iat: expect.any(Number), exp: payload.iat! + 3600 });
  });
});

describe('a protected operation without a usable token', () => {
  const dashboard = '/api/v1/customer/dashboard';

  it('is a 401 with WWW-Authenticate: Bearer when no token is sent', async () => {
    const reply = await server.call(dashboard);
    expectProblem(reply, 401, /Sign in/);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer');
  });

  it.each([
    ['a header that is not Bearer', { Authorization: 'Basic YWxpOmN1c3RvbWVyMTIz' }],
    ['a malformed token', { Authorization: 'Bearer not a token' }],
    ['garbage', { Authorization: 'Bearer abc.def.ghi' }],
    ['an expired token', { Authorization: `Bearer ${signed({ sub: '1', iat: now() - 7200, exp: now() - 3600 })}` }],
    ['a token signed with another key', { Authorization: `Bearer ${signed({ sub: '1', iat: now(), exp: now() + 600 }, 'not-our-secret')}` }],
    ['an unsigned token (alg: none)', { Authorization: `Bearer ${jwt.sign({ sub: '1', exp: now() + 600 }, '', { algorithm: 'none' })}` }],
    ['alg: none over our signature', { Authorization: `Bearer ${signed({ sub: '1', exp: now() + 600 }, TEST_JWT_SECRET, { alg: 'none' })}` }],
    ['a token of a customer who never existed', { Authorization: `Bearer ${signed({ sub: '999', iat: now(), exp: now() + 600 })}` }],
    ['a token whose sub is a number', { Authorization: `Bearer ${signed({ sub: 1, iat: now(), exp: now() + 600 })}` }],
    ['a token whose sub is an array', { Authorization: `Bearer ${signed({ sub: ['1'], iat: now(), exp: now() + 600 })}` }],
    ['a token whose exp lies ten years ahead', { Authorization: `Bearer ${signed({ sub: '1', iat: now(), exp: now() + 315_360_000 })}` }],
    ['a token issued in the future', { Authorization: `Bearer ${signed({ sub: '1', iat: now() + 3600, exp: now() + 3600 })}` }],
  ])('is a 401 with WWW-Authenticate naming invalid_token for %s', async (_name, headers) => {
    const reply = await server.call(dashboard, { headers });
    expectProblem(reply, 401);
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"$/);
  });

  it('is a 401 once the customer the token names has been deleted', async () => {
    const db = openDatabase(server.databasePath);
    db.prepare(`
      INSERT INTO customers (id, email, password_hash, full_name, avatar, member_since, language, theme, notifications_enabled,
        notify_email, notify_order_updates, notify_refund_updates, notify_support_replies, timezone, currency)
      VALUES (3, 'leaving@example.com', ?, 'Leaving Soon', NULL, '2024-03-01T00:00:00Z', 'en', 'light', 1, 1, 1, 1, 1, 'UTC+0', 'USD')`,
    ).run(hashPassword('goodbye-123'));
    const token = await server.signIn({ email: 'leaving@example.com', password: 'goodbye-123' });
    expect((await server.call(dashboard, { token })).status).toBe(200);

    db.prepare('DELETE FROM customers WHERE id = 3').run();
    db.close();
    const reply = await server.call(dashboard, { token });
    expectProblem(reply, 401, /Sign in again/);
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('accepts the token login issued', async () => {
    const token = await server.signIn(ALI);
    expect((await server.call(dashboard, { token })).status).toBe(200);
  });
});
