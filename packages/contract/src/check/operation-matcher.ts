/**
 * Which operation of the contract a request was for: its method and its path, matched against the spec's
 * path templates. The suite needs this to know which documented responses an answer must be one of.
 */
import { listOperations, pathTemplate, type Operation, type PathTemplate } from '@customer-portal/core';

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
  /** The methods the contract allows on `path` (upper case), empty when it has no such path. */
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
  const templates = operations
    .map((operation) => ({ operation, template: pathTemplate(operation.path) }))
    .sort((a, b) => b.template.literalSegments - a.template.literalSegments);

  function candidates(path: string): { operation: Operation; template: PathTemplate; params: Record<string, string> }[] {
    return templates.flatMap((candidate) => {
      const params = candidate.template.match(path);
      return params ? [{ ...candidate, params }] : [];
    });
  }

  return {
    match(method, path) {
      const wanted = method.toLowerCase();
      const found = candidates(path).find((c) => c.operation.method === wanted);
      return found && { operation: found.operation, params: found.params };
    },
    allowedMethods(path) {
      // Only the best (most literal) templates that match count: `/orders/return` allows POST only, even
      // though `/orders/{order_id}` would match it too.
      const found = candidates(path);
      const best = found[0]?.template.literalSegments;
      return [...new Set(found.filter((c) => c.template.literalSegments === best).map((c) => c.operation.method.toUpperCase()))];
    },
  };
}

/** The request path below the base URL: `https://api.example.com/portal` + `/portal/auth/login` → `/auth/login`. */
export function pathBelowBase(baseUrl: string, url: string): string {
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const { pathname } = new URL(url);
  return base && pathname.startsWith(base) ? pathname.slice(base.length) || '/' : pathname;
}
