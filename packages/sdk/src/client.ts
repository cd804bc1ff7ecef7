import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';
import { browserDeviceTokens, type DeviceTokenStore } from './device-tokens.js';
import { unwrap } from './problems.js';
import type { LoginRequest, TokenResponse } from './generated/openapi.js';

export interface PortalClientOptions {
  /** Where the API is, e.g. `http://localhost:3000` or `''` for the page's own origin. */
  baseUrl: string;
  /** A token to start with, for example one kept from an earlier session. */
  token?: string;
  /** Where to read the token for each request, instead of the one `login()` keeps. May be async. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Called with every 401 answer, for example to send the user back to the sign-in page. */
  onUnauthorized?: (response: Response) => void;
  /** A fetch to use instead of the global one (tests, custom agents). */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Where `login()` keeps each account's device token and reads it back for that account's next sign-in
   * (default: localStorage in a browser, memory in Node); see DeviceTokenStore.
   */
  deviceTokens?: DeviceTokenStore;
}

export interface PortalClient extends Client<paths> {
  /**
   * Signs in, keeps the token for later calls, and returns it. Sends the account's device token, when one is
   * kept, and keeps the one answered. Throws a PortalApiError, whose message says why, on failure.
   */
  login(credentials: LoginRequest): Promise<TokenResponse>;
  /** Forgets the kept token. */
  logout(): void;
  /** The kept token, if any. */
  readonly token: string | undefined;
}

/**
 * A typed client for the Customer Portal API, for browsers and Node.
 *
 * @example
 * const portal = createPortalClient({ baseUrl: 'http://localhost:3000' });
 * await portal.login({ email: 'ali.jawad@example.com', password: 'customer123' });
 * const { data, error } = await portal.GET('/api/v1/customer/orders', { params: { query: { status: 'shipped' } } });
 */
export function createPortalClient(options: PortalClientOptions): PortalClient {
  let kept = options.token;
  const client = createClient<paths>({ baseUrl: options.baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });

  const auth: Middleware = {
    async onRequest({ request }) {
      const token = options.getToken ? await options.getToken() : kept;
      if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401 && options.onUnauthorized) options.onUnauthorized(response);
      return undefined;
    },
  };
  client.use(auth);

  const deviceTokens = options.deviceTokens ?? browserDeviceTokens(options.baseUrl);
  async function login(credentials: LoginRequest): Promise<TokenResponse> {
    const account = credentials.email.toLowerCase();
    const device = credentials.device_token ?? deviceTokens.get(account) ?? undefined;
    const body = device === undefined ? credentials : { ...credentials, device_token: device };
    const data = await unwrap(client.POST('/auth/login', { body }));
    kept = data.access_token;
    if (data.device_token) deviceTokens.set(account, data.device_token);
    return data;
  }
  // defineProperties, not Object.assign: `token` must stay a live getter.
  return Object.defineProperties(client as PortalClient, {
    login: { value: login },
    logout: { value: () => void (kept = undefined) },
    token: { get: () => kept },
  });
}

/** The `X-Total-Count` of a list response: how many items match before paging. */
export function totalCount(response: Response): number {
  return Number(response.headers.get('X-Total-Count') ?? '0');
}
