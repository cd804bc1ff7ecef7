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
 * What "the data has not changed" means is the store's to say (see store/data-version.ts): on SQLite one
 * version for the file, on PostgreSQL a version per customer read in the customer's round trip, so that a
 * write acknowledged by any process is seen by the next read on every process. Why it is built this way:
 * docs/decisions/007-server-remembers-responses.md.
 */
import type { AroundOperationStep } from '@customer-portal/core';
import type { Context } from 'koa';
import type { DataVersion } from '../store/data-version.js';

interface RememberedResponse {
  /** The data version read before the answer was worked out. */
  version: string;
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
  const responses = new Map<string, RememberedResponse>();
  const asked = new Set<string>();
  return async ({ operation, request, customer, next }) => {
    if (operation.method !== 'get' || !customer) return next();
    const key = `${customer.id} ${request.host.url}`;
    const remembered = responses.get(key);
    if (!remembered && !asked.has(key)) {
      // The first time: only the URL is noted, and no version is needed (on PostgreSQL, no read).
      const response = await next();
      if (response.status !== 200) return response;
      if (asked.size >= capacity) asked.delete(asked.values().next().value as string);
      asked.add(key);
      return response;
    }
    const version = await dataVersion(customer.id);
    if (version === undefined) return next();
    if (remembered?.version === version) return { status: remembered.status, headers: remembered.headers, body: undefined, json: remembered.json };
    // Kept under the version read before answering: a write that lands meanwhile moves the version, and the
    // next request works its answer out again.
    const response = await next();
    if (response.status !== 200) return response;
    // Serialised here once, and written as these bytes: the host does not serialise it again.
    const json = response.json ?? JSON.stringify(response.body);
    responses.delete(key);
    if (responses.size >= capacity) responses.delete(responses.keys().next().value as string);
    responses.set(key, { version, status: response.status, headers: response.headers, json });
    return { ...response, json };
  };
}
