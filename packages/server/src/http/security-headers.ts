/**
 * Headers that keep what the API hands out where it belongs: tokens and personal data are never stored by a
 * browser or a shared cache, and the docs page cannot be framed or made to run another origin's scripts.
 */
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
