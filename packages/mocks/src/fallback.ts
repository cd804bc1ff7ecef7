/**
 * The answers for requests that reach the API's paths but no operation, as the reference server gives them: a
 * known path with another method is a 405 naming the allowed ones, and an unknown path under the customer API
 * a 404. Both are problem documents, so a typo in a frontend shows a readable error, not the dev server's HTML.
 */
import { methodNotAllowed, problemResponse, routeNotFound, type ApiError, type Operation } from '@customer-portal/core';
import { http, matchRequestUrl, type HttpHandler } from 'msw';
import { writeResponse } from './exchange.js';
import { routePath } from './route-path.js';

/** Only this prefix is claimed for unknown paths: with an any-origin base URL, `/auth/*` could be anyone's. */
const CUSTOMER_API = '/api/v1/customer/';

function missingRoute(request: Request, baseUrl: string, operations: Operation[]): ApiError | undefined {
  const { pathname } = new URL(request.url);
  const allowed = operations
    .filter((operation) => matchRequestUrl(new URL(request.url), routePath(baseUrl, operation.path)).matches)
    .map((operation) => operation.method.toUpperCase());
  if (allowed.length > 0) return methodNotAllowed(request.method, pathname, allowed);
  if (matchRequestUrl(new URL(request.url), routePath(baseUrl, `${CUSTOMER_API}*`)).matches) {
    return routeNotFound(request.method, pathname);
  }
  return undefined;
}

/**
 * One handler, placed after the operations' handlers, that answers 405 or 404 for the API's own paths and lets
 * every other request through untouched.
 */
export function fallbackHandler(baseUrl: string, operations: Operation[]): HttpHandler {
  return http.all(routePath(baseUrl, '/*'), ({ request }) => {
    // A CORS preflight is the browser's business, not an API call.
    if (request.method === 'OPTIONS') return undefined;
    const error = missingRoute(request, baseUrl, operations);
    return error && writeResponse(problemResponse(error));
  });
}
