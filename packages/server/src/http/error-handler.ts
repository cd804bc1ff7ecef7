/**
 * The outermost handler: whatever is thrown below becomes a problem+json response. Errors that are not
 * the portal's own are logged with their stack on the server, and the client gets a bare 500: a stack
 * trace never leaves the process.
 */
import { STATUS_CODES } from 'node:http';
import { ApiError, internalError, malformedJson, payloadTooLarge, unsupportedMediaType } from '@customer-portal/core';
import type { Middleware } from 'koa';
import type { Logger } from '../logger.js';
import { writeProblem } from './write-response.js';

export function errorHandler(log: Logger | undefined): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) log?.error({ requestId: ctx.state.requestId as unknown, err: error }, `${ctx.method} ${ctx.path} failed`);
      writeProblem(ctx, problem);
    }
  };
}

/**
 * The errors the body reader (koa-bodyparser, over raw-body) throws carry an HTTP status; they become the
 * portal's own problems for that status, so that every host answers a bad body alike.
 */
export function toProblem(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const status = clientErrorStatus(error);
  switch (status) {
    case undefined:
      return internalError();
    case 400:
      return malformedJson();
    case 413:
      return payloadTooLarge();
    case 415:
      return unsupportedMediaType();
    default:
      return new ApiError({ status, title: STATUS_CODES[status] ?? 'Bad request', slug: 'bad-request', detail: `${(error as Error).message}.` });
  }
}

/** The status of an http-errors error meant for the client (4xx, `expose`), if it is one. */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, expose } = error as Error & { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}
