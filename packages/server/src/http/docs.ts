/**
 * Interactive API docs at /docs: Swagger UI from the locally installed swagger-ui-dist (no CDN, so the
 * docs work offline), reading the contract from /openapi.json.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { routeNotFound } from '@customer-portal/core';
import type Router from '@koa/router';

// Resolved, not imported: importing swagger-ui-dist loads its 1.5 MB bundle into the server.
const ASSETS = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SERVED = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png']);

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Customer Portal API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css">
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/start.js"></script>
  </body>
</html>
`;

// A file rather than an inline script, so that the Content-Security-Policy (security-headers.ts) needs no
// 'unsafe-inline' for scripts. The bearer token typed into Authorize is kept in memory only, never in the
// browser's storage, where any script on the origin could read it.
const START = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: false });\n`;

export function addDocsRoutes(router: Router): void {
  router.get('/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = PAGE;
  });
  router.get('/docs/:file', (ctx) => {
    const file = ctx.params.file ?? '';
    if (file === 'start.js') {
      ctx.type = 'js';
      ctx.body = START;
      return;
    }
    if (!SERVED.has(file)) throw routeNotFound(ctx.method, ctx.path);
    ctx.type = extname(file);
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = createReadStream(join(ASSETS, file));
  });
}
