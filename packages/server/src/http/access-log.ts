/**
 * One log entry per request, and its id in `X-Request-Id`: the id a client reports is the one that finds
 * its line. The entry holds the method, the path (never the query: it may hold search terms), the
 * operation, the status, the duration and the signed-in customer's id; never a header, a token or a body.
 */
import { randomUUID } from 'node:crypto';
import { bearerToken, type BeforeSignInStep, type HostAuth } from '@customer-portal/core';
import type { Context, Middleware } from 'koa';
import type { Logger } from '../logger.js';

/** An incoming id is kept only when it is short and plain, so that it cannot forge or break a log line. */
const PLAIN_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export interface AccessLogOptions {
  /** Behind a trusted proxy, an `X-Request-Id` it sends is kept; otherwise every request gets a new one. */
  trustProxy: boolean;
  /** The customer a request was made for, once it has been answered; undefined when none. */
  customerOf?: (ctx: Context) => Promise<number | undefined>;
}

/**
 * @example
 * app.use(accessLog(createLogger(), { trustProxy: false }));
 * // {"level":"info","time":"…","requestId":"5b0e…","method":"GET","path":"/api/v1/customer/orders",
 * //  "operation":"listOrders","status":200,"durationMs":1.4,"customerId":1,"msg":"GET /api/v1/customer/orders 200"}
 */
export function accessLog(log: Logger | undefined, { trustProxy, customerOf }: AccessLogOptions): Middleware {
  return async (ctx, next) => {
    const start = performance.now();
    const incoming = trustProxy ? ctx.get('X-Request-Id') : '';
    const requestId = PLAIN_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
    } finally {
      if (log?.isLevelEnabled('info')) {
        const durationMs = Math.round((performance.now() - start) * 100) / 100;
        const customerId = await customerOf?.(ctx).catch(() => undefined);
        log.info(
          {
            requestId,
            method: ctx.method,
            path: ctx.path,
            operation: ctx.state.operation as string | undefined,
            status: ctx.status,
            durationMs,
            customerId,
          },
          `${ctx.method} ${ctx.path} ${ctx.status}`,
        );
      }
    }
  };
}

/**
 * The customer a request was answered for: the one its bearer token names (checked again through the
 * memo of verified tokens, so it costs a lookup), or for a sign-in the one it signed in. None for a 401.
 */
export function customerOfRequest(auth: Pick<HostAuth, 'verifyToken'>): (ctx: Context) => Promise<number | undefined> {
  return async (ctx) => {
    if (ctx.status === 401) return undefined;
    const token = bearerToken(ctx.get('Authorization'));
    if (token) return auth.verifyToken(token);
    if (ctx.state.operation !== 'login' || ctx.status !== 200 || typeof ctx.body !== 'string') return undefined;
    const issued = (JSON.parse(ctx.body) as { access_token?: unknown }).access_token;
    return typeof issued === 'string' ? auth.verifyToken(issued) : undefined;
  };
}

/** A step of core's pipeline, first for every operation: names it for the request's log entry. */
export const nameTheOperation: BeforeSignInStep<Context> = ({ operation, request }) => {
  request.host.state.operation = operation.operationId;
  return undefined;
};
