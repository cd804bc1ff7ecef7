/**
 * Text exactly as sent or refused: a body that is not UTF-8 is a 400, and a lone surrogate (in JSON or as
 * bytes in the query) is a 422 naming the field; neither is stored or searched for as U+FFFD.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startSignedIn, type Reply, type TestServer } from '../support/test-server.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  ({ server, token } = await startSignedIn());
});
afterAll(() => server.stop());

const ticket = '/api/v1/customer/tickets/TKT456';
const messages = `${ticket}/messages`;

async function sendBytes(path: string, bytes: Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: new Uint8Array(bytes),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
}

async function messageCount(): Promise<number> {
  const reply = await server.call(ticket, { token });
  return (reply.body.messages as unknown[]).length;
}

describe('a body that is not UTF-8', () => {
  it.each([
    ['a Latin-1 é', Buffer.concat([Buffer.from('{"content":"caf'), Buffer.from([0xe9]), Buffer.from('"}')])],
    ['a surrogate encoded as bytes (CESU-8)', Buffer.concat([Buffer.from('{"content":"a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('b"}')])],
    ['a byte 0xFF', Buffer.concat([Buffer.from('{"content":"'), Buffer.from([0xff]), Buffer.from('"}')])],
  ])('(%s) is a 400 and nothing is stored', async (_name, bytes) => {
    const before = await messageCount();
    expectProblem(await sendBytes(messages, bytes), 400, /not valid UTF-8/);
    expectProblem(await sendBytes(messages, gzipSync(bytes), { 'Content-Encoding': 'gzip' }), 400, /not valid UTF-8/);
    expect(await messageCount()).toBe(before);
  });

  it('in UTF-8 is stored as written, characters beyond the BMP included', async () => {
    const reply = await sendBytes(messages, Buffer.from(JSON.stringify({ content: 'café 😀 ✓' })));
    expect(reply.status).toBe(201);
    const stored = await server.call(ticket, { token });
    expect(stored.body.messages.at(-1).content).toBe('café 😀 ✓');
  });
});

describe('a JSON string holding a lone surrogate', () => {
  it('is a 422 naming the field, and nothing is stored', async () => {
    const before = await messageCount();
    // JSON.stringify writes the lone surrogate as the escape \ud800, as a client's JSON would.
    const reply = await server.call(messages, { token, json: { content: 'a\ud800b' } });
    expectProblem(reply, 422);
    expect(reply.body.errors).toEqual([{ location: 'body.content', message: expect.stringMatching(/^Content must be text as written/) }]);
    expect(await messageCount()).toBe(before);
  });

  it('in a new ticket names each field that holds one', async () => {
    const reply = await server.call('/api/v1/customer/tickets', {
      token,
      json: { subject: '\udc00 refund', description: 'fine text' },
    });
    expectProblem(reply, 422);
    expect(reply.body.errors.map((e: { location: string }) => e.location)).toContain('body.subject');
  });
});

describe('a query string whose percent-encoding is not UTF-8', () => {
  it.each([
    ['a surrogate as bytes', 'search=%ED%A0%80'],
    ['a Latin-1 é', 'search=caf%E9'],
  ])('(%s) is a 422 naming the parameter, not a search for U+FFFD', async (_name, query) => {
    const reply = await server.call(`/api/v1/customer/orders?${query}`, { token });
    expectProblem(reply, 422);
    expect(reply.body.errors).toEqual([{ location: 'query.search', message: expect.stringMatching(/^Search must be text as written/) }]);
  });

  it('in UTF-8 is searched for as written', async () => {
    const reply = await server.call(`/api/v1/customer/orders?search=${encodeURIComponent('café')}`, { token });
    expect(reply.status).toBe(200);
  });
});
