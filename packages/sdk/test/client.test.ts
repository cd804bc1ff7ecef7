/**
 * The client against an injected fetch: nothing is mocked, every request the client makes is recorded and
 * answered by a small table of canned responses.
 */
import { describe, expect, it } from 'vitest';
import { createPortalClient, PortalApiError, totalCount } from '../src/index.js';

const token = { access_token: 'abc.def.ghi', token_type: 'bearer', expires_in: 3600 };
const problem = (status: number, detail: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Error', status, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

function recordingFetch(answer: (request: Request) => Response = () => Response.json([])) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    return answer(request);
  };
  return { fetch, requests };
}

describe('createPortalClient', () => {
  it('sends no Authorization header before login', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createPortalClient({ baseUrl: 'http://api.test', fetch });
    await client.GET('/api/v1/customer/orders');
    expect(requests[0]?.headers.get('Authorization')).toBeNull();
  });

  it('keeps the token from login() and sends it on later calls', async () => {
    const { fetch, requests } = recordingFetch((r) => (r.url.endsWith('/auth/login') ? Response.json(token) : Response.json([])));
    const client = createPortalClient({ baseUrl: 'http://api.test', fetch });
    await expect(client.login({ email: 'ali.jawad@example.com', password: 'customer123' })).resolves.toEqual(token);
    expect(client.token).toBe('abc.def.ghi');
    await client.GET('/api/v1/customer/dashboard');
    expect(requests[0]?.method).toBe('POST');
    expect(await requests[0]?.json()).toEqual({ email: 'ali.jawad@example.com', password: 'customer123' });
    expect(requests[1]?.headers.get('Authorization')).toBe('Bearer abc.def.ghi');
  });

  it('forgets the token on logout()', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createPortalClient({ baseUrl: 'http://api.test', token: 'kept', fetch });
    client.logout();
    await client.GET('/api/v1/customer/orders');
    expect(client.token).toBeUndefined();
    expect(requests[0]?.headers.get('Authorization')).toBeNull();
  });

  it('reads the token from getToken() on every request, sync or async', async () => {
    const { fetch, requests } = recordingFetch();
    let current = 'first';
    const client = createPortalClient({ baseUrl: 'http://api.test', getToken: async () => current, fetch });
    await client.GET('/api/v1/customer/orders');
    current = 'second';
    await client.GET('/api/v1/customer/orders');
    expect(requests.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer first', 'Bearer second']);
  });

  it('throws a PortalApiError carrying the problem when login fails', async () => {
    const { fetch } = recordingFetch(() => problem(401, 'The email or password is incorrect.'));
    const client = createPortalClient({ baseUrl: 'http://api.test', fetch });
    const failure = await client.login({ email: 'x@example.com', password: 'nope' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PortalApiError);
    expect(failure).toMatchObject({ status: 401, message: 'The email or password is incorrect.' });
    expect(client.token).toBeUndefined();
  });

  it('calls onUnauthorized with every 401 and returns the problem as a typed error', async () => {
    const { fetch } = recordingFetch(() => problem(401, 'The token has expired.'));
    const seen: number[] = [];
    const client = createPortalClient({ baseUrl: 'http://api.test', token: 'old', fetch, onUnauthorized: (r) => seen.push(r.status) });
    const { data, error } = await client.GET('/api/v1/customer/profile');
    expect(data).toBeUndefined();
    expect(error?.detail).toBe('The token has expired.');
    expect(seen).toEqual([401]);
  });

  it('serialises path parameters and query values into the URL', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createPortalClient({ baseUrl: 'http://api.test/', fetch });
    await client.GET('/api/v1/customer/orders', { params: { query: { status: 'delivered', search: 'ORD1', limit: 5 } } });
    await client.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: 'ORD123' } } });
    expect(requests.map((r) => r.url)).toEqual([
      'http://api.test/api/v1/customer/orders?status=delivered&search=ORD1&limit=5',
      'http://api.test/api/v1/customer/orders/ORD123',
    ]);
  });
});

describe('totalCount', () => {
  it.each([
    ['a list header', '37', 37],
    ['no header', null, 0],
  ])('reads %s', (_name, header, want) => {
    const response = new Response('[]', header === null ? {} : { headers: { 'X-Total-Count': header } });
    expect(totalCount(response)).toBe(want);
  });
});
