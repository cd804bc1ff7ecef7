/**
 * Reading a request body with core's rules (`parseJsonBody`): no body is `undefined`, a body that is not
 * JSON a 415, one over 100 kB a 413 and one that does not parse a 400. koa-bodyparser reads the raw text,
 * stopping at the limit rather than buffering whatever a client sends.
 */
import { BODY_LIMIT_BYTES, parseJsonBody, unsupportedMediaType } from '@customer-portal/core';
import bodyParser from 'koa-bodyparser';
import type { Context, Middleware } from 'koa';

/** JSON and `+json` types are read (text/plain too, by koa-bodyparser's default, and refused by core). */
export const readBodyText: Middleware = bodyParser({
  enableTypes: ['text'],
  extendTypes: { text: ['application/json', 'application/*+json'] },
  textLimit: `${BODY_LIMIT_BYTES}b`,
});

/** The parsed JSON body of a request that went through readBodyText. */
export function requestBody(ctx: Context): unknown {
  const text = ctx.request.rawBody as string | undefined;
  if (text === undefined) {
    // Not read: a content type that is not JSON, or none at all. Only an empty request has no body.
    if (hasBody(ctx)) throw unsupportedMediaType();
    return undefined;
  }
  return parseJsonBody(ctx.get('Content-Type'), text);
}

function hasBody(ctx: Context): boolean {
  const length = ctx.request.length;
  return length === undefined ? ctx.get('Transfer-Encoding') !== '' : length > 0;
}
