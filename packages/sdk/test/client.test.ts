/**
 * The client against an injected fetch: nothing is mocked, every request the client makes is recorded and
 * answered by a small table of canned responses.
 */
import { describe, expect, it } from 'vitest';
import { browserDeviceTokens, createPortalClient, memoryDeviceTokens, PortalApiError, totalCount, unwrap } from '../src/index.js';

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

describe('an answer that is not a problem becomes a PortalApiError that says what happened', () => {
  const signIn = (answer: () => Response | Promise<Response>) =>
    createPortalClient({ baseUrl: 'http://api.test', fetch: async () => answer() })
      .login({ email: 'ali.jawad@example.com', password: 'customer123' })
      .then(
        () => {
          throw new Error('expected the sign-in to fail');
        },
        (e: unknown) => e as PortalApiError,
      );

  it('an empty 502 from a proxy whose API is down', async () => {
    const failure = await signIn(() => new Response(null, { status: 502, statusText: 'Bad Gateway' }));
    expect(failure).toBeInstanceOf(PortalApiError);
    expect(failure.status).toBe(502);
    expect(failure.message).toBe('The portal API is not answering right now (502 Bad Gateway, an empty answer). Please try again in a moment.');
    expect(failure.problem).toMatchObject({ status: 502, detail: failure.message });
  });

  it('an HTML error page where a problem belongs', async () => {
    const html = '<!doctype html><html><body><h1>503 Service Unavailable</h1></body></html>';
    const failure = await signIn(() => new Response(html, { status: 503, headers: { 'Content-Type': 'text/html' } }));
    expect(failure.message).toBe('The portal API is not answering right now (503, a web page instead of an API answer). Please try again in a moment.');
    expect(failure.problem.detail).not.toContain('<');
  });

  it('JSON that is not a problem, on a 4xx', async () => {
    const failure = await signIn(() => Response.json({ message: 'nope' }, { status: 400, statusText: 'Bad Request' }));
    expect(failure.message).toBe('The portal API answered 400 Bad Request with an answer that is not an API problem.');
  });

  it('no answer at all (a network failure) is status 0 with the reason', async () => {
    const failure = await signIn(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(failure).toBeInstanceOf(PortalApiError);
    expect(failure.status).toBe(0);
    expect(failure.message).toBe('Could not reach the portal API (Failed to fetch). Check your connection and try again.');
  });

  it('unwrap() returns the data of a success and throws the problem of a failure', async () => {
    const client = createPortalClient({
      baseUrl: 'http://api.test',
      fetch: async (r) => (r.url.endsWith('/ORD1') ? Response.json({ id: 'ORD1' }) : problem(404, 'Order ORD2 was not found.')),
    });
    await expect(unwrap(client.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: 'ORD1' } } }))).resolves.toEqual({ id: 'ORD1' });
    await expect(unwrap(client.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: 'ORD2' } } }))).rejects.toMatchObject({
      status: 404,
      message: 'Order ORD2 was not found.',
    });
  });

  it('an error thrown by a custom fetch (a checked answer that breaks the contract) goes through as it is, not as "could not reach"', async () => {
    class ContractBreachError extends Error {
      override name = 'ContractBreachError';
    }
    const breach = new ContractBreachError('POST /auth/login (login) answered 200, breaking the contract');
    const failure: unknown = await signIn(() => Promise.reject(breach));
    expect(failure).toBe(breach);
    expect((failure as Error).message).not.toMatch(/reach|connection/i);
  });

  it('unwrap() lets an abort through as an abort, not as a failure to reach the API', async () => {
    const client = createPortalClient({ baseUrl: 'http://api.test', fetch: async () => Promise.reject(new DOMException('stopped', 'AbortError')) });
    await expect(unwrap(client.GET('/api/v1/customer/profile'))).rejects.toMatchObject({ name: 'AbortError' });
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

describe('device tokens', () => {
  const signedIn = (deviceToken: string) => ({ ...token, device_token: deviceToken });
  const ali = { email: 'Ali.Jawad@example.com', password: 'customer123' };

  it("keeps the device token a sign-in answers, and sends it with the account's next sign-in", async () => {
    let issued = 0;
    const { fetch, requests } = recordingFetch(() => Response.json(signedIn(`device-${++issued}`)));
    const client = createPortalClient({ baseUrl: 'http://api.test', fetch, deviceTokens: memoryDeviceTokens() });
    await client.login(ali);
    client.logout();
    await client.login({ email: 'ali.jawad@example.com', password: 'customer123' });
    expect(await requests[0]?.json()).toEqual({ email: 'Ali.Jawad@example.com', password: 'customer123' });
    expect(await requests[1]?.json()).toEqual({ email: 'ali.jawad@example.com', password: 'customer123', device_token: 'device-1' });
  });

  it("does not send one account's device token with another's sign-in", async () => {
    const { fetch, requests } = recordingFetch(() => Response.json(signedIn('for-ali')));
    const client = createPortalClient({ baseUrl: 'http://api.test', fetch, deviceTokens: memoryDeviceTokens() });
    await client.login(ali);
    await client.login({ email: 'sara.khan@example.com', password: 'customer456' }).catch(() => undefined);
    expect(await requests[1]?.json()).not.toHaveProperty('device_token');
  });

  it('keeps them in memory in Node, by default', async () => {
    const { fetch, requests } = recordingFetch(() => Response.json(signedIn('kept-in-memory')));
    const client = createPortalClient({ baseUrl: 'http://api.test', fetch });
    await client.login(ali);
    await client.login(ali);
    expect(await requests[1]?.json()).toMatchObject({ device_token: 'kept-in-memory' });
  });

  it('keeps them in localStorage in a browser, per API and account, so that they outlive the tab', () => {
    const entries = new Map<string, string>();
    const localStorage = { getItem: (key: string) => entries.get(key) ?? null, setItem: (key: string, value: string) => void entries.set(key, value) };
    (globalThis as { localStorage?: unknown }).localStorage = localStorage;
    try {
      browserDeviceTokens('https://api.example.com').set('ali.jawad@example.com', 'stored');
      expect(browserDeviceTokens('https://api.example.com').get('ali.jawad@example.com')).toBe('stored');
      expect(browserDeviceTokens('https://other.example.com').get('ali.jawad@example.com')).toBeNull();
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
