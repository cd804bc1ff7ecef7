import { describe, expect, it } from 'vitest';
import { queryOf, readRequest } from '../src/exchange.js';
import { decodableUrl } from '../src/malformed-url.js';

describe('queryOf', () => {
  it.each([
    ['no query', '', {}],
    ['single keys as strings', '?status=shipped&limit=5', { status: 'shipped', limit: '5' }],
    ['a repeated key as a list, in order', '?status=a&x=1&status=b&status=c', { status: ['a', 'b', 'c'], x: '1' }],
    ['encoded values decoded', '?search=ORD%2012&empty=', { search: 'ORD 12', empty: '' }],
  ])('reads %s', (_name, search, want) => {
    expect(queryOf(new URL(`http://mock.portal.test/api${search}`))).toEqual(want);
  });
});

describe('readRequest', () => {
  it('hands core the path, query, parsed body and Authorization header', async () => {
    const request = new Request('http://mock.portal.test/api/v1/customer/tickets/TKT456/messages?x=1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Bearer mock.1.ab' },
      body: '{"content":"Hi"}',
    });
    expect(await readRequest(request, { ticket_id: 'TKT456' })).toEqual({
      path: { ticket_id: 'TKT456' },
      query: { x: '1' },
      body: { content: 'Hi' },
      authorization: 'Bearer mock.1.ab',
    });
  });

  it('reads no body as undefined and refuses a body that is not JSON with a 415', async () => {
    const get = new Request('http://mock.portal.test/api/v1/customer/dashboard');
    expect((await readRequest(get, {})).body).toBeUndefined();
    const form = new Request('http://mock.portal.test/auth/login', { method: 'POST', body: new URLSearchParams({ email: 'a' }) });
    await expect(readRequest(form, {})).rejects.toMatchObject({ status: 415 });
  });
});

describe('text exactly as sent or refused', () => {
  const messages = 'http://mock.portal.test/api/v1/customer/tickets/TKT456/messages';

  it.each([
    ['a Latin-1 é', Uint8Array.from([...new TextEncoder().encode('{"content":"caf'), 0xe9, 0x22, 0x7d])],
    ['a surrogate encoded as bytes', Uint8Array.from([...new TextEncoder().encode('{"content":"'), 0xed, 0xa0, 0x80, 0x22, 0x7d])],
  ])('refuses a body that is not UTF-8 (%s) with a 400, as the server does', async (_name, bytes) => {
    const request = new Request(messages, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: bytes });
    await expect(readRequest(request, { ticket_id: 'TKT456' })).rejects.toMatchObject({ status: 400, detail: expect.stringMatching(/not valid UTF-8/) });
  });

  it('refuses a query parameter that is not UTF-8 with a 422 naming it', async () => {
    const request = new Request('http://mock.portal.test/api/v1/customer/orders?search=%ED%A0%80');
    await expect(readRequest(request, {})).rejects.toMatchObject({ status: 422, errors: [{ location: 'query.search', message: expect.any(String) }] });
  });

  it('reads UTF-8 as written, characters beyond the BMP included', async () => {
    const request = new Request(`${messages}?search=caf%C3%A9`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"content":"café 😀"}' });
    expect(await readRequest(request, { ticket_id: 'TKT456' })).toMatchObject({ query: { search: 'café' }, body: { content: 'café 😀' } });
  });
});

describe('decodableUrl', () => {
  it('leaves a URL that decodes alone, and makes an undecodable segment literal', () => {
    expect(decodableUrl('http://mock.portal.test/api/v1/customer/orders/ORD%20123')).toBeUndefined();
    expect(decodableUrl('http://mock.portal.test/api/v1/customer/orders/ORD%E0%A4%A?x=%')).toBe(
      'http://mock.portal.test/api/v1/customer/orders/ORD%25E0%25A4%25A?x=%',
    );
  });
});
