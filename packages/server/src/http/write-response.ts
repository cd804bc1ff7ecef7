/** Writing a PortalResponse (an operation's result or a problem) as the HTTP response. */
import { problemResponse, type ApiError, type PortalResponse } from '@customer-portal/core';
import type { Context } from 'koa';

/**
 * Status, headers and a JSON body (none for a 204 or a HEAD). The body is serialised here rather than handed
 * to Koa as an object, because Koa would replace the Content-Type of a problem (`application/problem+json`)
 * with its own; a body a step already serialised (`json`) is written as it is.
 */
export function writeResponse(ctx: Context, { status, headers, body, json }: PortalResponse): void {
  ctx.status = status;
  ctx.set(headers);
  const text = json ?? (body === undefined ? undefined : JSON.stringify(body));
  if (text !== undefined) ctx.body = text;
}

/** An ApiError as its problem+json document. */
export function writeProblem(ctx: Context, error: ApiError): void {
  void writeResponse(ctx, problemResponse(error));
}
