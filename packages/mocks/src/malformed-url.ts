/**
 * msw decodes path parameters with `decodeURIComponent` while it looks for a handler, and a malformed escape
 * (`/orders/%E0%A4%A`) makes that throw: msw would answer a 500 with a stack trace. The reference server's router
 * keeps such a segment as it was sent, so the contract's validation rejects it (a 422 naming the parameter).
 * This guard, placed first, does the same: it escapes the `%` of undecodable segments and asks the other handlers.
 */
import { getResponse, http, type HttpHandler } from 'msw';

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The URL with every undecodable path segment made literal (`%` escaped as `%25`), or undefined when all decode. */
export function decodableUrl(href: string): string | undefined {
  const url = new URL(href);
  const segments = url.pathname.split('/');
  if (segments.every(decodes)) return undefined;
  url.pathname = segments.map((s) => (decodes(s) ? s : s.replaceAll('%', '%25'))).join('/');
  return url.href;
}

/** A handler for the few URLs msw cannot decode, answered by the given handlers once the URL is made literal. */
export function malformedUrlHandler(handlers: HttpHandler[]): HttpHandler {
  return http.all(
    ({ request }) => decodableUrl(request.url) !== undefined,
    ({ request }) => getResponse(handlers, new Request(decodableUrl(request.url)!, request)),
  );
}
