/** CORS for frontend dev servers: which origins may call the API from a browser, with preflight. */
import cors from '@koa/cors';
import type { Middleware } from 'koa';

/** Any port of localhost, 127.0.0.1 or [::1] over http: wherever a frontend dev server runs. */
export const LOCAL_ORIGINS: RegExp[] = [/^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/];

/**
 * @param origins exact origins (`https://app.example.com`), `*` for any, or patterns.
 *
 * @example
 * app.use(corsFor(['http://localhost:5173']));
 */
export function corsFor(origins: (string | RegExp)[]): Middleware {
  const allowed = (origin: string) => origins.some((o) => (typeof o === 'string' ? o === '*' || o === origin : o.test(origin)));
  return cors({
    // An origin that is not allowed gets no CORS headers at all, so the browser refuses the response.
    origin: (ctx) => {
      const origin = ctx.get('Origin');
      return origin && allowed(origin) ? origin : '';
    },
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT'],
    allowHeaders: ['Authorization', 'Content-Type'],
    // Without this a browser script cannot read the list total, why a token was refused, or the request's id.
    exposeHeaders: ['X-Total-Count', 'WWW-Authenticate', 'X-Request-Id'],
    maxAge: 600,
  });
}
