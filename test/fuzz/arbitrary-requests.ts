/**
 * fast-check arbitraries for requests, generated from the contract (openapi.yaml, as core embeds it): values
 * that keep each parameter's and body's schema, values that break it, and requests no client should send
 * (wrong methods, odd paths, bad tokens, junk bodies, odd encodings).
 */
import { listOperations, openapiDocument, type JsonSchema, type Operation } from '@customer-portal/core';
import fc from 'fast-check';

export interface FuzzRequest {
  operation: Operation;
  method: string;
  path: string;
  /** Whether method and path are exactly the operation's (otherwise a 404 or 405 is expected). */
  exact: boolean;
  headers: Record<string, string>;
  body: string | undefined;
  auth: 'ali' | 'sara' | 'none' | 'junk';
}

const schemas = (openapiDocument as unknown as { components: { schemas: Record<string, JsonSchema> } }).components.schemas;

/** Values that keep a JSON schema (the subset of keywords the contract uses). */
export function valueOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = schema as Record<string, any>;
  if (typeof s.$ref === 'string') return valueOf(schemas[s.$ref.split('/').at(-1)!]!, depth);
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  if (Array.isArray(s.oneOf ?? s.anyOf)) return fc.oneof(...(s.oneOf ?? s.anyOf).map((b: JsonSchema) => valueOf({ ...s, oneOf: undefined, anyOf: undefined, ...b }, depth)));
  const types: string[] = Array.isArray(s.type) ? s.type : [s.type ?? 'object'];
  return fc.oneof(...types.map((type) => valueOfType(type, s, depth)));
}

function valueOfType(type: string, s: Record<string, any>, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: Math.min(s.maximum ?? 1000, 2 ** 31 - 1) });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'string':
      return stringOf(s);
    case 'array':
      return fc.array(valueOf(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    default: {
      const properties: Record<string, JsonSchema> = s.properties ?? {};
      const required = new Set<string>(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, child] of Object.entries(properties)) record[name] = depth > 3 ? fc.constant(null) : valueOf(child, depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
    }
  }
}

function stringOf(s: Record<string, any>): fc.Arbitrary<string> {
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'uri') return fc.webUrl({ validSchemes: ['https'] });
  const length = { minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) };
  if (typeof s.pattern === 'string') {
    return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= length.minLength && v.length <= (s.maxLength ?? Infinity));
  }
  return fc.string({ ...length, unit: 'grapheme' });
}

/** Strings a client should not send as a parameter. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.constantFrom('0x10', '1e2', '+5', '-1', '0', '99999999999999999999', 'NaN', 'Infinity', '../../etc/passwd', "' OR 1=1 --", '%', '_', '\u0000', ' ', ''),
);

/** JSON text that may break the body's schema in any way, from a near miss to nonsense. */
function hostileBody(schema: JsonSchema): fc.Arbitrary<string> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    valueOf(schema).chain((valid) =>
      fc.record({ key: fc.string({ maxLength: 12 }), value: fc.jsonValue({ maxDepth: 2 }) }).map(({ key, value }) =>
        JSON.stringify(valid && typeof valid === 'object' && !Array.isArray(valid) ? { ...valid, [key]: value } : value),
      ),
    ),
    // Written as text: JSON.stringify itself recurses.
    fc.integer({ min: 33, max: 5000 }).map((depth) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  );
}

function pathOf(operation: Operation, values: Record<string, unknown>): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
}

const bodyText = (operation: Operation) =>
  operation.requestBody
    ? fc.oneof(
        { weight: 3, arbitrary: valueOf(operation.requestBody.schema).map((v) => JSON.stringify(v)) },
        { weight: 2, arbitrary: hostileBody(operation.requestBody.schema) },
        { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.option(fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), { nil: undefined, freq: 4 });

function requestFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const params = operation.parameters.filter((p) => p.in === 'path' || p.in === 'query');
  const paramValues = fc.record(
    Object.fromEntries(params.map((p) => [p.name, fc.oneof({ weight: 3, arbitrary: valueOf(p.schema as JsonSchema).map(String) }, { weight: 1, arbitrary: hostileString })])),
    { requiredKeys: params.filter((p) => p.in === 'path').map((p) => p.name) },
  );
  const other = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH');
  return fc
    .record({
      values: paramValues,
      extraQuery: fc.option(fc.tuple(fc.string({ maxLength: 8 }), hostileString), { freq: 5, nil: undefined }),
      method: fc.oneof({ weight: 9, arbitrary: fc.constant(operation.method.toUpperCase()) }, { weight: 1, arbitrary: other }),
      pathShape: fc.oneof({ weight: 12, arbitrary: fc.constant('exact' as const) }, { weight: 1, arbitrary: fc.constantFrom('upper' as const, 'slash' as const) }),
      body: bodyText(operation),
      contentType: fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/vnd.portal+json', '') }),
      encoding: fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'identity') }),
      auth: fc.oneof({ weight: 6, arbitrary: fc.constant('ali' as const) }, { weight: 1, arbitrary: fc.constantFrom('sara' as const, 'none' as const, 'junk' as const) }),
    })
    .map(({ values, extraQuery, method, pathShape, body, contentType, encoding, auth }) => {
      const query = new URLSearchParams();
      for (const p of params) if (p.in === 'query' && values[p.name] !== undefined) query.set(p.name, String(values[p.name]));
      if (extraQuery) query.append(...extraQuery);
      let path = pathOf(operation, values);
      if (pathShape === 'upper') path = path.toUpperCase();
      if (pathShape === 'slash') path = `${path}/`;
      const search = query.toString();
      const headers: Record<string, string> = {};
      if (body !== undefined && contentType) headers['Content-Type'] = contentType;
      if (body !== undefined && encoding) headers['Content-Encoding'] = encoding;
      const exact = pathShape === 'exact' && method === operation.method.toUpperCase();
      return { operation, method, path: search ? `${path}?${search}` : path, exact, headers, body: method === 'GET' ? undefined : body, auth };
    });
}

/** Any operation of the contract, called well or badly. */
export const anyRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(...listOperations().map(requestFor));
