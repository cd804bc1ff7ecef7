/** One line per request: method, path, status and milliseconds. The query is left out (it may hold search terms). */
import type { Middleware } from 'koa';

export function accessLog(log: (line: string) => void): Middleware {
  return async (ctx, next) => {
    const start = performance.now();
    try {
      await next();
    } finally {
      log(`${ctx.method} ${ctx.path} ${ctx.status} ${(performance.now() - start).toFixed(1)}ms`);
    }
  };
}
