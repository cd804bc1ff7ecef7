/**
 * What the operations' handlers do not answer on the API's paths, answered as the reference server (Koa with
 * @koa/router) does: HEAD on a GET path is the GET without its body; OPTIONS lists the allowed methods; another
 * method on a known path is a 405 naming them (HEAD included, as the router lists it); an unknown path under the
 * customer API is a 404. Errors are problem documents, so a typo in a frontend shows a readable error, not the
 * dev server's HTML.
 */
import { methodNotAllowed, problemResponse, routeNotFound, type Operation } from '@customer-portal/core';
import { getResponse, http, matchRequestUrl, type HttpHandler } from 'msw';
import { writeResponse } from './exchange.js';
import { matchesExactly } from './exact-path.js';
import { routePath } from './route-path.js';

/** Only this prefix is claimed for unknown paths: with an any-origin base URL, `/auth/*` could be anyone's. */
const CUSTOMER_API = '/api/v1/customer/';

/** The order the server lists methods in `Allow`, whatever order the operations come in. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

function allowedMethods(url: URL, baseUrl: string, operations: Operation[]): string[] {
  const methods = new Set(
    operations
      .filter((operation) => matchesExactly(baseUrl, url, operation.path))
      .flatMap((operation) => (operation.method === 'get' ? ['GET', 'HEAD'] : [operation.method.toUpperCase()])),
  );
  return METHOD_ORDER.filter((method) => methods.has(method));
}

async function headAsGet(request: Request, operationHandlers: HttpHandler[]): Promise<Response | undefined> {
  const response = await getResponse(operationHandlers, new Request(request.url, { method: 'GET', headers: request.headers }));
  return response && new Response(null, { status: response.status, headers: response.headers });
}

/**
 * One handler, placed after the operations' handlers, for the API's own paths; every other request goes on
 * untouched.
 */
export function fallbackHandler(baseUrl: string, operations: Operation[], operationHandlers: HttpHandler[]): HttpHandler {
  return http.all(routePath(baseUrl, '/*'), ({ request }) => {
    const url = new URL(request.url);
    const allowed = allowedMethods(url, baseUrl, operations);
    if (allowed.length === 0) {
      const ours = matchRequestUrl(url, routePath(baseUrl, `${CUSTOMER_API}*`)).matches;
      return ours && request.method !== 'OPTIONS' ? writeResponse(problemResponse(routeNotFound(request.method, url.pathname))) : undefined;
    }
    if (request.method === 'HEAD') return headAsGet(request, operationHandlers);
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: [...allowed, 'OPTIONS'].join(', ') } });
    return writeResponse(problemResponse(methodNotAllowed(request.method, url.pathname, allowed)));
  });
}
