/**
 * The only HTTP the mocks speak: which requests are the API's (those under the base URL), a fetch `Request` in
 * as core's `PortalHttpRequest`, and core's `PortalResponse` back as a fetch `Response`. Routing and
 * everything after it is core's.
 */
import { decodeBodyText, parseJsonBody, queryFromText, type PortalHttpRequest, type PortalResponse } from '@customer-portal/core';
import { HttpResponse } from 'msw';

/** What the mocks' own steps (faults, overrides, `Prefer: code=`) need besides core's parts: the request as sent. */
export interface MockHost {
  request: Request;
}

/**
 * The path below the base URL of a request URL, or undefined when the URL is not under it. An empty base URL
 * means any origin, so the same handlers serve the page's own origin, any dev-server port and a made-up test
 * host alike.
 *
 * @example
 * pathBelow('http://mock.portal.test/portal')(new URL('http://mock.portal.test/portal/auth/login')); // '/auth/login'
 * pathBelow('')(new URL('http://localhost:5173/auth/login')); // '/auth/login'
 */
export function pathBelow(baseUrl: string): (url: URL) => string | undefined {
  if (baseUrl === '') return (url) => url.pathname;
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return (url) => {
    if (url.origin !== base.origin) return undefined;
    if (prefix === '') return url.pathname;
    return url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : undefined;
  };
}

/**
 * The query string as core reads it: a key given once is a string, a repeated key an array. Read by core's
 * queryFromText rather than URLSearchParams, which would read bytes that are not UTF-8 as U+FFFD: such a
 * parameter is refused by name, as the reference server refuses it.
 */
export function queryOf(url: URL): Record<string, string | string[]> {
  return queryFromText(url.search.slice(1));
}

/**
 * The request as core's pipeline reads it. The body is read when core asks (once the token is accepted) and
 * refused with core's ApiError (415, 413 or 400, or 400 for bytes that are not UTF-8, which `request.text()`
 * would read as U+FFFD) exactly as the reference server's body parser refuses it.
 * `host` is the request for the mocks' own steps: a copy when an override may read it, as the body is read once.
 */
export function portalRequestOf(request: Request, url: URL, path: string, host: Request): PortalHttpRequest<MockHost> {
  return {
    method: request.method,
    path,
    query: queryOf(url),
    authorization: request.headers.get('Authorization'),
    readBody: async () => parseJsonBody(request.headers.get('Content-Type'), decodeBodyText(new Uint8Array(await request.arrayBuffer()))),
    host: { request: host },
  };
}

/** Core's answer as an HTTP response, with its status, its headers (Content-Type included) and its JSON body, if any. */
export function writeResponse(response: PortalResponse): Response {
  if (response.body === undefined) return new HttpResponse(null, { status: response.status, headers: response.headers });
  return HttpResponse.json(response.body as never, { status: response.status, headers: response.headers });
}
