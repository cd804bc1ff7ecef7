/**
 * Answers a GET that was already answered, while the data has not changed since, with the same bytes. A
 * signed-in customer's app asks for the same pages again and again (a dashboard on every visit, a list after
 * every back button), and a page only changes when the database does.
 *
 * It is a step around the operation in core's pipeline: the customer is signed in (the token verified, once)
 * and the request validated before it, so an expired or altered token or a bad query is answered as always.
 * A response is remembered whole (status, headers and JSON text) after the operation's answer was checked
 * against the contract, keyed by the signed-in customer and the URL. Only 200s are remembered, and only from
 * the second time a URL is asked: the first time only the key is noted, so that a stream of distinct URLs
 * (filters and pages that never repeat) does not keep a thousand pages alive for nothing.
 *
 * What "the data has not changed" means is the host's to say (see store/data-version.ts); with PostgreSQL
 * several processes write one database, and nothing is remembered. Why it is built this way:
 * docs/decisions/007-server-remembers-responses.md.
 */
import type { AroundOperationStep } from '@customer-portal/core';
import type { Context } from 'koa';
import type { DataVersion } from '../store/data-version.js';

interface RememberedResponse {
  status: number;
  headers: Record<string, string>;
  json: string;
}

/** Responses kept, and URLs noted; the oldest goes first. A page is a few kilobytes. */
const REMEMBERED_RESPONSES = 1000;

/**
 * The step that answers a signed-in customer's repeated GET from memory.
 *
 * @example
 * createPortal<Context>({ store, auth, steps: { aroundOperation: [rememberedResponses(sqliteDataVersion(db))] } });
 */
export function rememberedResponses(dataVersion: DataVersion, capacity = REMEMBERED_RESPONSES): AroundOperationStep<Context> {
  let responses = new Map<string, RememberedResponse>();
  let asked = new Set<string>();
  let filledAt = '';
  return async ({ operation, request, customer, next }) => {
    if (operation.method !== 'get' || !customer) return next();
    const version = dataVersion();
    if (version !== filledAt) {
      // New collections rather than clear(): V8 keeps a cleared Map's table for iterators that may still
      // walk it, and once that table is in the old generation the young collector keeps what it points to.
      responses = new Map();
      asked = new Set();
      filledAt = version;
    }
    const key = `${customer.id} ${request.host.url}`;
    const remembered = responses.get(key);
    if (remembered) return { status: remembered.status, headers: remembered.headers, body: undefined, json: remembered.json };
    // Kept in the collections of the version read before answering: a write that lands meanwhile moves the
    // version, the next request starts new ones, and this answer goes with the old ones.
    const [filling, noted] = [responses, asked];
    const response = await next();
    if (response.status !== 200) return response;
    // Serialised here once, and written as these bytes: the host does not serialise it again.
    const json = response.json ?? JSON.stringify(response.body);
    if (noted.has(key)) {
      if (filling.size >= capacity) filling.delete(filling.keys().next().value as string);
      filling.set(key, { status: response.status, headers: response.headers, json });
    } else {
      if (noted.size >= capacity) noted.delete(noted.values().next().value as string);
      noted.add(key);
    }
    return { ...response, json };
  };
}
