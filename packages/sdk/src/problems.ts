import type { Problem } from './generated/openapi.js';

/** A problem answer from the API (or a failure to get one), thrown by `login()` and `unwrap()`. */
export class PortalApiError extends Error {
  constructor(
    /** The HTTP status, or `0` when no answer came at all. */
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail);
    this.name = 'PortalApiError';
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).detail === 'string' && (value as Problem).detail !== '';
}

/**
 * The error of a failed call as a PortalApiError. The API always answers problem+json, but something in
 * between (a proxy whose API is down, a gateway's HTML page, an empty 502) may not: then the message says
 * what came back instead, so a page never shows an empty box or a page of HTML.
 */
export function toPortalApiError(error: unknown, response: Response): PortalApiError {
  if (isProblem(error)) return new PortalApiError(response.status, error);
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const what =
    error === undefined || error === null || error === ''
      ? 'an empty answer'
      : typeof error === 'string' && /^\s*</.test(error)
        ? 'a web page instead of an API answer'
        : 'an answer that is not an API problem';
  const detail =
    response.status >= 500
      ? `The portal API is not answering right now (${status}, ${what}). Please try again in a moment.`
      : `The portal API answered ${status} with ${what}.`;
  return new PortalApiError(response.status, { type: 'about:blank', title: response.statusText || 'Error', status: response.status, detail });
}

/** A call that got no answer at all (offline, DNS, the API's host down: fetch's TypeError) as a PortalApiError with status 0. */
function unreachable(cause: unknown): PortalApiError {
  const reason = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  const error = new PortalApiError(0, {
    type: 'about:blank',
    title: 'No answer',
    status: 0,
    detail: `Could not reach the portal API${reason}. Check your connection and try again.`,
  });
  return Object.assign(error, { cause });
}

type Result = { data?: unknown; error?: unknown; response: Response };
type DataOf<R extends Result> = Exclude<R['data'], undefined>;

/**
 * The data of a call, or a thrown PortalApiError whose message says what went wrong in words: the problem's
 * `detail`, or what came back instead of one, or that nothing came back.
 *
 * @example
 * const orders = await unwrap(portal.GET('/api/v1/customer/orders'));
 */
export async function unwrap<R extends Result>(pending: Promise<R>): Promise<DataOf<R>> {
  let result: R;
  try {
    result = await pending;
  } catch (cause) {
    // Only a network failure is a failure to reach the API: fetch rejects with a TypeError for those (in
    // browsers and in Node). Anything else a fetch throws (an abort, a custom fetch that found the answer
    // breaks the contract) is the caller's own error and goes through as it is, never as "could not reach".
    // By name, not instanceof: the TypeError may come from another realm (a test environment, an iframe).
    if ((cause as { name?: unknown } | null)?.name !== 'TypeError') throw cause;
    throw unreachable(cause);
  }
  if (result.error !== undefined || !result.response.ok) throw toPortalApiError(result.error, result.response);
  return result.data as DataOf<R>;
}
