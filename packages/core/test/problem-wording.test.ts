/**
 * A frontend shows a problem's `detail` and each field error's `message` as they are, so every one of them
 * is a plain sentence: no regular expression, no schema keyword, no ajv phrasing. These tests send every
 * operation of the contract a spread of bad requests built from its own schemas, and read every sentence
 * that comes back.
 */
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  createContractValidator,
  internalError,
  malformedJson,
  methodNotAllowed,
  openapiDocument,
  payloadTooLarge,
  routeNotFound,
  ruleViolated,
  unsupportedMediaType,
  type FieldError,
  type JsonSchema,
  type OpenApiDocument,
} from '../src/index.js';
import { invalidCredentials, notFound, unauthorized } from '../src/errors.js';
import { portalUnderTest } from './portal-under-test.js';

const validator = createContractValidator();
const schemas = (openapiDocument as OpenApiDocument).components?.schemas as Record<string, JsonSchema>;

/** A sentence: starts with a capital (or a quoted name), ends with a full stop. */
const SENTENCE = /^["A-Z].*[.?]$/s;
/** What must never reach a customer: pattern syntax, JSON Schema keywords and ajv's own wording. */
const TECHNICAL =
  /[\^$\\{}[\]]|\(\?|must NOT|must match|must have required|\bpattern\b|\bformat "|minLength|maxLength|minItems|maxItems|additionalProperties|uniqueItems|>=|<=|\binteger\b|\bstring\b|\bboolean\b|\bnull\b|instancePath|schema/;

function plain(text: string): void {
  expect(text, `"${text}" is a sentence`).toMatch(SENTENCE);
  expect(text, `"${text}" has no regular expression or schema keyword`).not.toMatch(TECHNICAL);
}

function resolve(schema: JsonSchema): JsonSchema {
  const ref = (schema as { $ref?: string }).$ref;
  if (ref) return resolve(schemas[ref.split('/').at(-1)!]!);
  const allOf = (schema as { allOf?: JsonSchema[] }).allOf;
  return allOf?.length === 1 ? { ...resolve(allOf[0]!), ...schema, allOf: undefined } : schema;
}

const wrongTypes: unknown[] = [12345, 1.5, -1, 'text', '', ' ', true, null, [], ['a', 'a'], {}, { x: 1 }];

/** Values that break `schema` in as many ways as it can be broken, each next to good values elsewhere. */
function badValues(schema: JsonSchema, depth = 0): unknown[] {
  const s = resolve(schema) as Record<string, unknown>;
  const values = [...wrongTypes, 'x'.repeat(6000), 'not valid!', 'UTC+99', 'usd', 'EN_gb', '2024-01-01', Array(60).fill('x')];
  if (s.type === 'object' && s.properties && depth < 3) {
    values.push({ unknown_field: 1 });
    for (const [name, child] of Object.entries(s.properties as Record<string, JsonSchema>)) {
      for (const bad of badValues(child, depth + 1)) values.push({ [name]: bad });
    }
  }
  return values;
}

function errorsOf(run: () => unknown): FieldError[] {
  try {
    run();
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    plain((error as ApiError).detail);
    return (error as ApiError).errors ?? [];
  }
}

describe('every field error from request validation is a plain sentence', () => {
  const messages = new Set<string>();

  for (const operation of validator.operations) {
    it(`${operation.operationId}: bad paths, queries and bodies`, () => {
      const good = Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, '1']));
      const seen: FieldError[] = [];
      for (const parameter of operation.parameters) {
        for (const bad of ['', 'not valid!', '-1', '0', '101', 'ten', 'x'.repeat(200), ['a', 'b'], '1000000000000']) {
          const request = { path: { ...good }, query: {} as Record<string, string | string[]>, body: undefined as unknown };
          if (parameter.in === 'path') request.path[parameter.name] = String(bad);
          else request.query[parameter.name] = bad as string | string[];
          if (operation.requestBody) request.body = {};
          seen.push(...errorsOf(() => validator.validateRequest(operation.operationId, request)));
        }
      }
      if (operation.requestBody) {
        for (const body of [undefined, ...badValues(operation.requestBody.schema)]) {
          seen.push(...errorsOf(() => validator.validateRequest(operation.operationId, { path: good, query: {}, body })));
        }
      }
      for (const { message } of seen) {
        plain(message);
        messages.add(message);
      }
    });
  }

  it('names the field and says what it needs, as a customer would read it beside the field', () => {
    const expected = [
        'Subject must not be blank.',
        'Subject must be at most 200 characters long.',
        'Description is required.',
        'Priority must be one of LOW, MEDIUM, HIGH, URGENT.',
        'Timezone must be an offset from UTC such as UTC+0, UTC-5 or UTC+5:30.',
        'Currency must be a three-letter currency code such as USD or EUR.',
        'Language must be a language tag such as en or en-GB.',
        'Items must include at least 1 item.',
        'Items must not include the same item twice.',
        'Full name must be text.',
        'Notifications must be true or false.',
        'Email must be an email address.',
        'Order ID may contain only letters, digits, hyphens and underscores.',
        'Limit must be at most 100.',
        'Limit must be a whole number.',
        'Unknown field is not an accepted field.',
        'The request body is required.',
    ];
    expect(expected.filter((message) => !messages.has(message))).toEqual([]);
  });
});

describe('every problem detail is a plain sentence', () => {
  it.each([
    ['a validation failure of one field', validationOf({ subject: ' ', description: 'x' })],
    ['a validation failure of several fields', validationOf({ subject: 5 })],
    ['a broken rule', ruleViolated('Order ORD123 is shipped; only delivered orders can be returned.')],
    ['a missing order', notFound('Order ORD999 was not found.')],
    ['no token', unauthorized("Sign in and send the token as 'Authorization: Bearer <token>'.")],
    ['a wrong password', invalidCredentials()],
    ['malformed JSON', malformedJson()],
    ['a body too large', payloadTooLarge()],
    ['a body that is not JSON', unsupportedMediaType()],
    ['an unknown route', routeNotFound('get', '/api/v1/customer/nothing')],
    ['a wrong method', methodNotAllowed('delete', '/api/v1/customer/orders', ['GET'])],
    ['an unexpected failure', internalError()],
  ])('%s', (_name, error) => {
    // The sign-in hint quotes the header to send: that is the one place angle brackets belong.
    expect(error.detail).toMatch(SENTENCE);
    expect(error.detail.replace("'Authorization: Bearer <token>'", 'the header')).not.toMatch(TECHNICAL);
  });

  it('a validation detail counts the fields and repeats their sentences, and never their paths', () => {
    const error = validationOf({ subject: ' ' });
    expect(error.detail).toBe('Please correct 2 fields. Description is required. Subject must not be blank.');
    expect(error.detail).not.toContain('body.');
  });

  it.each([
    ['a shipped order', { order_id: 'ORD123', items: ['Wireless Headphones'] }],
    ['an item not in the order', { order_id: 'ORD118', items: ['Toaster'] }],
    ['an item already returned', { order_id: 'ORD121', items: ['Watch Strap'] }],
  ])('a return refused for %s says why in sentences, detail and fields alike', async (_name, request) => {
    const { call } = portalUnderTest();
    const res = await call('requestReturn', { body: { ...request, reason: 'Changed my mind' } });
    expect(res.status).toBe(422);
    plain(res.body.detail);
    for (const { message } of res.body.errors) plain(message);
  });
});

function validationOf(body: unknown): ApiError {
  try {
    validator.validateRequest('createTicket', { path: {}, query: {}, body });
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a validation failure');
}
