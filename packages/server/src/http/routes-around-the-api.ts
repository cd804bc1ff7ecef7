/**
 * The routes around the API (/healthz, /openapi.yaml, /openapi.json, /docs), then what no route answered
 * (unmatched.ts). The API's own routes are core's route table (operation-routes.ts), so @koa/router and the
 * docs' files are loaded with the first request for a path the contract does not have, not when the server
 * starts: a restarted server's first API answer does not wait for them (docs/notes/server-measurements.md).
 */
import type { Middleware } from 'koa';

/**
 * @param checkHealth throws (or rejects) when the server cannot serve; /healthz then answers its problem.
 *
 * @example
 * app.use(operationRoutes(portal));
 * app.use(routesAroundTheApi(() => void db.prepare('SELECT 1').get()));
 */
export function routesAroundTheApi(checkHealth: () => void | Promise<void>): Middleware {
  let made: Promise<{ routes: Middleware; unmatched: Middleware }> | undefined;
  const make = async () => {
    const [{ default: Router }, { addMetaRoutes }, { addDocsRoutes }, { unmatched }] = await Promise.all([
      import('@koa/router'),
      import('./meta-routes.js'),
      import('./docs.js'),
      import('./unmatched.js'),
    ]);
    const router = new Router({ sensitive: true, strict: true });
    addMetaRoutes(router, checkHealth);
    addDocsRoutes(router);
    return { routes: router.routes() as Middleware, unmatched: unmatched(router) };
  };
  return async (ctx, next) => {
    const { routes, unmatched } = await (made ??= make());
    await routes(ctx, () => unmatched(ctx, next));
  };
}
