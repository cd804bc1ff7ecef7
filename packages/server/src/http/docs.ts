/**
 * Interactive API docs at /docs: Swagger UI from files the package carries (no CDN, so the docs work
 * offline; see packaged-files.ts), reading the contract from /openapi.json.
 */
import { createReadStream } from 'node:fs';
import { extname, join } from 'node:path';
import { routeNotFound } from '@customer-portal/core';
import type Router from '@koa/router';
import { swaggerUiFolder } from './packaged-files.js';

const ASSETS = swaggerUiFolder();
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
// browser's storage, where any script on the origin could read it. "Try it out" calls the origin the page was
// loaded from, whatever host and port the server listens on or is reached through (a proxy, a tunnel): the
// served contract stays the file as written, with the servers it lists; only this page's copy is changed.
const START = `fetch('/openapi.json')
  .then((response) => response.json())
  .then((spec) => {
    spec.servers = [{ url: window.location.origin, description: 'This server' }];
    window.ui = SwaggerUIBundle({ spec, dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: false });
  });
`;

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
