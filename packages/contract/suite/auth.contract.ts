/**
 * Signing in, and every way a request without a usable token fails: the same 401 for a wrong password and an
 * unknown email, and 401 with `WWW-Authenticate: Bearer` for a missing, malformed or expired token.
 */
import { describe, expect, it } from 'vitest';
import { client, needs, send, session } from '../src/runtime/suite.js';
import { expectProblem } from './support/problems.js';
import { securedRequests } from './support/spec-requests.js';

const account = () => session().target.accounts[0];

describe('signing in', () => {
  it('exchanges an email and password for a bearer token', async () => {
    const token = await client().login(account());
    expect(token.token_type).toBe('bearer');
    expect(token.access_token).toMatch(/\S/);
    expect(token.expires_in).toBeGreaterThan(0);
  });

  needs('rules').it('matches the email case-insensitively', async () => {
    const { email, password } = account();
    const { response } = await client().POST('/auth/login', { body: { email: email.toUpperCase(), password } });
    expect(response.status).toBe(200);
  });

  needs('rules').it('gives the same 401 and detail for a wrong password and an unknown email', async () => {
    const { email, password } = account();
    const wrongPassword = await client().POST('/auth/login', { body: { email, password: `${password}-wrong` } });
    const unknownEmail = await client().POST('/auth/login', { body: { email: `nobody-${Date.now()}@example.com`, password } });
    expect(wrongPassword.response.status).toBe(401);
    expect(unknownEmail.response.status).toBe(401);
    expect(wrongPassword.error?.detail).toMatch(/\S/);
    expect(unknownEmail.error).toEqual(wrongPassword.error);
  });

  needs('sign-in-throttling').it('answers failed sign-ins past the free attempts with a 429 and Retry-After', async () => {
    // An email of no account, so that no real customer is locked by the run.
    const email = `throttled-${Date.now()}@example.com`;
    const statuses: number[] = [];
    let last: Awaited<ReturnType<ReturnType<typeof client>['POST']>> | undefined;
    // The contract's 429 for login: ten failures of one account within 15 minutes, then a 429 until they are over.
    for (let attempt = 0; attempt < 11; attempt++) {
      last = await client().POST('/auth/login', { body: { email, password: 'not-the-password' } });
      statuses.push(last.response.status);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    expect(last!.response.headers.get('Retry-After')).toMatch(/^[1-9]\d*$/);
    expect(last!.error?.detail).toMatch(/\S/);
  });

  needs('rules').it('opens only the protected operations once signed in', async () => {
    const portal = client();
    await portal.login(account());
    const { response } = await portal.GET('/api/v1/customer/dashboard');
    expect(response.status).toBe(200);
  });
});

describe('protected operations without a usable token', () => {
  // The proxy target answers a missing token itself (see its `direct` reason), so these need `direct`.
  needs('direct').each(securedRequests.map((r) => [`${r.operation.operationId} (${r.method} ${r.path})`, r] as const))(
    '%s without a token is a 401 with WWW-Authenticate: Bearer',
    async (_name, request) => {
      const answer = await send(request.method, request.path, request.body === undefined ? {} : { body: JSON.stringify(request.body), contentType: 'application/json' });
      expectProblem(answer, 401);
      // The checker has matched the spec's `^Bearer`; with no token sent there is no error to report.
      expect(answer.headers.get('WWW-Authenticate')).not.toMatch(/error=/);
    },
  );

  // A token that cannot be trusted, whatever its shape. The spec's example token is a real-looking JWT,
  // long expired and signed with a key nobody has.
  const EXAMPLE_JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiaWF0IjoxNzA1MjI4MDAwLCJleHAiOjE3MDUyMzE2MDB9.c2lnbmF0dXJl';
  const UNSIGNED_JWT = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIn0.';
  const tokens = [
    ['a malformed', 'not-a-token'],
    ['a garbage', 'eyJ!!!.$$$.***'],
    ['an expired-looking', EXAMPLE_JWT],
    ['an unsigned ("alg": "none")', UNSIGNED_JWT],
  ] as const;

  needs('rules').each(tokens)('%s token is a 401 with WWW-Authenticate: Bearer error="invalid_token"', async (_kind, token) => {
    const { response, error } = await client(token).GET('/api/v1/customer/dashboard');
    expectProblem({ status: response.status, body: error }, 401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer\b.*error="invalid_token"/);
  });

  needs('rules', 'direct').it('another scheme than Bearer is a 401', async () => {
    const { email, password } = account();
    const basic = Buffer.from(`${email}:${password}`).toString('base64');
    const answer = await send('GET', '/api/v1/customer/dashboard', { headers: { Authorization: `Basic ${basic}` } });
    expectProblem(answer, 401);
  });
});
