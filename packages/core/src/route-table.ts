/**
 * The route table every host uses, derived from the contract: a method and a path give the operation and its
 * path parameters, or the methods the path allows, or nothing. Paths match as the contract spells them
 * (case-sensitive, no trailing-slash alias); a parameter is one whole segment; and, as OpenAPI says, a
 * concrete path wins over a templated one (`/orders/return` over `/orders/{order_id}`), so the path alone
 * decides which methods are allowed.
 */
import { listOperations, type Operation } from './document.js';
import type { OperationId, OperationInput } from './types.js';

/** The methods in the order `Allow` lists them; HEAD is allowed wherever GET is. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** An operation the request is for, with its path parameters as sent, each decoded. */
export type OperationRoute = {
  [K in OperationId]: {
    operationId: K;
    operation: Operation;
    /** The path parameters by the names the contract gives them, still strings: validation coerces them. */
    params: { [P in keyof OperationInput<K>['path']]: string };
  };
}[OperationId];

/** What the table says of one request. */
export type Route =
  | ({ kind: 'operation' } & OperationRoute)
  /** The path exists, the method does not: these methods are allowed (`Allow` order, HEAD beside GET). */
  | { kind: 'method-not-allowed'; allowed: string[] };

export interface RouteTable {
  /** The route of `method` (any case) on `path` (the path below the API's base URL, as sent); undefined for a path the contract does not have. */
  find(method: string, path: string): Route | undefined;
}

interface PathEntry {
  template: string;
  /** The parameters' names, in order; a matcher only for a templated path. */
  names: string[];
  pattern: RegExp | undefined;
  literalSegments: number;
  byMethod: Map<string, Operation>;
  allowed: string[];
}

/**
 * Methods as `Allow` lists them, each once, HEAD beside GET.
 *
 * @example
 * inAllowOrder(['post', 'GET']); // ['GET', 'HEAD', 'POST']
 */
export function inAllowOrder(methods: string[]): string[] {
  const given = new Set(methods.map((method) => method.toUpperCase()));
  if (given.has('GET')) given.add('HEAD');
  return METHOD_ORDER.filter((method) => given.has(method));
}

/**
 * A path template with its parameters filled in, each value URI-encoded: the way back from a route.
 *
 * @example
 * fillPath('/api/v1/customer/orders/{order_id}', { order_id: 'ORD123' }); // '/api/v1/customer/orders/ORD123'
 */
export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(String(values[name])));
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // Kept as sent, as the server's router kept it: validation then names the parameter in a 422.
    return value;
  }
}

function entryOf(template: string, operations: Operation[]): PathEntry {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment);
      if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(parameter[1]!);
      return '([^/]+)';
    })
    .join('/');
  return {
    template,
    names,
    pattern: names.length > 0 ? new RegExp(`^${source}$`) : undefined,
    literalSegments: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
    byMethod: new Map(operations.map((o) => [o.method.toUpperCase(), o])),
    allowed: inAllowOrder(operations.map((o) => o.method)),
  };
}

/**
 * @example
 * const routes = createRouteTable();
 * routes.find('GET', '/api/v1/customer/orders/track/ORD123'); // { kind: 'operation', operationId: 'trackOrder', params: { order_id: 'ORD123' }, ... }
 * routes.find('DELETE', '/api/v1/customer/tickets'); // { kind: 'method-not-allowed', allowed: ['GET', 'HEAD', 'POST'] }
 * routes.find('GET', '/api/v1/customer/wishlist'); // undefined
 */
export function createRouteTable(operations: Operation[] = listOperations()): RouteTable {
  const byPath = new Map<string, Operation[]>();
  for (const operation of operations) byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
  const entries = [...byPath].map(([template, ops]) => entryOf(template, ops));
  const literal = new Map(entries.filter((e) => !e.pattern).map((e) => [e.template, e]));
  const templated = entries.filter((e) => e.pattern).sort((a, b) => b.literalSegments - a.literalSegments);

  return {
    find(method, path) {
      let entry = literal.get(path);
      let values: string[] = [];
      if (!entry) {
        for (const candidate of templated) {
          const found = candidate.pattern!.exec(path);
          if (found) {
            [entry, values] = [candidate, found.slice(1)];
            break;
          }
        }
      }
      if (!entry) return undefined;
      const wanted = method.toUpperCase();
      const operation = entry.byMethod.get(wanted === 'HEAD' ? 'GET' : wanted);
      if (!operation) return { kind: 'method-not-allowed', allowed: entry.allowed };
      const params = Object.fromEntries(entry.names.map((name, i) => [name, decode(values[i]!)]));
      return { kind: 'operation', operationId: operation.operationId, operation, params } as Route;
    },
  };
}
