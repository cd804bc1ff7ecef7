import { describe, expect, it } from 'vitest';
import { ApiError, createMemoryStore, createPortal, createRouteTable, type PortalStore } from '../src/index.js';
import { portalUnderTest, testAuth } from './portal-under-test.js';

const routes = createRouteTable();
const ORDERS = '/api/v1/customer/orders';

describe('the route table', () => {
  it.each([
    ['POST', '/auth/login', 'login', {}],
    ['GET', ORDERS, 'listOrders', {}],
    ['get', `${ORDERS}/ORD123`, 'getOrder', { order_id: 'ORD123' }],
    ['HEAD', `${ORDERS}/ORD123`, 'getOrder', { order_id: 'ORD123' }],
    ['GET', `${ORDERS}/track/ORD123`, 'trackOrder', { order_id: 'ORD123' }],
    ['POST', `${ORDERS}/return`, 'requestReturn', {}],
    ['POST', '/api/v1/customer/tickets/TKT456/messages', 'addTicketMessage', { ticket_id: 'TKT456' }],
    ['GET', `${ORDERS}/ORD%20123`, 'getOrder', { order_id: 'ORD 123' }],
    ['GET', `${ORDERS}/ORD%E0%A4%A`, 'getOrder', { order_id: 'ORD%E0%A4%A' }],
  ])('%s %s is %s with its path parameters decoded (a malformed escape kept as sent)', (method, path, operationId, params) => {
    expect(routes.find(method, path)).toMatchObject({ kind: 'operation', operationId, params });
  });

  it.each([
    ['a trailing slash', `${ORDERS}/`],
    ['a trailing slash after a parameter', `${ORDERS}/ORD123/`],
    ['another case', '/api/v1/customer/Profile'],
    ['a path the contract does not have', '/api/v1/customer/wishlist'],
    ['an extra segment', `${ORDERS}/ORD123/items`],
  ])('has no route for %s', (_name, path) => {
    expect(routes.find('GET', path)).toBeUndefined();
  });

  it.each([
    ['DELETE', '/api/v1/customer/tickets', ['GET', 'HEAD', 'POST']],
    ['GET', '/auth/login', ['POST']],
    ['OPTIONS', '/api/v1/customer/profile', ['GET', 'HEAD', 'PUT']],
    // A concrete path wins over a template (OpenAPI): /orders/return is not getOrder's.
    ['GET', `${ORDERS}/return`, ['POST']],
  ])('answers %s %s with the methods the path allows, in Allow order', (method, path, allowed) => {
    expect(routes.find(method, path)).toEqual({ kind: 'method-not-allowed', allowed });
  });
});

describe('sign-in', () => {
  it('issues a bearer token for a sample account, matching the email in any case', async () => {
    const { call } = portalUnderTest();
    const res = await call('login', { authorization: null, body: { email: 'Ali.Jawad@example.com', password: 'customer123' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: 'token-1', token_type: 'bearer', expires_in: 3600 });
  });

  it('gives a wrong password and an unknown email the same 401', async () => {
    const { call } = portalUnderTest();
    const wrong = await call('login', { body: { email: 'ali.jawad@example.com', password: 'nope' } });
    const unknown = await call('login', { body: { email: 'nobody@example.com', password: 'customer123' } });
    expect(wrong.status).toBe(401);
    expect(unknown).toEqual(wrong);
    expect(wrong.body.detail).toBe('The email or password is incorrect.');
  });

  it('rejects a malformed email and a missing password with a 422 naming both', async () => {
    const { call } = portalUnderTest();
    const res = await call('login', { body: { email: 'not-an-email' } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { location: 'body.password', message: 'Password is required.' },
      { location: 'body.email', message: 'Email must be an email address.' },
    ]);
  });

  it('rejects a field the contract does not have', async () => {
    const { call } = portalUnderTest();
    const res = await call('login', { body: { email: 'ali.jawad@example.com', password: 'customer123', remember: true } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ location: 'body.remember', message: 'Remember is not an accepted field.' }]);
  });
});

describe('bearer authentication', () => {
  it.each([
    ['no Authorization header', null, 'Bearer'],
    ['a Basic scheme', 'Basic YWxpOmN1c3RvbWVyMTIz', 'Bearer error="invalid_token"'],
    ['a token nobody issued', 'Bearer forged', 'Bearer error="invalid_token"'],
    ['the token of a customer that no longer exists', 'Bearer token-99', 'Bearer error="invalid_token"'],
  ])('answers %s with a 401 and WWW-Authenticate', async (_name, authorization, challenge) => {
    const { call } = portalUnderTest();
    const res = await call('getDashboard', { authorization });
    expect(res.status).toBe(401);
    expect(res.headers['WWW-Authenticate']).toBe(challenge);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized', detail: expect.any(String) });
  });

  it('authenticates before validating, so anonymous callers learn nothing about parameters', async () => {
    const { call } = portalUnderTest();
    const res = await call('listOrders', { authorization: null, query: { limit: '9999' } });
    expect(res.status).toBe(401);
  });
});

describe('response validation', () => {
  function portalWith(store: PortalStore) {
    const violations: unknown[] = [];
    const portal = createPortal({ store, auth: testAuth, onContractViolation: (v) => violations.push(v) });
    return { portal, violations };
  }

  it('turns a response that breaks the contract into a 500 and reports the field', async () => {
    const store = createMemoryStore();
    const broken: PortalStore = { ...store, countPendingReturns: async () => -1 };
    const { portal, violations } = portalWith(broken);
    const res = await portal.handle({ operationId: 'getDashboard', path: {}, query: {}, body: undefined, authorization: 'Bearer token-1' });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ status: 500, detail: 'Something went wrong on our side. Please try again.' });
    expect(violations).toEqual([
      { operationId: 'getDashboard', status: 200, errors: [{ location: 'response.body.stats.pending_refunds', message: 'Pending refunds must be at least 0.' }] },
    ]);
  });

  it('turns an unexpected error into a 500 without a stack trace', async () => {
    const store = createMemoryStore();
    const failing: PortalStore = { ...store, listOrders: async () => { throw new Error('disk on fire at /var/db'); } };
    const errors: unknown[] = [];
    const portal = createPortal({ store: failing, auth: testAuth, onUnexpectedError: (e) => errors.push(e) });
    const res = await portal.handle({ operationId: 'listOrders', path: {}, query: {}, body: undefined, authorization: 'Bearer token-1' });
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toMatch(/disk on fire|at \//);
    expect(errors).toHaveLength(1);
  });
});

describe('routing (serve)', () => {
  const serve = (method: string, path: string) => portalUnderTest().portal.serve({ method, path, query: {}, authorization: 'Bearer token-1' });

  it('answers another method on a known path with a 405 problem naming the allowed ones in Allow', async () => {
    const res = await serve('DELETE', '/api/v1/customer/tickets/TKT456');
    expect([res?.status, res?.headers['Allow'], res?.headers['Content-Type']]).toEqual([405, 'GET, HEAD', 'application/problem+json']);
  });

  it('answers OPTIONS with the allowed methods and no body', async () => {
    expect(await serve('OPTIONS', '/api/v1/customer/tickets')).toEqual({ status: 204, headers: { Allow: 'GET, HEAD, POST, OPTIONS' }, body: undefined });
  });

  it('answers HEAD as the GET without its body', async () => {
    const res = await serve('HEAD', '/api/v1/customer/orders');
    expect([res?.status, res?.headers['X-Total-Count'], res?.body]).toEqual([200, '12', undefined]);
  });

  it('leaves a path the contract does not have to the host', async () => {
    expect(await serve('GET', '/api/v1/customer/wishlist')).toBeUndefined();
  });
});

describe("a host's steps", () => {
  const ANSWER = { status: 503, headers: { 'Content-Type': 'application/problem+json' }, body: { status: 503 } };

  it('runs the steps before sign-in first: their answer is the response, whatever the token', async () => {
    const portal = createPortal({ store: createMemoryStore(), auth: testAuth, steps: { beforeSignIn: [() => ANSWER] } });
    expect(await portal.serve({ method: 'GET', path: '/api/v1/customer/dashboard', query: {} })).toBe(ANSWER);
  });

  it('runs the steps around the operation after sign-in and validation, with the customer, the input and next()', async () => {
    const seen: unknown[] = [];
    let verified = 0;
    const auth = { ...testAuth, verifyToken: async (token: string) => (verified++, testAuth.verifyToken(token)) };
    const portal = createPortal({
      store: createMemoryStore(),
      auth,
      steps: {
        aroundOperation: [
          async ({ operation, input, customer, next }) => {
            seen.push([operation.operationId, input.query, customer?.email]);
            const response = await next();
            return { ...response, headers: { ...response.headers, 'X-Step': 'yes' } };
          },
        ],
      },
    });
    const signedOut = await portal.serve({ method: 'GET', path: '/api/v1/customer/orders', query: { status: 'lost' } });
    const invalid = await portal.serve({ method: 'GET', path: '/api/v1/customer/orders', query: { status: 'lost' }, authorization: 'Bearer token-1' });
    const ok = await portal.serve({ method: 'GET', path: '/api/v1/customer/orders', query: { status: 'delivered' }, authorization: 'Bearer token-1' });
    expect([signedOut?.status, invalid?.status, ok?.status, ok?.headers['X-Step']]).toEqual([401, 422, 200, 'yes']);
    expect(seen).toEqual([['listOrders', { status: 'delivered', limit: 50, offset: 0 }, 'ali.jawad@example.com']]);
    expect(verified).toBe(2); // once for each signed-in request: next() does not sign in again
  });

  it('answers an ApiError a step throws as its problem', async () => {
    const portal = createPortal({
      store: createMemoryStore(),
      auth: testAuth,
      steps: { aroundOperation: [async () => { throw new ApiError({ status: 429, title: 'Too many requests', slug: 'too-many-requests', detail: 'Wait.' }); }] },
    });
    const res = await portal.serve({ method: 'POST', path: '/auth/login', query: {}, body: { email: 'ali.jawad@example.com', password: 'x' } });
    expect([res?.status, (res?.body as { detail: string }).detail]).toEqual([429, 'Wait.']);
  });
});
