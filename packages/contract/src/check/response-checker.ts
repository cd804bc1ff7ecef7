/**
 * Checks one exchange against openapi.yaml: the status is documented for the operation, the Content-Type is
 * the documented one, and core's validator (ajv) finds the documented headers and the body keep their schemas.
 * Every response the suite receives goes through here (see checked-fetch.ts).
 */
import { createContractValidator, createSchemaChecker, type ContractValidator, type FieldError, type OperationId } from '@customer-portal/core';
import { createOperationMatcher, pathBelowBase, type OperationMatcher } from './operation-matcher.js';
import { prismBreaches } from './prism-violations.js';

/** One way a response breaks the contract. `location` is `response.status`, `response.headers.X` or `response.body.a.b`. */
export type Breach = FieldError;

/** A request and its response as the suite saw them, with what the check found. */
export interface CheckedExchange {
  method: string;
  /** The request path below the base URL, without the query. */
  path: string;
  /** The operation, or undefined when the contract has no operation for this method and path. */
  operationId: OperationId | undefined;
  status: number;
  breaches: Breach[];
}

export interface ExchangeResponse {
  status: number;
  headers: Headers;
  /** The body as text (empty when there is none). */
  body: string;
}

export interface ResponseCheckerOptions {
  /** The API's base URL, so that paths are matched below it. */
  baseUrl: string;
  /** Compiled once and shared; created when not given. */
  validator?: ContractValidator;
  matcher?: OperationMatcher;
  /** Also read the verdicts of Prism's validating proxy, when the host sits behind one. */
  independentValidator?: 'prism-proxy';
}

export interface ResponseChecker {
  check(request: { method: string; url: string }, response: ExchangeResponse): CheckedExchange;
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function parseBody(text: string, contentType: string | null): { body: unknown; problem?: string } {
  if (text.length === 0) return { body: undefined };
  const type = mediaType(contentType);
  if (type !== 'application/json' && !type.endsWith('+json')) return { body: text };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { body: text, problem: 'is not valid JSON' };
  }
}

/** The documented response a status falls under: its own code, or `default` for a server error. */
function documentedKey(responses: Record<string, unknown>, status: number): string | undefined {
  if (String(status) in responses) return String(status);
  // `default` documents unexpected server errors only; a 200 where a 201 is documented must not slip through it.
  if (status >= 500 && 'default' in responses) return 'default';
  return undefined;
}

/**
 * A checker for exchanges with one API deployment.
 *
 * @example
 * const checker = createResponseChecker({ baseUrl: 'http://127.0.0.1:3000' });
 * const exchange = checker.check({ method: 'GET', url: 'http://127.0.0.1:3000/api/v1/customer/orders' }, {
 *   status: 200, headers: new Headers({ 'content-type': 'application/json' }), body: '[]',
 * });
 * exchange.breaches; // [{ location: 'response.headers.X-Total-Count', message: 'The X-Total-Count header is required.' }]
 */
export function createResponseChecker(options: ResponseCheckerOptions): ResponseChecker {
  const validator = options.validator ?? createContractValidator();
  const matcher = options.matcher ?? createOperationMatcher(validator.operations);
  const isProblem = createSchemaChecker();

  function checkUndocumentedRoute(status: number, headers: Headers, text: string): Breach[] {
    // The contract has no such operation: the only right answers are a 404 or a 405, as problems.
    if (status !== 404 && status !== 405) {
      return [{ location: 'response.status', message: `${status} for a route the contract does not have; expected 404 or 405` }];
    }
    const breaches: Breach[] = [];
    if (mediaType(headers.get('content-type')) !== 'application/problem+json') {
      breaches.push({ location: 'response.headers.Content-Type', message: `must be application/problem+json, got "${headers.get('content-type') ?? ''}"` });
    }
    const { body, problem } = parseBody(text, headers.get('content-type'));
    if (problem) breaches.push({ location: 'response.body', message: problem });
    else breaches.push(...isProblem('Problem', body).map((e) => ({ ...e, location: e.location.replace(/^Problem/, 'response.body') })));
    return breaches;
  }

  return {
    check(request, response) {
      const method = request.method.toUpperCase();
      const path = pathBelowBase(options.baseUrl, request.url);
      const found = matcher.match(method, path);
      const base = { method, path, status: response.status };
      const prism = options.independentValidator === 'prism-proxy' ? prismBreaches(response.headers, response.body) : [];
      if (!found) {
        return { ...base, operationId: undefined, breaches: [...prism, ...checkUndocumentedRoute(response.status, response.headers, response.body)] };
      }

      const { operation } = found;
      const key = documentedKey(operation.responses, response.status);
      if (!key) {
        const documented = Object.keys(operation.responses).filter((k) => k !== 'default');
        const message = `${response.status} is not documented for ${operation.operationId} (documented: ${documented.join(', ')})`;
        return { ...base, operationId: operation.operationId, breaches: [...prism, { location: 'response.status', message }] };
      }

      const breaches: Breach[] = [...prism];
      const expectedType = operation.responses[key]?.contentType;
      const actualType = response.headers.get('content-type');
      if (expectedType && mediaType(actualType) !== expectedType) {
        breaches.push({ location: 'response.headers.Content-Type', message: `must be ${expectedType}, got "${actualType ?? ''}"` });
      }
      const { body, problem } = parseBody(response.body, actualType);
      if (problem) breaches.push({ location: 'response.body', message: problem });
      const headers = Object.fromEntries(response.headers.entries());
      const schemaBreaches = validator.checkResponse(operation.operationId, response.status, headers, body);
      // A body that is not JSON has been reported once; its schema errors would only repeat it.
      breaches.push(...(problem ? schemaBreaches.filter((b) => !b.location.startsWith('response.body')) : schemaBreaches));
      return { ...base, operationId: operation.operationId, breaches };
    },
  };
}
