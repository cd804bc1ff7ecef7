/** Writing a PortalResponse (an operation's result or a problem) as the HTTP response. */
import { problemResponse, type ApiError, type PortalResponse } from '@customer-portal/core';
import type { Context } from 'koa';

/**
 * Status, headers and a JSON body. The body is serialised here rather than handed to Koa as an object,
 * because Koa would replace the Content-Type of a problem (`application/problem+json`) with its own.
 */
export function writeResponse(ctx: Context, { status, headers, body }: PortalResponse): void {
  ctx.status = status;
  ctx.set(headers);
  ctx.body = JSON.stringify(body);
}

/** An ApiError as its problem+json document. */
export function writeProblem(ctx: Context, error: ApiError): void {
  writeResponse(ctx, problemResponse(error));
}
