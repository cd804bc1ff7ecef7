/**
 * What the router did not handle: a path the API does not have is a 404 problem; a known path with
 * another method a 405 problem with `Allow` (and a plain OPTIONS request the list of methods).
 */
import { methodNotAllowed, routeNotFound } from '@customer-portal/core';
import type Router from '@koa/router';
import type { Middleware } from 'koa';

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function unmatched(router: Router): Middleware {
  return async (ctx) => {
    const methods = new Set(router.match(ctx.path, ctx.method).path.flatMap((layer) => layer.methods));
    const allowed = METHOD_ORDER.filter((method) => methods.has(method));
    if (allowed.length === 0) throw routeNotFound(ctx.method, ctx.path);
    if (ctx.method === 'OPTIONS') {
      ctx.set('Allow', [...allowed, 'OPTIONS'].join(', '));
      ctx.status = 204;
      return;
    }
    throw methodNotAllowed(ctx.method, ctx.path, allowed);
  };
}
