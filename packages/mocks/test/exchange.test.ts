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

describe('decodableUrl', () => {
  it('leaves a URL that decodes alone, and makes an undecodable segment literal', () => {
    expect(decodableUrl('http://mock.portal.test/api/v1/customer/orders/ORD%20123')).toBeUndefined();
    expect(decodableUrl('http://mock.portal.test/api/v1/customer/orders/ORD%E0%A4%A?x=%')).toBe(
      'http://mock.portal.test/api/v1/customer/orders/ORD%25E0%25A4%25A?x=%',
    );
  });
});
