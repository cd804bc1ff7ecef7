import { describe, expect, it } from 'vitest';
import { pathBelow, portalRequestOf, queryOf } from '../../src/create-handlers.js';

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

describe('portalRequestOf', () => {
  function read(request: Request) {
    const url = new URL(request.url);
    return portalRequestOf(request, url, url.pathname, request);
  }

  it('hands core the method, path as sent, query, Authorization header and a body reader', async () => {
    const request = new Request('http://mock.portal.test/api/v1/customer/tickets/TKT456/messages?x=1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Bearer mock.1.ab' },
      body: '{"content":"Hi"}',
    });
    const parts = read(request);
    expect(parts).toMatchObject({ method: 'POST', path: '/api/v1/customer/tickets/TKT456/messages', query: { x: '1' }, authorization: 'Bearer mock.1.ab' });
    expect(await parts.readBody!()).toEqual({ content: 'Hi' });
  });

  it('reads no body as undefined and refuses a body that is not JSON with a 415', async () => {
    expect(await read(new Request('http://mock.portal.test/api/v1/customer/dashboard')).readBody!()).toBeUndefined();
    const form = new Request('http://mock.portal.test/auth/login', { method: 'POST', body: new URLSearchParams({ email: 'a' }) });
    await expect(read(form).readBody!()).rejects.toMatchObject({ status: 415 });
  });
});

describe('text exactly as sent or refused', () => {
  const messages = 'http://mock.portal.test/api/v1/customer/tickets/TKT456/messages';
  const read = (request: Request) => portalRequestOf(request, new URL(request.url), new URL(request.url).pathname, request);

  it.each([
    ['a Latin-1 é', Uint8Array.from([...new TextEncoder().encode('{"content":"caf'), 0xe9, 0x22, 0x7d])],
    ['a surrogate encoded as bytes', Uint8Array.from([...new TextEncoder().encode('{"content":"'), 0xed, 0xa0, 0x80, 0x22, 0x7d])],
  ])('refuses a body that is not UTF-8 (%s) with a 400, as the server does', async (_name, bytes) => {
    const request = new Request(messages, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: bytes });
    await expect(read(request).readBody!()).rejects.toMatchObject({ status: 400, detail: expect.stringMatching(/not valid UTF-8/) });
  });

  it('hands core a query parameter that is not UTF-8 as a lone surrogate, which its validation refuses by name', () => {
    expect(queryOf(new URL('http://mock.portal.test/api/v1/customer/orders?search=%ED%A0%80&status=all'))).toEqual({ search: '\ud800', status: 'all' });
  });

  it('reads UTF-8 as written, characters beyond the BMP included', async () => {
    const request = new Request(`${messages}?search=caf%C3%A9`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"content":"café 😀"}' });
    const parts = read(request);
    expect(parts.query).toEqual({ search: 'café' });
    expect(await parts.readBody!()).toEqual({ content: 'café 😀' });
  });
});

describe('pathBelow', () => {
  it.each([
    ['any origin', '', 'http://localhost:5173/auth/login', '/auth/login'],
    ['its origin', 'http://mock.portal.test', 'http://mock.portal.test/auth/login', '/auth/login'],
    ['its origin, with a trailing slash', 'http://mock.portal.test/', 'http://mock.portal.test/auth/login', '/auth/login'],
    ['its path prefix', 'https://example.com/portal', 'https://example.com/portal/api/v1/customer/orders', '/api/v1/customer/orders'],
    ['another origin', 'http://mock.portal.test', 'http://other.test/auth/login', undefined],
    ['outside its path prefix', 'https://example.com/portal', 'https://example.com/portals/auth/login', undefined],
  ])('reads a URL under %s', (_name, baseUrl, url, want) => {
    expect(pathBelow(baseUrl)(new URL(url))).toBe(want);
  });
});
