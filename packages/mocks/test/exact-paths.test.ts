/** The mocks match paths as the reference server does (issue 16): case-sensitive, with no trailing-slash aliases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupPortalServer } from '../src/node.js';
import { matchesExactly } from '../src/exact-path.js';
import { ALI, MOCK_URL } from './accounts.js';

const server = setupPortalServer({ baseUrl: MOCK_URL });
let token: string;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  const login = await fetch(`${MOCK_URL}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ALI) });
  token = ((await login.json()) as { access_token: string }).access_token;
});
afterAll(() => server.close());

describe('paths the API does not have', () => {
  it.each(['/api/v1/customer/tickets/', '/api/v1/customer/profile/', '/api/v1/customer/Profile', '/api/v1/customer/orders/ORD123/'])(
    '%s is a 404 problem, not an alias of an operation',
    async (path) => {
      const response = await fetch(`${MOCK_URL}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    },
  );
});

describe('matchesExactly', () => {
  it.each([
    ['', '/api/v1/customer/orders/ORD1', '/api/v1/customer/orders/{order_id}', true],
    ['', '/api/v1/customer/orders/ORD1/', '/api/v1/customer/orders/{order_id}', false],
    ['', '/api/v1/customer/orders/', '/api/v1/customer/orders/{order_id}', false],
    ['http://mock.portal.test/base/', '/base/auth/login', '/auth/login', true],
    ['http://mock.portal.test', '/AUTH/login', '/auth/login', false],
  ])('base %j, path %s, template %s: %s', (baseUrl, pathname, template, expected) => {
    expect(matchesExactly(baseUrl, new URL(`http://mock.portal.test${pathname}`), template)).toBe(expected);
  });
});
