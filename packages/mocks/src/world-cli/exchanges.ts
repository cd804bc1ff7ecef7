/**
 * What a recording keeps: each account's answers to the read operations, as the backend gave them. `record`
 * collects them over HTTP and `from-har` from a HAR file; both turn them into a world the same way
 * (build-world.ts), and the recorded world is checked to give the same answers (replay.ts).
 */

/** One GET and its answer. */
export interface Exchange {
  /** Path and query, as sent: `/api/v1/customer/orders?limit=100&offset=0`. */
  path: string;
  status: number;
  /** X-Total-Count, when the answer had one. */
  total: string | null;
  body: unknown;
}

export interface AccountRecording {
  /** How the account signed in, when that was seen (a HAR may hold no sign-in). */
  email: string | undefined;
  password: string | undefined;
  exchanges: Exchange[];
}

export const API = '/api/v1/customer';

/** The operation a GET path reads, and the id in it. */
export function readOf(path: string): { read: string; id?: string; query: URLSearchParams } {
  const url = new URL(path, 'http://recorded.invalid');
  const rest = url.pathname.startsWith(API) ? url.pathname.slice(API.length) : url.pathname;
  const query = url.searchParams;
  const match =
    /^\/orders\/track\/([^/]+)$/.exec(rest) ? { read: 'tracking', id: decodeURIComponent(/^\/orders\/track\/([^/]+)$/.exec(rest)![1]!) }
    : /^\/orders\/([^/]+)$/.exec(rest) ? { read: 'order', id: decodeURIComponent(/^\/orders\/([^/]+)$/.exec(rest)![1]!) }
    : /^\/tickets\/([^/]+)$/.exec(rest) ? { read: 'ticket', id: decodeURIComponent(/^\/tickets\/([^/]+)$/.exec(rest)![1]!) }
    : { read: rest.replace(/^\//, '') };
  return { ...match, query };
}

/** A list read with no filter: its X-Total-Count is the size of the whole list. */
export function unfiltered(query: URLSearchParams): boolean {
  return !['status', 'search', 'unread_only'].some((key) => query.has(key) && query.get(key) !== 'all' && query.get(key) !== 'false' && query.get(key) !== '');
}
