/**
 * The API's routes are core's: every request goes to core's pipeline, which routes it by the contract's route
 * table (a 405 with `Allow`, HEAD, OPTIONS) and runs it. This file is the one place a Koa request becomes a
 * `PortalHttpRequest` and a `PortalResponse` (or, in the error handler, whatever was thrown, as a problem)
 * becomes the HTTP response. A path the contract does not have goes on to the routes around the API (/healthz,
 * /openapi.json, /docs).
 */
import { problemResponse, queryFromText, tooManySignIns, type ApiError, type AroundOperationStep, type Portal, type PortalResponse } from '@customer-portal/core';
import type { Context, Middleware } from 'koa';
import type { SignInOutcome, SignInThrottle } from '../auth/sign-in-throttle.js';
import type { Logger } from '../logger.js';
import { readJsonBody, toProblem } from './request-body.js';

/**
 * @example
 * app.use(operationRoutes(createPortal<Context>({ store, auth })));
 */
export function operationRoutes(portal: Portal<Context>): Middleware {
  return async (ctx, next) => {
    const response = await portal.serve({
      method: ctx.method,
      path: ctx.path,
      query: queryOf(ctx),
      // Read by core after it has checked the token, so an anonymous client never reaches the parsers.
      readBody: () => readJsonBody(ctx),
      authorization: ctx.get('Authorization') || null,
      host: ctx,
    });
    if (response) writeResponse(ctx, response);
    else await next();
  };
}

/**
 * Status, headers and a JSON body (none for a 204 or a HEAD). The body is serialised here rather than handed
 * to Koa as an object, because Koa would replace the Content-Type of a problem (`application/problem+json`)
 * with its own; a body a step already serialised (`json`) is written as it is.
 */
function writeResponse(ctx: Context, { status, headers, body, json }: PortalResponse): void {
  ctx.status = status;
  ctx.set(headers);
  const text = json ?? (body === undefined ? undefined : JSON.stringify(body));
  if (text !== undefined) ctx.body = text;
}

/** An ApiError as its problem+json document. */
function writeProblem(ctx: Context, error: ApiError): void {
  void writeResponse(ctx, problemResponse(error));
}

/**
 * The outermost handler (after the access log): whatever is thrown below becomes a problem+json response,
 * written as every other response is. Errors that are not the portal's own are logged with their stack on the
 * server, and the client gets a bare 500: a stack trace never leaves the process.
 */
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
 * Sign-in behind the throttle, as a step around the operation: a locked account or address is a 429 with
 * Retry-After before any password is hashed, so a storm of guesses costs the server a few scrypt runs, not one
 * per guess. A body the contract refuses is a 422 before this step, and is no attempt.
 */
export function signInThrottleStep(throttle: SignInThrottle): AroundOperationStep<Context> {
  return async ({ operation, request, input, next }) => {
    if (operation.operationId !== 'login') return next();
    const attempt = await throttle.begin(accountOf(input.body), request.host.ip, (input.body as { device_token?: unknown } | undefined)?.device_token);
    if ('retryAfterMs' in attempt) throw tooManySignIns(attempt.retryAfterMs / 1000);
    let outcome: SignInOutcome = 'failed';
    try {
      const response = await next();
      outcome = response.status === 200 ? 'succeeded' : response.status === 401 ? 'failed' : 'not-an-attempt';
      return response;
    } finally {
      // Ended however the request went, or the attempts waiting behind it would wait for ever.
      attempt.end(outcome);
    }
  };
}

/** The lower-cased email a sign-in names, if it is a plausible one (the contract allows 254 characters). */
function accountOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | null | undefined)?.email;
  return typeof email === 'string' && email.length <= 254 ? email.toLowerCase() : undefined;
}

/**
 * The query as strings, a repeated key as an array of them (core's validator reports it as not a single value),
 * read by core's queryFromText: Koa's parser would read bytes that are not UTF-8 as U+FFFD.
 */
function queryOf(ctx: Context): Record<string, string | string[]> {
  return queryFromText(ctx.querystring);
}
