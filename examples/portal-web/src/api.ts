import { createPortalClient, totalCount, unwrap } from '@customer-portal/sdk';
import { session } from './session.ts';

export { unwrap };

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

type Result = { data?: unknown; error?: unknown; response: Response };
type DataOf<R extends Result> = Exclude<R['data'], undefined>;

/** Like the SDK's `unwrap`, with the `X-Total-Count` of a list. */
export async function unwrapPage<R extends Result>(pending: Promise<R>): Promise<{ items: DataOf<R>; total: number }> {
  const items = await unwrap(pending);
  return { items, total: totalCount((await pending).response) };
}
