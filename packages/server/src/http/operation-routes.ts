/**
 * The API's routes are core's: every request goes to core's pipeline, which routes it by the contract's route
 * table (a 405 with `Allow`, HEAD, OPTIONS) and runs it. This middleware only translates a Koa request to a
 * `PortalHttpRequest` and the `PortalResponse` back; a path the contract does not have goes on to the routes
 * around the API (/healthz, /openapi.json, /docs).
 */
import { queryFromText, tooManySignIns, type AroundOperationStep, type Portal } from '@customer-portal/core';
import type { Context, Middleware } from 'koa';
import type { SignInOutcome, SignInThrottle } from '../auth/sign-in-throttle.js';
import { readJsonBody } from './request-body.js';
import { writeResponse } from './write-response.js';

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
