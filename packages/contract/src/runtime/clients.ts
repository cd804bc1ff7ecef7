/**
 * SDK clients for the journeys, all on the checked fetch, so that every response is checked against the
 * contract. Signed-in clients are made once per test file and reused.
 */
import { createPortalClient, type PortalClient } from '@customer-portal/sdk';
import { ContractBreachError } from '../check/checked-fetch.js';
import { SignInBlockedError } from '../report/blocked.js';
import { session } from './session.js';

const signedIn = new Map<number, Promise<PortalClient>>();

/** A client with no token, or with the token given (which may be anything, to test the 401s). */
export function client(token?: string): PortalClient {
  const { target, fetch } = session();
  return createPortalClient({ baseUrl: target.baseUrl, fetch, ...(token === undefined ? {} : { token }) });
}

/**
 * A client signed in as the target's first customer (0) or its second (1), made once per file.
 *
 * @example
 * const ali = await customer(0);
 * const { data } = await ali.GET('/api/v1/customer/dashboard');
 */
export function customer(which: 0 | 1 = 0): Promise<PortalClient> {
  let pending = signedIn.get(which);
  if (!pending) {
    const account = session().target.accounts[which];
    const portal = client();
    pending = portal.login(account).then(
      () => portal,
      (error: unknown) => {
        // A sign-in that breaks the contract will break it again: every case that needs this customer is
        // blocked by that one cause, which the report names once, instead of failing on its own.
        if (error instanceof ContractBreachError) {
          const { method, path, status, breaches } = error.exchange;
          const [first, ...rest] = breaches;
          const more = rest.length > 0 ? ` and ${rest.length} more field${rest.length > 1 ? 's' : ''}` : '';
          throw new SignInBlockedError(
            `signing in as ${account.email} broke the contract: ${method} ${path} answered ${status} (${first!.location}: ${first!.message.replace(/\.$/, '')}${more})`,
          );
        }
        // Any other failure (the network, a slow host) must not stick: the next case gets its own error.
        signedIn.delete(which);
        throw error;
      },
    );
    signedIn.set(which, pending);
  }
  return pending;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: any;
}

export interface RawRequest {
  /** Sent as `Authorization: Bearer <token>` when given. */
  token?: string;
  /** The exact bytes to send, for bodies the SDK would never produce (malformed, oversized, not JSON). */
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * A request the SDK cannot make (a malformed body, an unknown route), still checked against the contract.
 *
 * @example
 * const { status } = await send('POST', '/auth/login', { body: '{"email":', contentType: 'application/json' });
 */
export async function send(method: string, path: string, request: RawRequest = {}): Promise<RawResponse> {
  const { target, fetch } = session();
  const headers = new Headers(request.headers);
  if (request.token !== undefined) headers.set('Authorization', `Bearer ${request.token}`);
  if (request.contentType !== undefined) headers.set('Content-Type', request.contentType);
  const response = await fetch(new Request(`${target.baseUrl}${path}`, { method, headers, ...(request.body === undefined ? {} : { body: request.body }) }));
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the text is the body.
  }
  return { status: response.status, headers: response.headers, body };
}
