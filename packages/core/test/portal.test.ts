import { describe, expect, it } from 'vitest';
import { createMemoryStore, createPortal, type PortalStore } from '../src/index.js';
import { portalUnderTest, testAuth } from './portal-under-test.js';

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
      { location: 'body.password', message: 'is required' },
      { location: 'body.email', message: 'must match format "email"' },
    ]);
  });

  it('rejects a field the contract does not have', async () => {
    const { call } = portalUnderTest();
    const res = await call('login', { body: { email: 'ali.jawad@example.com', password: 'customer123', remember: true } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ location: 'body.remember', message: 'is not allowed' }]);
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
      { operationId: 'getDashboard', status: 200, errors: [{ location: 'response.body.stats.pending_refunds', message: 'must be >= 0' }] },
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
