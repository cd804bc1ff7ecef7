/**
 * Issue 16, finding 3: JSON nested thousands of levels deep overflowed the stack in validateRequest
 * (structuredClone) on the server and in the mocks. Both hosts parse with parseJsonBody and validate with
 * validateRequest, so both bounds are specified here, once.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, createContractValidator, isNestedDeeperThan, MAX_JSON_DEPTH, parseJsonBody } from '../src/index.js';

const nestedArrays = (depth: number): unknown => {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
};

function refusal(fn: () => unknown): ApiError | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

describe('isNestedDeeperThan', () => {
  it.each([
    ['a number', 7, 0, false],
    ['an empty object', {}, 1, false],
    ['an object in an object', { a: {} }, 1, true],
    ['arrays three deep', [[[]]], 3, false],
    ['arrays three deep, bound 2', [[[]]], 2, true],
    ['100,000 levels, walked without recursion', nestedArrays(100_000), MAX_JSON_DEPTH, true],
  ])('%s', (_name, value, limit, deeper) => {
    expect(isNestedDeeperThan(value, limit)).toBe(deeper);
  });
});

describe('a body nested deeper than MAX_JSON_DEPTH', () => {
  it('is a 400 from parseJsonBody, however deep', () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 3500, 50_000]) {
      const text = `{"subject":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      expect(refusal(() => parseJsonBody('application/json', text))?.status).toBe(400);
    }
  });

  it('is a 400 from validateRequest, not a stack overflow, when a caller hands in the parsed value', () => {
    const validator = createContractValidator();
    const error = refusal(() =>
      validator.validateRequest('createTicket', { path: {}, query: {}, body: { subject: nestedArrays(3500), description: 'x' } }),
    );
    expect(error?.status).toBe(400);
    expect(error?.detail).toBe(`The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`);
  });

  it('as deep as the bound is read and validated as usual (a 422 for the wrong type)', () => {
    const validator = createContractValidator();
    const error = refusal(() =>
      validator.validateRequest('createTicket', { path: {}, query: {}, body: { subject: nestedArrays(MAX_JSON_DEPTH - 1), description: 'x' } }),
    );
    expect(error?.status).toBe(422);
  });
});
