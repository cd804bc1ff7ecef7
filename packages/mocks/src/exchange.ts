/**
 * The only HTTP the mocks speak: a fetch `Request` in, core's `PortalRequest` parts out, and core's
 * `PortalResponse` back as a fetch `Response`. Everything between is core's.
 */
import { decodeBodyText, parseJsonBody, queryNotUtf8, validationFailed, type PortalRequest, type PortalResponse } from '@customer-portal/core';
import { HttpResponse, type PathParams } from 'msw';

export type RequestParts = Omit<PortalRequest, 'operationId'>;

/** The query string as core reads it: a key given once is a string, a repeated key an array. */
export function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  url.searchParams.forEach((value, key) => {
    const earlier = query[key];
    query[key] = earlier === undefined ? value : [earlier, value].flat();
  });
  return query;
}

function pathOf(params: PathParams): Record<string, string> {
  const path: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) path[name] = typeof value === 'string' ? value : value.join('/');
  }
  return path;
}

/**
 * The parts of a request core needs. Throws core's ApiError (415, 413 or 400) when the body cannot be read as
 * JSON or is not UTF-8, and a 422 for a query parameter that is not UTF-8, exactly as the reference server
 * refuses them: `request.text()` and URLSearchParams would read such bytes as U+FFFD.
 */
export async function readRequest(request: Request, params: PathParams): Promise<RequestParts> {
  const url = new URL(request.url);
  const queryErrors = queryNotUtf8(url.search.slice(1));
  if (queryErrors.length > 0) throw validationFailed(queryErrors);
  return {
    path: pathOf(params),
    query: queryOf(url),
    body: parseJsonBody(request.headers.get('Content-Type'), decodeBodyText(new Uint8Array(await request.arrayBuffer()))),
    authorization: request.headers.get('Authorization'),
  };
}

/** Core's answer as an HTTP response, with its status, its headers (Content-Type included) and its JSON body. */
export function writeResponse(response: PortalResponse): Response {
  return HttpResponse.json(response.body as never, { status: response.status, headers: response.headers });
}
