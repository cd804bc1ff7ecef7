/** Writing a PortalResponse (an operation's result or a problem) as the HTTP response. */
import { problemResponse, type ApiError, type PortalResponse } from '@customer-portal/core';
import type { Context } from 'koa';

/**
 * Status, headers and a JSON body. The body is serialised here rather than handed to Koa as an object,
 * because Koa would replace the Content-Type of a problem (`application/problem+json`) with its own.
 */
export function writeResponse(ctx: Context, { status, headers, body }: PortalResponse): string {
  return writeJson(ctx, status, headers, JSON.stringify(body));
}

/** Status, headers and a body already serialised; returns the body. */
export function writeJson(ctx: Context, status: number, headers: Record<string, string>, json: string): string {
  ctx.status = status;
  ctx.set(headers);
  ctx.body = json;
  return json;
}

/** An ApiError as its problem+json document. */
export function writeProblem(ctx: Context, error: ApiError): void {
  void writeResponse(ctx, problemResponse(error));
}
