/**
 * Text exactly as sent or refused: no host may turn what a client wrote into U+FFFD and store it.
 *
 * Response checks: every response is checked as it is, each time (nothing is remembered between calls), and
 * formats are checked by their shape, which is what catches a host that writes a date the wrong way.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, createContractValidator, createMemoryStore, decodeBodyText, queryFromText, type Order } from '../src/index.js';

const validator = createContractValidator();

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('a request body', () => {
  it.each([
    ['a byte that never starts UTF-8', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]],
    ['a surrogate encoded as UTF-8 (CESU-8)', [0x22, 0xed, 0xa0, 0x80, 0x22]],
    ['a sequence cut short', [0x22, 0xe2, 0x82, 0x22]],
    ['Latin-1 text', [...Buffer.from('"café"', 'latin1')]],
  ])('that is not UTF-8 (%s) is a 400, not text with U+FFFD in it', (_name, bytes) => {
    const error = refusal(() => decodeBodyText(Uint8Array.from(bytes)));
    expect(error.status).toBe(400);
    expect(error.toProblem().detail).toMatch(/not valid UTF-8/);
  });

  it('in UTF-8 reads as written, characters beyond the BMP included', () => {
    expect(decodeBodyText(new TextEncoder().encode('{"message":"café 😀"}'))).toBe('{"message":"café 😀"}');
  });
});

describe('a JSON string holding a lone surrogate', () => {
  it.each([
    ['a high surrogate alone', 'a\ud800b'],
    ['a low surrogate alone', 'a\udc00b'],
    ['two high surrogates', '\ud800\ud800'],
    ['a pair written backwards', '\udc00\ud800'],
  ])('(%s) is a 422 naming the field', (_name, message) => {
    const error = refusal(() => validator.validateRequest('addTicketMessage', { path: { ticket_id: '1' }, query: {}, body: { content: message } }));
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([{ location: 'body.content', message: expect.stringMatching(/^Content must be text as written/) }]);
  });

  it('is a 422 naming the key, when a key holds it', () => {
    const error = refusal(() => validator.validateRequest('updateProfile', { path: {}, query: {}, body: { 'x\ud800': 1 } }));
    expect(error.errors?.[0]?.location).toBe('body.x\ud800');
  });

  it('is a 422 in a query value a host hands in', () => {
    const error = refusal(() => validator.validateRequest('listOrders', { path: {}, query: { search: 'a\ud800' }, body: undefined }));
    expect(error.errors).toEqual([{ location: 'query.search', message: expect.stringMatching(/^Search must be text as written/) }]);
  });

  it('is not what a well-formed pair is: an emoji passes', () => {
    expect(() => validator.validateRequest('listOrders', { path: {}, query: { search: '😀' }, body: undefined })).not.toThrow();
  });
});

describe('a raw query string', () => {
  it.each([
    ['search=%ED%A0%80', ['query.search']],
    ['search=%ff&status=all', ['query.search']],
    ['status=all&search=caf%E9', ['query.search']],
  ])('%s is a 422 naming each parameter that is not UTF-8', (query, locations) => {
    const error = refusal(() => validator.validateRequest('listOrders', { path: {}, query: queryFromText(query), body: undefined }));
    expect(error.status).toBe(422);
    expect(error.errors?.map((e) => e.location)).toEqual(locations);
  });

  it.each([
    ['search=caf%C3%A9', { search: 'café' }],
    ['search=%F0%9F%98%80', { search: '😀' }],
    ['search=100%', { search: '100%' }],
    ['search=50%25+off', { search: '50% off' }],
    ['search=%zz', { search: '%zz' }],
    ['status=a&status=b&empty=&flag', { status: ['a', 'b'], empty: '', flag: '' }],
    ['', {}],
  ])('%j is read as written', (query, want) => {
    expect(queryFromText(query)).toEqual(want);
  });
});

const headers = { 'Content-Type': 'application/json', 'X-Total-Count': '12' };

async function ordersOfAli(): Promise<Order[]> {
  return (await createMemoryStore().listOrders(1, { limit: 50, offset: 0 })).items;
}

describe('response checks', () => {
  it('check a page again after it changed, though the same page passed before', async () => {
    const orders = await ordersOfAli();
    expect(validator.checkResponse('listOrders', 200, headers, orders)).toEqual([]);
    (orders[0] as { total: unknown }).total = 'free';
    expect(validator.checkResponse('listOrders', 200, headers, orders)).toEqual([{ location: 'response.body.0.total', message: 'Total must be a number.' }]);
  });

  it('refuse a date-time that is not written as RFC 3339', async () => {
    const orders = await ordersOfAli();
    (orders[0] as { created_at: string }).created_at = '10/01/2024 10:00';
    const [error] = validator.checkResponse('listOrders', 200, headers, orders);
    expect(error?.location).toBe('response.body.0.created_at');
  });

  it('check the headers of every response', async () => {
    const orders = await ordersOfAli();
    expect(validator.checkResponse('listOrders', 200, { 'Content-Type': 'application/json' }, orders)).toEqual([
      { location: 'response.headers.X-Total-Count', message: 'The X-Total-Count header is required.' },
    ]);
  });

  it('check an error response against its status in each operation, though another passed with the same schema', () => {
    const notFound = { type: 'https://customer-portal.example.com/problems/not-found', title: 'Not found', status: 404, detail: 'There is no order ORD1.' };
    const problemHeaders = { 'Content-Type': 'application/problem+json' };
    expect(validator.checkResponse('getOrder', 404, problemHeaders, notFound)).toEqual([]);
    const { detail: _, ...withoutDetail } = notFound;
    expect(validator.checkResponse('getTicket', 404, problemHeaders, withoutDetail)).toEqual([{ location: 'response.body.detail', message: 'Detail is required.' }]);
    expect(validator.checkResponse('listOrders', 401, problemHeaders, { ...notFound, status: 401, title: 'Unauthorized' })).toEqual([
      { location: 'response.headers.WWW-Authenticate', message: 'The WWW-Authenticate header is required.' },
    ]);
  });

  it('check a value against the schema of the operation it answers', async () => {
    const orders = await ordersOfAli();
    expect(validator.checkResponse('getOrder', 200, headers, orders)).not.toEqual([]);
  });
});
