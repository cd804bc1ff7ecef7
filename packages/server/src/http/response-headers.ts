/**
 * The headers every response gets before anything else runs: what keeps the API's answers where they belong
 * (tokens and personal data are never stored by a browser or a shared cache; the docs page cannot be framed or
 * made to run another origin's scripts), and CORS, which says which browser origins may read them (a
 * preflight is answered here). One file, because both decide by the request alone what a browser may do with
 * the response, and both run, in this order, for every request.
 */
import cors from '@koa/cors';
import type { Middleware } from 'koa';

/**
 * The docs page runs Swagger UI from our own files only. Swagger UI sets inline styles and shows images as
 * data: URLs, so those two are allowed; scripts come from 'self' only (the start script is a file for this).
 */
const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// A token (/auth) or a customer's data (/api) must not outlive the response in any cache.
const PRIVATE = /^\/(?:auth|api)(?:\/|$)/;

/** `nosniff` everywhere, `no-store` under /auth and /api, a CSP on /docs. */
export const securityHeaders: Middleware = async (ctx, next) => {
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (PRIVATE.test(ctx.path)) ctx.set('Cache-Control', 'no-store');
  if (ctx.path === '/docs' || ctx.path.startsWith('/docs/')) {
    ctx.set('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY);
    // For browsers that predate frame-ancestors.
    ctx.set('X-Frame-Options', 'DENY');
  }
  await next();
};

/** Any port of localhost, 127.0.0.1 or [::1] over http: wherever a frontend dev server runs. */
export const LOCAL_ORIGINS: RegExp[] = [/^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/];

/**
 * CORS for frontend dev servers: which origins may call the API from a browser, with preflight.
 *
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
