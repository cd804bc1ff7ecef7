/**
 * Request and response validation against the contract, with ajv (JSON Schema 2020-12, as OpenAPI 3.1
 * uses), compiled per operation on its first use.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS; its plugin is also on `.default`, which resolves the same in Node and in bundlers.
const addFormats = ajvFormats.default;
import { listOperations, openapiDocument, type JsonSchema, type OpenApiDocument, type Operation } from './document.js';
import { validationFailed } from './errors.js';
import { fieldMessage, sentence } from './field-messages.js';
import { isDeeplyFrozen } from './frozen.js';
import type { FieldError, OperationId } from './types.js';

const SCHEMAS_ID = 'urn:customer-portal:schemas';

/** The raw parts of a request, as a host read them (path and query values are still strings). */
export interface RawRequest {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
}

export interface ValidatedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * One schema, compiled twice. `valid` stops at the first error and keeps no schema in its errors, which is
 * what every request and response that keeps the contract pays; `explain` (allErrors, verbose: every error,
 * with the schema behind it for the messages) is compiled the first time something breaks the schema.
 */
interface SchemaCheck {
  valid: ValidateFunction;
  /** Every error of a value that `valid` refused. */
  explain(value: unknown): ErrorObject[];
}

interface CompiledOperation {
  operation: Operation;
  path: SchemaCheck;
  query: SchemaCheck;
  body: SchemaCheck | undefined;
  responses: Map<string, { body: SchemaCheck | undefined; requiredHeaders: string[] }>;
}

export interface ContractValidator {
  operations: Operation[];
  /** Coerces path and query values, applies the spec's defaults, and throws a 422 ApiError naming every bad field. */
  validateRequest(operationId: OperationId, request: RawRequest): ValidatedRequest;
  /** The ways a response breaks the contract; empty when it keeps it. */
  checkResponse(operationId: OperationId, status: number, headers: Record<string, string>, body: unknown): FieldError[];
}

/** `#/components/schemas/X` refs point into the shared schema registry once the schemas are lifted out. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) =>
        key === '$ref' && typeof child === 'string'
          ? [key, child.replace('#/components/schemas/', `${SCHEMAS_ID}#/$defs/`)]
          : [key, rewriteRefs(child)],
      ),
    );
  }
  return value;
}

/**
 * `detailed` collects every error with its schema (for field messages); without it ajv stops at the first
 * error, several times faster on the values that are valid. The contract's schemas are not checked against
 * the JSON Schema meta-schema here (about 25 ms of start-up per instance): redocly and core's tests check
 * the contract, and strict mode still refuses unknown keywords when a schema compiles.
 */
function createAjv(document: OpenApiDocument, coerceTypes: boolean, detailed = true): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: detailed,
    verbose: detailed,
    coerceTypes,
    useDefaults: true,
    strict: true,
    validateSchema: false,
  });
  addFormats(ajv);
  // OpenAPI's own annotation keywords, and ours for human messages on patterns.
  ajv.addVocabulary(['example', 'x-pattern-message']);
  ajv.addSchema({ $id: SCHEMAS_ID, $defs: rewriteRefs(document.components.schemas) as JsonSchema });
  return ajv;
}

function objectSchema(parameters: Operation['parameters'], place: 'path' | 'query'): JsonSchema {
  const own = parameters.filter((p) => p.in === place);
  return {
    type: 'object',
    properties: Object.fromEntries(own.map((p) => [p.name, rewriteRefs(p.schema)])),
    required: own.filter((p) => p.required).map((p) => p.name),
  };
}

function joinPath(base: string, name: string | undefined): string {
  return name === undefined ? base : base ? `${base}.${name}` : name;
}

/** One field error per offending field, located as `path.x`, `query.x` or `body.a.b`. */
export function toFieldErrors(place: string, errors: ErrorObject[] | null | undefined): FieldError[] {
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
 * when a first value fails, which most runs of a server never see.
 */
function schemaCompiler(document: OpenApiDocument, coerceTypes: boolean): (schema: JsonSchema) => SchemaCheck {
  const fast = createAjv(document, coerceTypes, false);
  let detailed: Ajv2020 | undefined;
  return (schema) => {
    const valid = fast.compile(schema);
    let explainer: ValidateFunction | undefined;
    return {
      valid,
      explain(value) {
        explainer ??= (detailed ??= createAjv(document, coerceTypes)).compile(schema);
        explainer(value);
        return explainer.errors ?? [];
      },
    };
  };
}

// The schemas each deeply frozen body is known to keep: a WeakMap, so an entry goes with its body.
const keptSchemas = new WeakMap<object, WeakSet<ValidateFunction>>();

/**
 * Whether `value` keeps the schema. A value that is frozen all the way down cannot change, so once it kept
 * a schema it keeps it for good: a host that hands out the same immutable page to every request (the
 * server's read cache) has it checked once rather than on every response. Anything else, and any value
 * that breaks the schema, is checked every time.
 */
function keepsSchema(check: SchemaCheck, value: unknown): boolean {
  if (value === null || typeof value !== 'object') return check.valid(value);
  const kept = keptSchemas.get(value);
  // Only deeply frozen values are ever remembered, and they stay so.
  if (kept?.has(check.valid)) return true;
  if (!check.valid(value)) return false;
  if (!isDeeplyFrozen(value)) return true;
  if (kept) kept.add(check.valid);
  else keptSchemas.set(value, new WeakSet([check.valid]));
  return true;
}

export function createContractValidator(document?: OpenApiDocument): ContractValidator {
  const registry = document ?? (openapiDocument as OpenApiDocument);
  const operations = listOperations(registry);
  const params = schemaCompiler(registry, true);
  const strict = schemaCompiler(registry, false);
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const compiled = new Map<OperationId, CompiledOperation>();

  // Compiled on first use, not up front: compiling all sixteen operations costs a server ~270 ms of start-up
  // (most of its time to first answer), and a test or a mock usually touches only a few operations.
  function compile(operation: Operation): CompiledOperation {
    const responses = new Map<string, { body: SchemaCheck | undefined; requiredHeaders: string[] }>();
    for (const [status, response] of Object.entries(operation.responses)) {
      responses.set(status, {
        body: response.schema ? strict(rewriteRefs(response.schema) as JsonSchema) : undefined,
        requiredHeaders: response.requiredHeaders,
      });
    }
    return {
      operation,
      path: params(objectSchema(operation.parameters, 'path')),
      query: params(objectSchema(operation.parameters, 'query')),
      body: operation.requestBody ? strict(rewriteRefs(operation.requestBody.schema) as JsonSchema) : undefined,
      responses,
    };
  }

  function lookup(operationId: OperationId): CompiledOperation {
    let entry = compiled.get(operationId);
    if (!entry) {
      const operation = byId.get(operationId);
      if (!operation) throw new Error(`unknown operation ${operationId}`);
      entry = compile(operation);
      compiled.set(operationId, entry);
    }
    return entry;
  }

  return {
    operations,
    validateRequest(operationId, request) {
      const entry = lookup(operationId);
      // Copies, as coercion and defaults write into them; a refused part is explained from a fresh copy.
      const path: Record<string, unknown> = { ...request.path };
      const query: Record<string, unknown> = { ...request.query };
      const errors: FieldError[] = [];
      if (!entry.path.valid(path)) errors.push(...toFieldErrors('path', entry.path.explain({ ...request.path })));
      if (!entry.query.valid(query)) errors.push(...toFieldErrors('query', entry.query.explain({ ...request.query })));
      let body = request.body;
      if (entry.body) {
        if (body === undefined) {
          if (entry.operation.requestBody?.required) errors.push({ location: 'body', message: sentence('body', 'is required') });
        } else {
          body = structuredClone(body);
          if (!entry.body.valid(body)) errors.push(...toFieldErrors('body', entry.body.explain(structuredClone(request.body))));
        }
      }
      if (errors.length > 0) throw validationFailed(errors);
      return { path, query, body };
    },
    checkResponse(operationId, status, headers, body) {
      const entry = lookup(operationId);
      const documented = entry.responses.get(String(status)) ?? entry.responses.get('default');
      if (!documented) return [{ location: 'response.status', message: `The status ${status} is not documented for this operation.` }];
      const errors: FieldError[] = [];
      if (documented.requiredHeaders.length > 0) {
        const present = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
        for (const header of documented.requiredHeaders) {
          if (!present.has(header.toLowerCase())) errors.push({ location: `response.headers.${header}`, message: `The ${header} header is required.` });
        }
      }
      if (documented.body && !keepsSchema(documented.body, body)) errors.push(...toFieldErrors('response.body', documented.body.explain(body)));
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
export function createSchemaChecker(document?: OpenApiDocument): (schemaName: string, value: unknown) => FieldError[] {
  const ajv = createAjv(document ?? (openapiDocument as OpenApiDocument), false);
  return (schemaName, value) => {
    const validate = ajv.getSchema(`${SCHEMAS_ID}#/$defs/${schemaName}`);
    if (!validate) throw new Error(`no schema ${schemaName} in the contract`);
    return validate(value) ? [] : toFieldErrors(schemaName, validate.errors);
  };
}
