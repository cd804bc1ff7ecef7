/**
 * Text exactly as sent or refused. A decoder that meets bytes that are not UTF-8, or a JSON string holding
 * half of a surrogate pair (`"a\ud800b"`), would otherwise put U+FFFD in their place and store text the
 * client never wrote. Every host reads bodies and query strings through these, and validation refuses what
 * loneSurrogates finds, so each host refuses alike.
 */
import { malformedBody } from './errors.js';
import { sentence } from './field-messages.js';
import type { FieldError } from './types.js';

// With the `u` flag a well-formed pair is one code point, so only a surrogate standing alone matches.
const LONE_SURROGATE = /\p{Cs}/u;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** What a query parameter that is not UTF-8 reads as: a lone surrogate, which validation refuses by name. */
const NOT_UTF8 = '\ud800';

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
 * A raw query string (`a=1&b=%ED%A0%80`, without the `?`) as core reads a query: a key given once is a string,
 * a repeated key an array, `+` a space. Where the percent-encoding is not UTF-8, the parameter's value holds a
 * lone surrogate (U+D800) instead, which no UTF-8 text can hold: validation then refuses the parameter by name,
 * after sign-in, exactly as a JSON string holding one (decoders would have read it as U+FFFD). A `%` not
 * followed by two hex digits is kept as the text it is, as URL parsers do.
 *
 * @example
 * queryFromText('status=all&search=caf%C3%A9'); // { status: 'all', search: 'café' }
 * queryFromText('search=%ff'); // { search: '\ud800' }, which validation refuses as query.search
 */
export function queryFromText(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const [name, value] = at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    const key = decodeOrMark(name);
    const text = decodeOrMark(value);
    const earlier = query[key];
    query[key] = earlier === undefined ? text : [earlier, text].flat();
  }
  return query;
}

/** The text of a query component, or a lone surrogate when its percent-encoding is not UTF-8. */
function decodeOrMark(component: string): string {
  try {
    // decodeURIComponent throws on percent-encoded bytes that are not UTF-8; a stray `%` is kept as text.
    return decodeURIComponent(component.replace(/\+/g, ' ').replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    return NOT_UTF8;
  }
}

function notText(location: string): FieldError {
  return { location, message: sentence(location, 'must be text as written: it holds a broken character (half of a surrogate pair, or bytes that are not UTF-8)') };
}
