/**
 * Answers a GET that was already answered, while the data has not changed since, with the same bytes. A
 * signed-in customer's app asks for the same pages again and again (a dashboard on every visit, a list after
 * every back button), and a page only changes when the database does.
 *
 * A response is remembered whole (status, headers and JSON text) after the portal built it and checked it
 * against the contract; nothing before this module knows it exists. It is keyed by the customer that the
 * token names and the URL, and the token is verified on every request, so an expired or altered token goes
 * on to the portal and gets its 401 there. Only 200s are remembered, and only from the second time a URL
 * is asked: the first time only the key is noted, so that a stream of distinct URLs (filters and pages that
 * never repeat) does not keep a thousand pages alive for nothing.
 *
 * What "the data has not changed" means is the store's to say (see store/data-version.ts): on SQLite one
 * version for the file, on PostgreSQL a version per customer read in the customer's round trip, so that a
 * write acknowledged by any process is seen by the next read on every process. Why it is built this way:
 * docs/decisions/007-server-remembers-responses.md.
 */
import { bearerToken, type HostAuth, type PortalResponse } from '@customer-portal/core';
import type { Context, Middleware } from 'koa';
import type { DataVersion } from '../store/data-version.js';
import { writeJson, writeResponse } from './write-response.js';

interface RememberedResponse {
  /** The data version read before the answer was worked out. */
  version: string;
  status: number;
  headers: Record<string, string>;
  json: string;
}

/** Responses kept, and URLs noted; the oldest goes first. A page is a few kilobytes. */
const REMEMBERED_RESPONSES = 1000;

export interface RememberedResponses {
  /** A GET route that answers with `answer`, behind the memory: a repeat is answered from it. */
  around(answer: (ctx: Context) => Promise<PortalResponse>): Middleware;
}

/**
 * @example
 * const remembered = createRememberedResponses(sqliteDataVersion(db), auth);
 * router.get('/api/v1/customer/orders', remembered.around((ctx) => portal.handle(requestOf(ctx))));
 */
export function createRememberedResponses(dataVersion: DataVersion, auth: HostAuth, capacity = REMEMBERED_RESPONSES): RememberedResponses {
  const responses = new Map<string, RememberedResponse>();
  const asked = new Set<string>();
  return {
    around: (answer) => async (ctx) => {
      const token = bearerToken(ctx.get('Authorization'));
      const customerId = token === undefined ? undefined : await auth.verifyToken(token);
      if (customerId === undefined) return void writeResponse(ctx, await answer(ctx));
      const key = `${customerId} ${ctx.url}`;
      const remembered = responses.get(key);
      if (!remembered && !asked.has(key)) {
        // The first time: only the URL is noted, and no version is needed (on PostgreSQL, no read).
        const response = await answer(ctx);
        writeResponse(ctx, response);
        if (response.status !== 200) return;
        if (asked.size >= capacity) asked.delete(asked.values().next().value as string);
        asked.add(key);
        return;
      }
      const version = await dataVersion(customerId);
      if (version === undefined) return void writeResponse(ctx, await answer(ctx));
      if (remembered?.version === version) return void writeJson(ctx, remembered.status, remembered.headers, remembered.json);
      // Kept under the version read before answering: a write that lands meanwhile moves the version, and
      // the next request works its answer out again.
      const response = await answer(ctx);
      const json = writeResponse(ctx, response);
      if (response.status !== 200) return;
      responses.delete(key);
      if (responses.size >= capacity) responses.delete(responses.keys().next().value as string);
      responses.set(key, { version, status: response.status, headers: response.headers, json });
    },
  };
}
