/** The routes around the API: a health check and the contract itself, as written (YAML) and as JSON. */
import { readFile } from 'node:fs/promises';
import type Router from '@koa/router';
import { contractFile } from './packaged-files.js';

/**
 * @param checkHealth throws (or rejects) when the server cannot serve (for the server: a query on the database).
 */
export function addMetaRoutes(router: Router, checkHealth: () => void | Promise<void>): void {
  router.get('/healthz', async (ctx) => {
    await checkHealth();
    ctx.type = 'json';
    ctx.body = JSON.stringify({ status: 'ok' });
  });

  // The file as written, `$ref`s and all, so that tools reading it (openapi-typescript, Redocly, a team's
  // generator) keep every schema's name. Read on first request: most runs never ask for it.
  let yaml: Promise<string> | undefined;
  const contract = () => (yaml ??= readFile(contractFile(), 'utf8'));
  router.get('/openapi.yaml', async (ctx) => {
    ctx.type = 'application/yaml';
    ctx.body = await contract();
  });

  let json: Promise<string> | undefined;
  router.get('/openapi.json', async (ctx) => {
    json ??= contract().then(async (text) => JSON.stringify((await import('yaml')).parse(text)));
    ctx.type = 'json';
    ctx.body = await json;
  });
}
