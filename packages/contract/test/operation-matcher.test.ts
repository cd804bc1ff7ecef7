import { describe, expect, it } from 'vitest';
import { createOperationMatcher, pathBelowBase } from '../src/check/operation-matcher.js';

const matcher = createOperationMatcher();

describe('matching a request to an operation of the contract', () => {
  it.each([
    ['POST', '/auth/login', 'login', {}],
    ['GET', '/api/v1/customer/orders', 'listOrders', {}],
    ['GET', '/api/v1/customer/orders/ORD123', 'getOrder', { order_id: 'ORD123' }],
    ['GET', '/api/v1/customer/orders/track/ORD123', 'trackOrder', { order_id: 'ORD123' }],
    ['POST', '/api/v1/customer/orders/return', 'requestReturn', {}],
    ['post', '/api/v1/customer/tickets/TKT456/messages', 'addTicketMessage', { ticket_id: 'TKT456' }],
    ['PUT', '/api/v1/customer/notifications/abc/read', 'markNotificationRead', { notification_id: 'abc' }],
    ['GET', '/api/v1/customer/orders/ORD%20123', 'getOrder', { order_id: 'ORD 123' }],
  ])('%s %s is %s', (method, path, operationId, params) => {
    const found = matcher.match(method, path);
    expect(found?.operation.operationId).toBe(operationId);
    expect(found?.params).toEqual(params);
  });

  it('a literal segment wins over a template: /orders/track/X is trackOrder, not getOrder', () => {
    expect(matcher.match('GET', '/api/v1/customer/orders/track/ORD1')?.operation.operationId).toBe('trackOrder');
  });

  it.each([
    ['GET', '/api/v1/customer/admin'],
    ['DELETE', '/api/v1/customer/orders'],
    ['GET', '/auth/login'],
    ['GET', '/api/v1/customer/orders/ORD123/items'],
    ['GET', '/api/v1/customer/orders/'],
  ])('%s %s is no operation', (method, path) => {
    expect(matcher.match(method, path)).toBeUndefined();
  });

  it('lists the methods a path allows, the most literal template deciding', () => {
    expect(matcher.allowedMethods('/api/v1/customer/tickets')).toEqual(['GET', 'POST']);
    expect(matcher.allowedMethods('/api/v1/customer/orders/return')).toEqual(['POST']);
    expect(matcher.allowedMethods('/api/v1/customer/nothing')).toEqual([]);
  });
});

describe('the request path below the base URL', () => {
  it.each([
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000/auth/login?x=1', '/auth/login'],
    ['https://api.example.com/portal', 'https://api.example.com/portal/api/v1/customer/orders', '/api/v1/customer/orders'],
    ['https://api.example.com/portal/', 'https://api.example.com/portal/auth/login', '/auth/login'],
  ])('base %s, url %s: %s', (base, url, path) => {
    expect(pathBelowBase(base, url)).toBe(path);
  });
});
