import { describe, expect, it } from 'vitest';
import { createRouteTable } from '../src/index.js';

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
