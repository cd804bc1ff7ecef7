/**
 * An HTTP proxy in front of a real server that breaks the contract on purpose: the way to prove the suite
 * catches a break in the reference server without editing it.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Rewrite {
  (exchange: { method: string; path: string; status: number; body: unknown }): { status: number; body: unknown } | undefined;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startBreakingProxy(upstream: string, rewrite: Rewrite): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string' && name !== 'host') headers.set(name, value);
    const answer = await fetch(`${upstream}${request.url}`, { method: request.method!, headers, ...(body.length ? { body: new Uint8Array(body) } : {}) });
    const text = await answer.text();
    const path = new URL(request.url!, upstream).pathname;
    const parsed = text && answer.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text;
    const changed = rewrite({ method: request.method!, path, status: answer.status, body: parsed });
    const out = new Headers(answer.headers);
    out.delete('content-length');
    out.delete('transfer-encoding');
    response.writeHead(changed?.status ?? answer.status, Object.fromEntries(out));
    response.end(changed ? JSON.stringify(changed.body) : text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
