import { createPortalClient, PortalApiError, toPortalApiError, totalCount, unwrap, type paths } from '@customer-portal/sdk';
import { QueryClient } from '@tanstack/react-query';
import createQueryHooks from 'openapi-react-query';
import { session } from './session.ts';

/**
 * The app's one API client. Same origin: in mock mode MSW's worker answers, in server mode Vite's proxy
 * forwards `/api` and `/auth` to the reference server, so the app never knows which.
 */
export const portal = createPortalClient({
  baseUrl: window.location.origin,
  getToken: () => session.token(),
  // An expired or unknown token: back to the sign-in page rather than a page of errors.
  onUnauthorized: () => session.signOut(),
});

// Every failure a page shows is a problem with a `detail` in the SDK's words. The API always answers
// problem+json, but something in between may not (a proxy's empty 502, a gateway's HTML page), and
// openapi-react-query would take an empty error body for success; no answer at all becomes the SDK's error.
portal.use({
  async onResponse({ response }) {
    if (response.ok) return undefined;
    const text = await response.clone().text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the SDK says what came back instead
    }
    const { problem } = toPortalApiError(body, response);
    if (problem === body) return undefined;
    return Response.json(problem, {
      status: response.status,
      statusText: response.statusText,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  },
  async onError({ error }) {
    // `unwrap` turns a request that got no answer (fetch's TypeError) into the SDK's PortalApiError, "Could not
    // reach the portal API…"; anything else (an abort) goes on as it was.
    return unwrap(Promise.reject(error)).catch((failure: unknown) => (failure instanceof PortalApiError ? failure : undefined));
  },
});

/**
 * Typed TanStack Query hooks over the client: `$api.useQuery('get', path, init)` and
 * `$api.useMutation('put', path, options)`. A query's key is `['get', path, init]`, so every query of a path
 * shares the prefix `['get', path]` that {@link invalidate} refreshes after a write.
 */
export const $api = createQueryHooks(portal);

/** The app's query cache. Not retried: the page says what went wrong in words and offers "Try again". */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** Marks every query of these paths stale after a write, and refetches those on screen. */
export function invalidate(queryClient: QueryClient, ...paths: (keyof paths)[]): Promise<unknown> {
  return Promise.all(paths.map((path) => queryClient.invalidateQueries({ queryKey: ['get', path] })));
}

/**
 * A list's page with its `X-Total-Count`, or the API's problem thrown as openapi-react-query throws it. For
 * the lists, whose pages need the header as well as the body.
 */
export async function withTotal<Data>(pending: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<{ items: Data; total: number }> {
  const { data, error, response } = await pending;
  if (error !== undefined || data === undefined) throw error;
  return { items: data, total: totalCount(response) };
}
