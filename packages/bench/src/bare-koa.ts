/**
 * Child process: bare Koa replaying the reference server's own answers (captured before the run), the ceiling
 * of the framework on this machine. It does what any JSON API must (read a POST body, write the JSON) and
 * nothing else: no routing library, no database, no token check, no validation. Env: CANNED_RESPONSES (a JSON
 * file of CannedResponse[]), PORT.
 */
import Koa from 'koa';
import { readFileSync } from 'node:fs';

export interface CannedResponse {
  /** `GET /api/v1/customer/orders?limit=5`: method and URL as sent. */
  request: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

const { CANNED_RESPONSES, PORT = '3000', HOST = '127.0.0.1' } = process.env;
if (!CANNED_RESPONSES) throw new Error('CANNED_RESPONSES must name a JSON file of canned responses.');
const canned = new Map(
  (JSON.parse(readFileSync(CANNED_RESPONSES, 'utf8')) as CannedResponse[]).map((r) => [r.request, { ...r, body: Buffer.from(r.body) }]),
);

const app = new Koa();
app.use(async (ctx) => {
  if (ctx.method === 'POST') {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  }
  const response = canned.get(`${ctx.method} ${ctx.url}`);
  if (!response) return void (ctx.status = 404);
  ctx.status = response.status;
  ctx.set(response.headers);
  ctx.body = response.body;
});
app.listen(Number(PORT), HOST);
process.once('SIGTERM', () => process.exit(0));
