/**
 * Which operation of the contract a request was for, by core's route table (the one every host routes by).
 * The suite needs this to know which documented responses an answer must be one of.
 */
import { createRouteTable, listOperations, type Operation } from '@customer-portal/core';

export interface OperationMatch {
  operation: Operation;
  /** The path parameters, decoded, e.g. `{ order_id: 'ORD123' }`. */
  params: Record<string, string>;
}

export interface OperationMatcher {
  /**
   * The operation for `method` and `path` (the request path below the API's base URL), or undefined when the
   * contract has no such operation. A path the spec has with a method it lacks is also undefined.
   */
  match(method: string, path: string): OperationMatch | undefined;
  /** The methods the contract documents on `path` (upper case), empty when it has no such path. */
  allowedMethods(path: string): string[];
}

/**
 * A matcher over the contract's operations (or the ones given).
 *
 * @example
 * const matcher = createOperationMatcher();
 * matcher.match('GET', '/api/v1/customer/orders/track/ORD123');
 * // { operation: { operationId: 'trackOrder', ... }, params: { order_id: 'ORD123' } }
 */
export function createOperationMatcher(operations: Operation[] = listOperations()): OperationMatcher {
  const routes = createRouteTable(operations);
  return {
    match(method, path) {
      // HEAD is routed to the GET by every host, but it is no operation of the contract.
      const route = method.toUpperCase() === 'HEAD' ? undefined : routes.find(method, path);
      return route?.kind === 'operation' ? { operation: route.operation, params: route.params } : undefined;
    },
    allowedMethods(path) {
      // A method no operation has always finds the path's allowed methods, when the path exists.
      const route = routes.find('TRACE', path);
      return route?.kind === 'method-not-allowed' ? route.allowed.filter((method) => method !== 'HEAD') : [];
    },
  };
}

/** The request path below the base URL: `https://api.example.com/portal` + `/portal/auth/login` → `/auth/login`. */
export function pathBelowBase(baseUrl: string, url: string): string {
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const { pathname } = new URL(url);
  return base && pathname.startsWith(base) ? pathname.slice(base.length) || '/' : pathname;
}
