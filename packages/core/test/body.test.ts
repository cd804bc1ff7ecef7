import { describe, expect, it } from 'vitest';
import { ApiError, BODY_LIMIT_BYTES, parseJsonBody } from '../src/index.js';

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.status : -1;
  }
}

describe('parseJsonBody', () => {
  it.each([
    ['JSON', 'application/json', '{"a":1}', undefined],
    ['JSON with a charset', 'application/json; charset=utf-8', '{"a":1}', undefined],
    ['a problem+json type', 'application/merge-patch+json', '{}', undefined],
    ['malformed JSON', 'application/json', '{"a":', 400],
    ['a form', 'application/x-www-form-urlencoded', 'a=1', 415],
    ['text without a type', null, '{"a":1}', 415],
    ['a body over the limit', 'application/json', JSON.stringify({ a: 'x'.repeat(BODY_LIMIT_BYTES) }), 413],
  ])('%s', (_name, type, text, status) => {
    expect(statusOf(() => parseJsonBody(type, text))).toBe(status);
  });

  it('reads an empty body as no body', () => {
    expect(parseJsonBody('application/json', '')).toBeUndefined();
  });
});
