/**
 * Text exactly as sent or refused. A decoder that meets bytes that are not UTF-8, or a JSON string holding
 * half of a surrogate pair (`"a\ud800b"`), would otherwise put U+FFFD in their place and store text the
 * client never wrote. Every host reads bodies and query strings through these, so each refuses alike.
 */
import { malformedBody } from './errors.js';
import { sentence } from './field-messages.js';
import type { FieldError } from './types.js';

// With the `u` flag a well-formed pair is one code point, so only a surrogate standing alone matches.
const LONE_SURROGATE = /\p{Cs}/u;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A request body's bytes as text, or a 400 when they are not UTF-8 (RFC 8259 asks JSON to be).
 *
 * @example
 * decodeBodyText(new TextEncoder().encode('{"a":1}')); // '{"a":1}'
 * decodeBodyText(Uint8Array.of(0x7b, 0xff, 0x7d)); // throws a 400 ApiError
 */
export function decodeBodyText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw malformedBody('The request body is not valid UTF-8 text; send JSON encoded as UTF-8.');
  }
}

/**
 * A field error for every string (and every key) in `value` holding a lone surrogate, located as the
 * validator locates fields (`body.subject`, `body.items.0`).
 *
 * @example
 * loneSurrogates('body', { subject: 'a\ud800b' }); // [{ location: 'body.subject', message: 'Subject must be text ...' }]
 */
export function loneSurrogates(place: string, value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: [unknown, string][] = [[value, place]];
  while (pending.length > 0) {
    const [current, location] = pending.pop()!;
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) errors.push(notText(location));
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current)) {
      const at = `${location}.${key}`;
      if (LONE_SURROGATE.test(key)) errors.push(notText(at));
      else pending.push([child, at]);
    }
  }
  return errors;
}

/**
 * A field error for every parameter of a raw query string (`a=1&b=%ED%A0%80`, without the `?`) whose
 * percent-encoding is not UTF-8: decoders would read it as U+FFFD. A `%` not followed by two hex digits is
 * left as the text it is, as URL parsers do.
 *
 * @example
 * queryNotUtf8('search=%ff'); // [{ location: 'query.search', message: 'Search must be text ...' }]
 */
export function queryNotUtf8(rawQuery: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!rawQuery.includes('%')) return errors;
  for (const pair of rawQuery.split('&')) {
    const [name = '', value = ''] = pair.split(/=(.*)/s);
    if (isUtf8Escaped(value) && isUtf8Escaped(name)) continue;
    const location = `query.${isUtf8Escaped(name) ? decode(name) : 'parameter'}`;
    if (!errors.some((e) => e.location === location)) errors.push(notText(location));
  }
  return errors;
}

function isUtf8Escaped(component: string): boolean {
  try {
    decode(component);
    return true;
  } catch {
    return false;
  }
}

/** decodeURIComponent throws on percent-encoded bytes that are not UTF-8; a stray `%` is kept as text. */
function decode(component: string): string {
  return decodeURIComponent(component.replace(/\+/g, ' ').replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
}

function notText(location: string): FieldError {
  return { location, message: sentence(location, 'must be text as written: it holds a broken character (half of a surrogate pair, or bytes that are not UTF-8)') };
}
