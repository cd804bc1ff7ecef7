/** Reading a JSON request body the same way in every host. */
import { bodyTooDeep, malformedJson, payloadTooLarge, unsupportedMediaType } from './errors.js';

/** Bodies larger than this are a 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * Bodies nested deeper than this (objects and arrays inside each other) are a 400. The contract's deepest
 * body is three levels; the bound keeps every recursive step after parsing (cloning, validation, logging)
 * far from the stack's limit, whatever a client sends (issue 16: 3,500 levels overflowed structuredClone).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether a parsed JSON value nests objects and arrays more than `limit` levels deep. Walks with its own
 * stack rather than recursion, so the check itself cannot overflow.
 *
 * @example
 * isNestedDeeperThan([[[]]], 2); // true
 */
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
  }
  return false;
}

function isJsonContentType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * The parsed body, or undefined when there is none. A body that is not JSON is a 415, one over the limit a
 * 413, and one that does not parse or nests deeper than MAX_JSON_DEPTH a 400.
 */
export function parseJsonBody(contentType: string | null | undefined, text: string): unknown {
  if (text.length === 0) return undefined;
  if (!isJsonContentType(contentType)) throw unsupportedMediaType();
  if (new TextEncoder().encode(text).length > BODY_LIMIT_BYTES) throw payloadTooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw malformedJson();
  }
  if (isNestedDeeperThan(body, MAX_JSON_DEPTH)) throw bodyTooDeep(MAX_JSON_DEPTH);
  return body;
}
