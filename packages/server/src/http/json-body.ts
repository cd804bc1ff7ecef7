/**
 * A response body as JSON. Bodies the store's read cache hands out are deeply frozen and shared between
 * requests, so their JSON is worked out once per database change rather than once per request.
 */
import { isDeeplyFrozen } from '@customer-portal/core';

// The JSON of deeply frozen values written out: a WeakMap, so an entry goes with its value.
const jsonOfFrozen = new WeakMap<object, string>();

/**
 * `JSON.stringify(value)`, worked out once for a value that is frozen all the way down, as the read cache
 * hands them out (a page of orders that a customer reloads is serialised once per database change, not
 * once per request).
 *
 * @example
 * ctx.body = toJson(response.body);
 */
export function toJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let json = jsonOfFrozen.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    if (isDeeplyFrozen(value)) jsonOfFrozen.set(value, json);
  }
  return json;
}
