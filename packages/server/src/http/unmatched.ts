/**
 * What neither core's pipeline (the API's paths) nor the routes around the API (/healthz, /openapi.json,
 * /docs) answered: a path the server does not have is a 404 problem; a route around the API with another
 * method a 405 problem with `Allow` (and a plain OPTIONS request the list of methods), in core's order.
 */
import { inAllowOrder, methodNotAllowed, routeNotFound } from '@customer-portal/core';
import type Router from '@koa/router';
import type { Middleware } from 'koa';

export function unmatched(router: Router): Middleware {
  return async (ctx) => {
    const allowed = inAllowOrder(router.match(ctx.path, ctx.method).path.flatMap((layer) => layer.methods));
    if (allowed.length === 0) throw routeNotFound(ctx.method, ctx.path);
    if (ctx.method === 'OPTIONS') {
      ctx.set('Allow', [...allowed, 'OPTIONS'].join(', '));
      ctx.status = 204;
      return;
    }
    throw methodNotAllowed(ctx.method, ctx.path, allowed);
  };
}
