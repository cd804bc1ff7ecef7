import { createContractValidator } from '@customer-portal/core';
import { describe, expect, it } from 'vitest';
import { ContractBreachError, createCheckedFetch } from '../src/check/checked-fetch.js';
import { createResponseChecker } from '../src/check/response-checker.js';

const BASE = 'http://api.test';
const validator = createContractValidator();
const checker = createResponseChecker({ baseUrl: BASE, validator });
const viaPrism = createResponseChecker({ baseUrl: BASE, validator, independentValidator: 'prism-proxy' });

const ORDER = {
  id: 'ORD1',
  status: 'SHIPPED',
  total: 10,
  created_at: '2024-01-10T10:00:00Z',
  estimated_delivery: null,
  tracking_number: null,
  items: [{ id: 'I1', product_name: 'Lamp', quantity: 1, price: 10, subtotal: 10 }],
};
const PROBLEM = { type: 'https://example.com/problems/x', title: 'X', status: 404, detail: 'Order ORD9 was not found.' };

const json = 'application/json';
const problem = 'application/problem+json';

function check(method: string, path: string, status: number, headers: Record<string, string>, body: unknown, using = checker) {
  return using.check(
    { method, url: `${BASE}${path}` },
    { status, headers: new Headers(headers), body: typeof body === 'string' ? body : JSON.stringify(body) },
  );
}

describe('checking a response against the contract', () => {
  it.each([
    ['a page of orders with X-Total-Count', 'GET', '/api/v1/customer/orders', 200, { 'content-type': json, 'x-total-count': '1' }, [ORDER]],
    ['an order', 'GET', '/api/v1/customer/orders/ORD1', 200, { 'content-type': `${json}; charset=utf-8` }, ORDER],
    ['a 404 problem', 'GET', '/api/v1/customer/orders/ORD9', 404, { 'content-type': problem }, PROBLEM],
    ['a 401 with WWW-Authenticate', 'GET', '/api/v1/customer/dashboard', 401, { 'content-type': problem, 'www-authenticate': 'Bearer' }, { ...PROBLEM, status: 401 }],
    ['a server error, under `default`', 'GET', '/api/v1/customer/dashboard', 503, { 'content-type': problem }, { ...PROBLEM, status: 503 }],
    ['a 404 problem for a route the contract lacks', 'GET', '/api/v1/customer/admin', 404, { 'content-type': problem }, PROBLEM],
  ])('keeps it: %s', (_name, method, path, status, headers, body) => {
    expect(check(method, path, status, headers, body).breaches).toEqual([]);
  });

  it.each([
    ['a renamed field', 'GET', '/api/v1/customer/orders/ORD1', 200, { 'content-type': json }, { ...ORDER, total: undefined, amount: 10 },
      [{ location: 'response.body.total', message: 'is required' }, { location: 'response.body.amount', message: 'is not allowed' }]],
    ['a status the operation does not document', 'POST', '/api/v1/customer/tickets', 200, { 'content-type': json }, {},
      [{ location: 'response.status', message: '200 is not documented for createTicket (documented: 201, 400, 401, 404, 413, 415, 422)' }]],
    ['a list without X-Total-Count', 'GET', '/api/v1/customer/orders', 200, { 'content-type': json }, [],
      [{ location: 'response.headers.X-Total-Count', message: 'is required' }]],
    ['a negative X-Total-Count', 'GET', '/api/v1/customer/orders', 200, { 'content-type': json, 'x-total-count': '-1' }, [],
      [{ location: 'response.headers.X-Total-Count', message: 'must be >= 0' }]],
    ['a 401 whose WWW-Authenticate is not Bearer', 'GET', '/api/v1/customer/profile', 401, { 'content-type': problem, 'www-authenticate': 'Basic' }, { ...PROBLEM, status: 401 },
      [{ location: 'response.headers.WWW-Authenticate', message: 'must match pattern "^Bearer"' }]],
    ['a problem sent as application/json', 'GET', '/api/v1/customer/orders/ORD9', 404, { 'content-type': json }, PROBLEM,
      [{ location: 'response.headers.Content-Type', message: 'must be application/problem+json, got "application/json"' }]],
    ['a body that is not JSON', 'GET', '/api/v1/customer/orders/ORD1', 200, { 'content-type': json }, '<html>',
      [{ location: 'response.body', message: 'is not valid JSON' }]],
    ['an answer for a route the contract lacks', 'DELETE', '/api/v1/customer/orders', 200, { 'content-type': json }, [],
      [{ location: 'response.status', message: '200 for a route the contract does not have; expected 404 or 405' }]],
  ])('breaks it: %s', (_name, method, path, status, headers, body, breaches) => {
    expect(check(method, path, status, headers, body).breaches).toEqual(breaches);
  });

  it('names the operation, the status and each field in the error a checked fetch throws', async () => {
    const broken = new Response(JSON.stringify({ ...ORDER, total: undefined, amount: 10 }), { status: 200, headers: { 'content-type': json } });
    const fetch = createCheckedFetch({ checker, fetch: async () => broken });
    const call = fetch(new Request(`${BASE}/api/v1/customer/orders/ORD1`));
    await expect(call).rejects.toBeInstanceOf(ContractBreachError);
    await expect(call).rejects.toThrow(
      'GET /api/v1/customer/orders/ORD1 (getOrder) answered 200, breaking the contract:\n  - response.body.total: is required\n  - response.body.amount: is not allowed',
    );
  });
});

describe('behind Prism\u2019s validating proxy', () => {
  it('its sl-violations about the response are breaches', () => {
    const violations = JSON.stringify([
      { location: ['request', 'query', 'status'], severity: 'Error', message: 'ignored: the suite sends bad requests on purpose' },
      { location: ['response', 'body'], severity: 'Error', message: "Response body must have required property 'total'" },
    ]);
    const exchange = check('GET', '/api/v1/customer/orders', 200, { 'content-type': json, 'x-total-count': '1', 'sl-violations': violations }, [ORDER], viaPrism);
    expect(exchange.breaches).toEqual([{ location: 'response.body', message: "Prism: Response body must have required property 'total'" }]);
  });

  it('an answer Prism made itself never reached the host, and is a breach', () => {
    const prismOwn = { type: 'https://stoplight.io/prism/errors#UNAUTHORIZED', title: 'Invalid security scheme used', status: 401, detail: 'x' };
    const exchange = check('GET', '/api/v1/customer/dashboard', 401, { 'content-type': problem, 'www-authenticate': 'Bearer' }, prismOwn, viaPrism);
    expect(exchange.breaches).toEqual([
      { location: 'response', message: 'Prism answered itself (Invalid security scheme used); the request never reached the host' },
    ]);
  });
});
