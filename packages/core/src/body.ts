/** Reading a JSON request body the same way in every host. */
import { malformedJson, payloadTooLarge, unsupportedMediaType } from './errors.js';

/** Bodies larger than this are a 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;

function isJsonContentType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * The parsed body, or undefined when there is none. A body that is not JSON is a 415, one over the limit a
 * 413, and one that does not parse a 400.
 */
export function parseJsonBody(contentType: string | null | undefined, text: string): unknown {
  if (text.length === 0) return undefined;
  if (!isJsonContentType(contentType)) throw unsupportedMediaType();
  if (new TextEncoder().encode(text).length > BODY_LIMIT_BYTES) throw payloadTooLarge();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformedJson();
  }
}
