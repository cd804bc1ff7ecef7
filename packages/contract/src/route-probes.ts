/**
 * Requests for routes the contract does not have. A host must answer each with a 404 (no such path) or a 405
 * (a path of the contract, another method) problem, never with data: an undocumented route is a route nobody
 * reviewed. Used by the suite on every target and by the coverage gate on the reference server.
 */
export interface RouteProbe {
  method: string;
  path: string;
  /** 404 for a path the contract lacks, 405 for a documented path with a method it lacks. */
  expected: 404 | 405;
}

/** The customer API's own prefix: every host answers below it; only a host that owns its origin answers elsewhere. */
export const CUSTOMER_API_PREFIX = '/api/v1/customer/';

export const ROUTE_PROBES: readonly RouteProbe[] = [
  { method: 'GET', path: '/api/v1/customer/admin', expected: 404 },
  { method: 'POST', path: '/auth/register', expected: 404 },
  { method: 'GET', path: '/api/v1/customers', expected: 404 },
  { method: 'GET', path: '/api/v2/customer/orders', expected: 404 },
  { method: 'GET', path: '/api/v1/customer/orders/ORD123/items', expected: 404 },
  { method: 'DELETE', path: '/api/v1/customer/orders', expected: 405 },
  { method: 'DELETE', path: '/api/v1/customer/tickets/TKT456', expected: 405 },
  { method: 'PATCH', path: '/api/v1/customer/profile', expected: 405 },
  { method: 'POST', path: '/api/v1/customer/dashboard', expected: 405 },
  { method: 'GET', path: '/auth/login', expected: 405 },
];
