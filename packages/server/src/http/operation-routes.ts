/**
 * One route per operation of the contract, generated from its operations: a route that is not in
 * openapi.yaml cannot exist. Each route only translates HTTP to a PortalRequest and the PortalResponse
 * back; core authenticates, validates and runs the operation.
 */
import { colonPath, tooManySignIns, type Operation, type Portal, type PortalRequest } from '@customer-portal/core';
import type { SignInOutcome, SignInThrottle } from '../auth/sign-in-throttle.js';
import type { RememberedResponses } from './remembered-responses.js';
import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { readJsonBody } from './request-body.js';
import { writeResponse } from './write-response.js';

export interface OperationRouteOptions {
  /** Counts sign-ins per account and address (sign-in-throttle.ts); undefined for none. */
  throttle?: SignInThrottle | undefined;
  /** Answers repeated GETs while the data is unchanged (remembered-responses.ts); undefined for none. */
  remembered?: RememberedResponses | undefined;
}

export function addOperationRoutes(router: Router, portal: Portal, { throttle, remembered }: OperationRouteOptions = {}): void {
  for (const operation of portal.operations) {
    const answer = (ctx: Context) => portal.handle(portalRequest(ctx, operation));
    const handle: Middleware =
      operation.operationId === 'login' && throttle
        ? throttledSignIn(portal, operation, throttle)
        : operation.method === 'get' && remembered
          ? remembered.around(answer)
          : async (ctx) => void writeResponse(ctx, await answer(ctx));
    router.register(colonPath(operation.path), [operation.method], [handle], { name: operation.operationId });
  }
}

/**
 * Sign-in behind the throttle: a locked account or address is a 429 with Retry-After before any password
 * is hashed, so a storm of guesses costs the server a few scrypt runs, not one per guess.
 */
function throttledSignIn(portal: Portal, operation: Operation, throttle: SignInThrottle): Middleware {
  return async (ctx) => {
    const body = await readJsonBody(ctx);
    const attempt = await throttle.begin(accountOf(body), ctx.ip, (body as { device_token?: unknown } | null | undefined)?.device_token);
    if ('retryAfterMs' in attempt) throw tooManySignIns(attempt.retryAfterMs / 1000);
    let outcome: SignInOutcome = 'failed';
    try {
      const response = await portal.handle({ ...portalRequest(ctx, operation), body, readBody: undefined });
      outcome = response.status === 200 ? 'succeeded' : response.status === 401 ? 'failed' : 'not-an-attempt';
      writeResponse(ctx, response);
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

function portalRequest(ctx: Context, operation: Operation): PortalRequest {
  return {
    operationId: operation.operationId,
    path: { ...(ctx.params as Record<string, string>) },
    query: queryOf(ctx),
    body: undefined,
    // Read by core after it has checked the token, so an anonymous client never reaches the parsers.
    ...(operation.requestBody && { readBody: () => readJsonBody(ctx) }),
    authorization: ctx.get('Authorization') || null,
  };
}

/** The query as strings, a repeated key as an array of them (core's validator reports it as not a single value). */
function queryOf(ctx: Context): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(ctx.query)) if (value !== undefined) query[name] = value;
  return query;
}
