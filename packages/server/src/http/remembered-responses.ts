/**
 * Answers a GET that was already answered, while the data has not changed since, with the same bytes. A
 * signed-in customer's app asks for the same pages again and again (a dashboard on every visit, a list after
 * every back button), and a page only changes when the database does.
 *
 * A response is remembered whole (status, headers and JSON text) after it was built, checked against the
 * contract and written once; nothing before this module knows it exists. It is keyed by the customer that
 * the token names and the URL, and the token is verified on every request, so an expired or altered token
 * falls through to the portal and gets its 401 there. Only 200s are remembered.
 *
 * What "the data has not changed" means is the host's to say (see `sqliteDataVersion`); with PostgreSQL
 * several processes write one database, and nothing is remembered. Why it is built this way, and what it
 * measured: docs/decisions/007-server-remembers-responses.md.
 */
import { bearerToken, type HostAuth } from '@customer-portal/core';
import type { Database } from 'better-sqlite3';
import type { Context, Middleware } from 'koa';

/** A value that differs whenever the data may have changed. */
export type DataVersion = () => string;

interface RememberedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Responses kept; the oldest goes first. A page is a few kilobytes, so this stays within a few megabytes. */
export const REMEMBERED_RESPONSES = 1000;

export interface RememberedResponses {
  /** `answer` (a GET route's handler) behind the memory: a repeat is answered from it, a 200 remembered. */
  around(answer: Middleware): Middleware;
}

/**
 * @example
 * const remembered = createRememberedResponses(sqliteDataVersion(db), auth);
 * router.get('/api/v1/customer/orders', remembered.around(listOrders));
 */
export function createRememberedResponses(dataVersion: DataVersion, auth: HostAuth, capacity = REMEMBERED_RESPONSES): RememberedResponses {
  let responses = new Map<string, RememberedResponse>();
  let filledAt = '';
  return {
    around: (answer) => async (ctx, next) => {
      const token = bearerToken(ctx.get('Authorization'));
      const customerId = token === undefined ? undefined : await auth.verifyToken(token);
      if (customerId === undefined) return answer(ctx, next);
      const version = dataVersion();
      if (version !== filledAt) {
        // A new Map rather than clear(): V8 keeps a cleared Map's table for iterators that may still walk it,
        // and once that table is in the old generation the young collector keeps what it points to alive.
        responses = new Map();
        filledAt = version;
      }
      const key = `${customerId} ${ctx.url}`;
      const remembered = responses.get(key);
      if (remembered) return replay(ctx, remembered);
      // Kept in the Map of the version read before answering: a write that lands meanwhile moves the version,
      // the next request starts a new Map, and this answer goes with the old one instead of being served.
      const filling = responses;
      const headersBefore = new Set(Object.keys(ctx.response.headers));
      await answer(ctx, next);
      if (ctx.status === 200 && typeof ctx.body === 'string') {
        if (filling.size >= capacity) filling.delete(filling.keys().next().value as string);
        filling.set(key, { status: 200, headers: headersSetBy(ctx, headersBefore), body: ctx.body });
      }
    },
  };
}

function replay(ctx: Context, { status, headers, body }: RememberedResponse): void {
  ctx.status = status;
  ctx.set(headers);
  ctx.body = body;
}

/** The headers the answer set (Content-Type, X-Total-Count...), not those the middlewares before it had set. */
function headersSetBy(ctx: Context, before: Set<string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.response.headers)) {
    if (!before.has(name) && name !== 'content-length') headers[name] = String(value);
  }
  return headers;
}

/**
 * The version of a SQLite database's data, as seen by this connection. Two counters tell:
 *
 * - `total_changes()` moves with every row this connection inserts, updates or deletes. It takes no lock and
 *   costs well under a microsecond, so it is asked on every request.
 * - `data_version` moves when another connection commits (another process: `db:reset`, a second worker, a
 *   script). Asking it opens a read transaction (file locks and a stat of the WAL file), so it is asked once
 *   per turn of the event loop. Every request served in that turn reached the server before that moment, so
 *   each is answered with the database as it stood while the request was waiting.
 *
 * @example
 * const dataVersion = sqliteDataVersion(db);
 * dataVersion(); // '12 3'
 */
export function sqliteDataVersion(db: Database): DataVersion {
  const changesOf = db.prepare('SELECT total_changes()').pluck();
  const versionOf = db.prepare('PRAGMA data_version').pluck();
  let version: number | undefined;
  const endOfTurn = () => (version = undefined);
  return () => {
    if (version === undefined) {
      version = versionOf.get() as number;
      setImmediate(endOfTurn);
    }
    return `${changesOf.get() as number} ${version}`;
  };
}
