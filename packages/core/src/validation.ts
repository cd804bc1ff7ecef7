/**
 * What a request may hold and what a response must, as the contract says.
 *
 * First, text exactly as sent or refused. A decoder that meets bytes that are not UTF-8, or a JSON string
 * holding half of a surrogate pair (`"a\ud800b"`), would otherwise put U+FFFD in their place and store text
 * the client never wrote. Every host reads bodies and query strings through these, and validation refuses
 * what loneSurrogates finds, so each host refuses alike.
 *
 * Then request and response validation against the contract, with ajv (JSON Schema 2020-12, as OpenAPI 3.1
 * uses), compiled per operation on its first use, and each response on the first answer with its status.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS; its plugin is also on `.default`, which resolves the same in Node and in bundlers.
const addFormats = ajvFormats.default;
import { listOperations, openapiDocument, type JsonSchema, type Operation } from './document.js';
import { isNestedDeeperThan, MAX_JSON_DEPTH } from './body.js';
import { bodyTooDeep, malformedBody, validationFailed } from './errors.js';
import { fieldMessage, sentence } from './field-messages.js';
import type { FieldError, OperationId, OperationInput } from './types.js';

// Text exactly as sent, or refused.

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

// Validation against the contract, with ajv.

/** The raw parts of a request, as a host read them (path and query values are still strings). */
export interface RawRequest {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
}

/**
 * One schema, compiled twice. `valid` stops at the first error and keeps no schema in its errors, which is
 * what every request and response that keeps the contract pays; `explain` (allErrors, verbose: every error,
 * with the schema behind it for the messages) is compiled the first time something breaks the schema.
 */
interface SchemaCheck<T = unknown> {
  valid: ValidateFunction<T>;
  /** Every error of a value that `valid` refused. */
  explain(value: unknown): ErrorObject[];
}

interface CompiledOperation<K extends OperationId> {
  operation: Operation;
  /** Path and query parameters whose schema is an integer, checked for strict decimal syntax first. */
  integers: { place: 'path' | 'query'; name: string }[];
  path: SchemaCheck<OperationInput<K>['path']>;
  query: SchemaCheck<OperationInput<K>['query']>;
  /** An operation without a body has the empty schema here, which any value keeps. */
  body: SchemaCheck<OperationInput<K>['body']>;
  /** Each response's checks, compiled the first time the operation answers with its status. */
  responses: Map<string, () => ResponseCheck>;
}

interface ResponseCheck {
  body: SchemaCheck | undefined;
  headerNames: string[];
  headers: SchemaCheck<Record<string, string>>;
}

export interface ContractValidator {
  operations: Operation[];
  /** Coerces path and query values, applies the spec's defaults, and throws a 422 ApiError naming every bad field. */
  validateRequest<K extends OperationId>(operationId: K, request: RawRequest): OperationInput<K>;
  /** The ways a response breaks the contract; empty when it keeps it. */
  checkResponse(operationId: OperationId, status: number, headers: Record<string, string>, body: unknown): FieldError[];
}

/**
 * `detailed` collects every error with its schema (for field messages); without it ajv stops at the first
 * error, several times faster on the values that are valid. The contract's schemas are not checked against
 * the JSON Schema meta-schema here (it lengthens every start: docs/notes/server-measurements.md): redocly and core's
 * tests check the contract, and strict mode still refuses unknown keywords when a schema compiles.
 */
/**
 * How formats are checked: `full` for what clients send (a date-time must name a real day), `fast` for
 * what the portal itself answers, where the check guards against a host's bug rather than a client's input
 * and runs on every response: shape by regular expression only, a fraction of the full check's cost
 * (docs/notes/server-measurements.md).
 */
type FormatMode = 'full' | 'fast';

function createAjv(coerceTypes: boolean, detailed = true, formats: FormatMode = 'full'): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: detailed,
    verbose: detailed,
    coerceTypes,
    useDefaults: true,
    strict: true,
    validateSchema: false,
    // Nor is the meta-schema added, and the generated code is not optimised: each would lengthen a server's
    // time to its first answer, and the checks run as fast without (docs/notes/server-measurements.md).
    meta: false,
    code: { optimize: false },
  });
  addFormats(ajv, { mode: formats });
  // OpenAPI's own annotation keyword, and ours for human messages on patterns.
  ajv.addVocabulary(['example', 'x-pattern-message']);
  // The contract's schemas, where every `$ref` the contract writes is resolved: `#/components/schemas/X`
  // inside them, `contract#/components/schemas/X` from the schemas the validator builds (see anchored()).
  ajv.addVocabulary(['components']);
  ajv.addSchema({ $id: CONTRACT, components: { schemas: openapiDocument.components?.schemas ?? {} } });
  return ajv;
}

/** The id under which each ajv instance holds the contract's schemas. */
const CONTRACT = 'contract';

/**
 * A schema taken out of the contract (a parameter's, a body's, a response's) with its references made to
 * point into the contract's schemas, as it is compiled on its own.
 *
 * @example
 * anchored({ type: 'array', items: { $ref: '#/components/schemas/Order' } }); // items: { $ref: 'contract#/components/schemas/Order' }
 */
function anchored(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? CONTRACT + value : value,
  ) as JsonSchema;
}

function objectSchema(parameters: Operation['parameters'], place: 'path' | 'query'): JsonSchema {
  const own = parameters.filter((p) => p.in === place);
  return {
    type: 'object',
    properties: Object.fromEntries(own.map((p) => [p.name, anchored(p.schema)])),
    required: own.filter((p) => p.required).map((p) => p.name),
  };
}

function joinPath(base: string, name: string | undefined): string {
  return name === undefined ? base : base ? `${base}.${name}` : name;
}

/** One field error per offending field, located as `path.x`, `query.x` or `body.a.b`. */
function toFieldErrors(place: string, errors: ErrorObject[] | null | undefined): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors ?? []) {
    // `if`/`oneOf` wrappers repeat what their branches already said.
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const pointer = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let field = pointer.join('.');
    if (error.keyword === 'required') field = joinPath(field, (error.params as { missingProperty: string }).missingProperty);
    if (error.keyword === 'additionalProperties') {
      field = joinPath(field, (error.params as { additionalProperty: string }).additionalProperty);
    }
    const location = field ? `${place}.${field}` : place;
    // One message per field: an empty string breaks both minLength and the non-blank pattern.
    if (!seen.has(location)) {
      seen.add(location);
      result.push({ location, message: fieldMessage(location, error) });
    }
  }
  return result;
}

/**
 * Compiles schemas into SchemaChecks with one fast ajv instance; the detailed instance is only created
 * when a first value fails, which most runs of a server never see. A schema written the same way twice is
 * compiled once: every error response of the contract refers to the same Problem schema.
 */
function schemaCompiler(coerceTypes: boolean, formats: FormatMode = 'full'): <T>(schema: JsonSchema) => SchemaCheck<T> {
  // Made with the first schema: a server that is only read from never compiles a request body.
  let fast: Ajv2020 | undefined;
  let detailed: Ajv2020 | undefined;
  const checks = new Map<string, SchemaCheck>();
  const compile = (schema: JsonSchema): SchemaCheck => {
    const valid = (fast ??= createAjv(coerceTypes, false, formats)).compile(schema);
    let explainer: ValidateFunction | undefined;
    return {
      valid,
      explain(value) {
        explainer ??= (detailed ??= createAjv(coerceTypes, true, formats)).compile(schema);
        explainer(value);
        return explainer.errors ?? [];
      },
    };
  };
  return <T>(schema: JsonSchema) => {
    const text = JSON.stringify(schema);
    let check = checks.get(text);
    if (!check) checks.set(text, (check = compile(schema)));
    // ajv's type parameter: a value that keeps the contract's schema has the type generated from it.
    return check as SchemaCheck<T>;
  };
}

/** A response's documented headers as one object schema, so that ajv checks their presence and their values. */
function headersSchema(headers: Operation['responses'][string]['headers']): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(headers).map(([name, header]) => [name, anchored(header.schema)])),
    required: Object.entries(headers).filter(([, header]) => header.required).map(([name]) => name),
  };
}

/** The documented headers of a response, by their documented names (HTTP header names ignore case). */
function documentedHeaderValues(documented: string[], headers: Record<string, string>): Record<string, string> {
  const byLowerName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const values: Record<string, string> = {};
  for (const name of documented) {
    const value = byLowerName.get(name.toLowerCase());
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** A 422 lists at most this many fields (and says how many more there were). */
export const MAX_FIELD_ERRORS = 20;

// Decimal digits only: ajv's coercion takes whatever Number() takes ('0x10', '1e2', '+5', ' 7').
const DECIMAL_INTEGER = /^(?:0|-?[1-9][0-9]*)$/;

/**
 * Integer path and query values that ajv would take as numbers but that are not written as plain decimal
 * integers. A value that is no number at all is left to ajv ("must be integer").
 */
function badIntegerSyntax(integers: CompiledOperation<OperationId>['integers'], request: RawRequest): FieldError[] {
  const errors: FieldError[] = [];
  for (const { place, name } of integers) {
    const value = request[place][name];
    if (typeof value === 'string' && !DECIMAL_INTEGER.test(value) && !Number.isNaN(Number(value))) {
      errors.push({ location: `${place}.${name}`, message: sentence(`${place}.${name}`, 'must be a whole number written in decimal digits') });
    }
  }
  return errors;
}

export function createContractValidator(): ContractValidator {
  const operations = listOperations();
  const params = schemaCompiler(true);
  const strict = schemaCompiler(false);
  const answers = schemaCompiler(false, 'fast');
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  // Each entry is compiled for its own key; TypeScript cannot say so of a Map, hence the one `as` in lookup().
  const compiled = new Map<OperationId, unknown>();

  // Compiled on first use, not up front: compiling every operation would be most of a server's time to its
  // first answer (docs/decisions/002), and a test or a mock usually touches only a few operations.
  function compile<K extends OperationId>(operationId: K): CompiledOperation<K> {
    const operation = byId.get(operationId);
    if (!operation) throw new Error(`unknown operation ${operationId}`);
    const responses: CompiledOperation<K>['responses'] = new Map();
    for (const [status, response] of Object.entries(operation.responses)) {
      let check: ResponseCheck | undefined;
      responses.set(status, () =>
        (check ??= {
          body: response.schema ? answers(anchored(response.schema)) : undefined,
          headerNames: Object.keys(response.headers),
          headers: params(headersSchema(response.headers)),
        }));
    }
    const integers = operation.parameters
      .filter((p) => (p.in === 'path' || p.in === 'query') && (p.schema as { type?: unknown } | undefined)?.type === 'integer')
      .map((p) => ({ place: p.in as 'path' | 'query', name: p.name }));
    return {
      operation,
      integers,
      path: params(objectSchema(operation.parameters, 'path')),
      query: params(objectSchema(operation.parameters, 'query')),
      // No body: the empty schema, which any value keeps, with any instance (coercion has no type to act on).
      body: operation.requestBody ? strict(anchored(operation.requestBody.schema)) : params({}),
      responses,
    };
  }

  function lookup<K extends OperationId>(operationId: K): CompiledOperation<K> {
    let entry = compiled.get(operationId) as CompiledOperation<K> | undefined;
    if (!entry) compiled.set(operationId, (entry = compile(operationId)));
    return entry;
  }

  return {
    operations,
    validateRequest(operationId, request) {
      const entry = lookup(operationId);
      // Copies, as coercion and defaults write into them; a refused part is explained from a fresh copy.
      const path: unknown = { ...request.path };
      const query: unknown = { ...request.query };
      const errors = badIntegerSyntax(entry.integers, request);
      const said = new Set(errors.map((e) => e.location));
      const add = (found: FieldError[]) => {
        for (const error of found) {
          if (said.has(error.location)) continue;
          said.add(error.location);
          errors.push(error);
        }
      };
      // Hosts parse with parseJsonBody, which refuses this already; a caller handing in its own value
      // (a test, another host) must not reach structuredClone's recursion with it either.
      if (request.body !== undefined && isNestedDeeperThan(request.body, MAX_JSON_DEPTH)) throw bodyTooDeep(MAX_JSON_DEPTH);
      const body: unknown = request.body === undefined ? undefined : structuredClone(request.body);
      const pathKept = entry.path.valid(path);
      if (!pathKept) add(toFieldErrors('path', entry.path.explain({ ...request.path })));
      const queryKept = entry.query.valid(query);
      if (!queryKept) add(toFieldErrors('query', entry.query.explain({ ...request.query })));
      // Text with a lone surrogate would be stored as U+FFFD: refused, naming the field, whatever its schema.
      add([...loneSurrogates('path', request.path), ...loneSurrogates('query', request.query), ...loneSurrogates('body', request.body)]);
      const missing = body === undefined && entry.operation.requestBody?.required === true;
      if (missing) errors.push({ location: 'body', message: sentence('body', 'is required') });
      const bodyKept = !missing && entry.body.valid(body);
      if (!missing && !bodyKept) add(toFieldErrors('body', entry.body.explain(structuredClone(request.body))));
      if (errors.length > MAX_FIELD_ERRORS) throw validationFailed(errors.slice(0, MAX_FIELD_ERRORS), errors.length - MAX_FIELD_ERRORS);
      if (!pathKept || !queryKept || !bodyKept || errors.length > 0) throw validationFailed(errors);
      return { path, query, body };
    },
    checkResponse(operationId, status, headers, body) {
      const entry = lookup(operationId);
      const documented = (entry.responses.get(String(status)) ?? entry.responses.get('default'))?.();
      if (!documented) return [{ location: 'response.status', message: `The status ${status} is not documented for this operation.` }];
      const errors: FieldError[] = [];
      const values = documentedHeaderValues(documented.headerNames, headers);
      if (!documented.headers.valid(values)) errors.push(...toFieldErrors('response.headers', documented.headers.explain(values)));
      if (documented.body && !documented.body.valid(body)) errors.push(...toFieldErrors('response.body', documented.body.explain(body)));
      return errors;
    },
  };
}

/**
 * Checks a value against one of the contract's named schemas (`Order`, `Ticket`...); empty when it conforms.
 *
 * @example
 * const check = createSchemaChecker();
 * check('Order', order); // [] or [{ location: 'Order.total', message: 'Total must be a number.' }]
 */
export function createSchemaChecker(): (schemaName: string, value: unknown) => FieldError[] {
  const ajv = createAjv(false);
  const checks = new Map<string, ValidateFunction>();
  return (schemaName, value) => {
    if (!openapiDocument.components?.schemas?.[schemaName]) throw new Error(`no schema ${schemaName} in the contract`);
    let validate = checks.get(schemaName);
    if (!validate) checks.set(schemaName, (validate = ajv.compile({ $ref: `${CONTRACT}#/components/schemas/${schemaName}` })));
    return validate(value) ? [] : toFieldErrors(schemaName, validate.errors);
  };
}
