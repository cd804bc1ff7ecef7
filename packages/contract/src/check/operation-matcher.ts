/**
 * Which operation of the contract a request was for: its method and its path, matched against the spec's
 * path templates. The suite needs this to know which documented responses an answer must be one of.
 */
import { listOperations, type Operation } from '@customer-portal/core';

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

interface CompiledTemplate {
  operation: Operation;
  pattern: RegExp;
  names: string[];
  /** Literal segments count: OpenAPI says concrete paths win over templated ones (`/orders/return` over `/orders/{order_id}`). */
  literals: number;
}

function compile(operation: Operation): CompiledTemplate {
  const names: string[] = [];
  const segments = operation.path.split('/').map((segment) => {
    const param = /^\{(.+)\}$/.exec(segment);
    if (param) {
      names.push(param[1]!);
      return '([^/]+)';
    }
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  const literals = operation.path.split('/').filter((s) => s && !s.startsWith('{')).length;
  return { operation, pattern: new RegExp(`^${segments.join('/')}$`), names, literals };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
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
  const templates = operations.map(compile).sort((a, b) => b.literals - a.literals);

  function candidates(path: string) {
    return templates
      .map((template) => ({ template, found: template.pattern.exec(path) }))
      .filter((c): c is { template: CompiledTemplate; found: RegExpExecArray } => c.found !== null);
  }

  return {
    match(method, path) {
      const wanted = method.toLowerCase();
      for (const { template, found } of candidates(path)) {
        if (template.operation.method !== wanted) continue;
        const params = Object.fromEntries(template.names.map((name, i) => [name, decode(found[i + 1]!)]));
        return { operation: template.operation, params };
      }
      return undefined;
    },
    allowedMethods(path) {
      // Only the best (most literal) templates that match count: `/orders/return` allows POST only, even
      // though `/orders/{order_id}` would match it too.
      const found = candidates(path);
      const best = found[0]?.template.literals;
      return [...new Set(found.filter((c) => c.template.literals === best).map((c) => c.template.operation.method.toUpperCase()))];
    },
  };
}

/** The request path below the base URL: `https://api.example.com/portal` + `/portal/auth/login` → `/auth/login`. */
export function pathBelowBase(baseUrl: string, url: string): string {
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const { pathname } = new URL(url);
  return base && pathname.startsWith(base) ? pathname.slice(base.length) || '/' : pathname;
}
