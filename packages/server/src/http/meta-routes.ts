/** The routes around the API: a health check and the contract itself, as JSON and as YAML. */
import { openapiDocument } from '@customer-portal/core';
import type Router from '@koa/router';

/**
 * @param checkHealth throws (or rejects) when the server cannot serve (for the server: a query on the database).
 */
export function addMetaRoutes(router: Router, checkHealth: () => void | Promise<void>): void {
  router.get('/healthz', async (ctx) => {
    await checkHealth();
    ctx.type = 'json';
    ctx.body = JSON.stringify({ status: 'ok' });
  });

  let json: string | undefined;
  router.get('/openapi.json', (ctx) => {
    ctx.type = 'json';
    ctx.body = json ??= JSON.stringify(openapiDocument);
  });

  // The YAML is written from the same document, on first request: most runs never ask for it.
  let yaml: string | undefined;
  router.get('/openapi.yaml', async (ctx) => {
    yaml ??= (await import('yaml')).stringify(openapiDocument);
    ctx.type = 'application/yaml';
    ctx.body = yaml;
  });
}
