/**
 * Child process: bare Koa + @koa/router serving precomputed JSON, the ceiling of the framework on this machine.
 * It does what any JSON API must do (route, read and parse a POST body, write JSON) and nothing else: no
 * database, no validation, no token check.
 */
import Router from '@koa/router';
import Koa from 'koa';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { CANNED_RESPONSES_ENV, type CannedResponse } from './canned-responses.js';
import { announceReady } from './ready-line.js';

async function readJson(req: NodeJS.ReadableStream): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

const file = process.env[CANNED_RESPONSES_ENV];
if (!file) throw new Error(`${CANNED_RESPONSES_ENV} must name a JSON file of canned responses.`);
const canned = JSON.parse(readFileSync(file, 'utf8')) as CannedResponse[];

const router = new Router();
for (const response of canned) {
  const body = Buffer.from(response.body);
  const handler = (ctx: Koa.Context) => {
    ctx.status = response.status;
    ctx.set(response.headers);
    ctx.body = body;
  };
  if (response.method === 'GET') router.get(response.path, handler);
  else
    router.post(response.path, async (ctx) => {
      await readJson(ctx.req);
      handler(ctx);
    });
}
router.get('/healthz', (ctx) => {
  ctx.body = { status: 'ok' };
});

const app = new Koa();
app.use(router.routes());
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  announceReady(`http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
