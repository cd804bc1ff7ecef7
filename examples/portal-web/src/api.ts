import { createPortalClient, PortalApiError, totalCount, type Problem } from '@customer-portal/sdk';
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

/** What every SDK call resolves to: `data` on success, `error` (a problem) otherwise. */
type Result = { data?: unknown; error?: unknown; response: Response };
type DataOf<R extends Result> = Exclude<R['data'], undefined>;

/** The data of an SDK call, or a thrown `PortalApiError` whose message is the problem's `detail`. */
export async function unwrap<R extends Result>(pending: Promise<R>): Promise<DataOf<R>> {
  return dataOf(await pending);
}

/** Like `unwrap`, with the `X-Total-Count` of a list. */
export async function unwrapPage<R extends Result>(pending: Promise<R>): Promise<{ items: DataOf<R>; total: number }> {
  const result = await pending;
  return { items: dataOf(result), total: totalCount(result.response) };
}

function dataOf<R extends Result>({ data, error, response }: R): DataOf<R> {
  if (error !== undefined) throw new PortalApiError(response.status, asProblem(error, response));
  return data as DataOf<R>;
}

// The API always answers problem+json, but a proxy in between (reference server down) may not.
function asProblem(error: unknown, response: Response): Problem {
  if (typeof error === 'object' && error !== null && typeof (error as Problem).detail === 'string') return error as Problem;
  return {
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    detail: `The server answered ${response.status} ${response.statusText}`.trim() + '. Is the API running?',
  };
}
