/**
 * The contract as the hosts read it at run time. `generated/openapi-document.ts` holds openapi.yaml as it is
 * written, `$ref`s and all, typed by openapi-types, so that it loads in a browser as well as in Node. Schemas
 * keep their references, which ajv resolves (validation.ts); the few other references (parameters, responses,
 * headers, request bodies) are resolved here, once, into the operations the hosts use.
 */
import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import { openapiDocument, operationSecurity } from './generated/openapi-document.js';
import type { OperationId } from './types.js';

/** The contract's OpenAPI 3.1 document. */
export type OpenApiDocument = OpenAPIV3_1.Document;

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses) from the contract; it may refer to `#/components/schemas/...`. */
export type JsonSchema = Record<string, unknown>;
type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/** A parameter as the contract gives it, its reference resolved. */
type ParameterObject = OpenAPIV3.ParameterObject & { schema: JsonSchema };
/** A response header as the contract gives it, its reference resolved. */
type HeaderObject = OpenAPIV3.HeaderObject & { schema: JsonSchema };

/** One operation of the contract, as the hosts use it. */
export interface Operation {
  operationId: OperationId;
  method: HttpMethod;
  /** The OpenAPI path template, e.g. `/api/v1/customer/orders/{order_id}`. */
  path: string;
  /** Whether a bearer token is required. */
  secured: boolean;
  parameters: ParameterObject[];
  requestBody: { required: boolean; schema: JsonSchema; example: unknown } | undefined;
  /** Documented responses by status code (or `default`), with the contract's example body, if any. */
  responses: Record<string, { schema: JsonSchema | undefined; headers: Record<string, HeaderObject>; contentType: string | undefined; example: unknown }>;
}

type Component = 'parameters' | 'responses' | 'headers' | 'requestBodies';

/** The object a `#/components/<section>/<name>` reference names (references to references followed), or the object itself. */
function resolved<T>(value: unknown, section: Component): T {
  let current: unknown = value;
  for (let hops = 0; current && typeof current === 'object' && '$ref' in current; hops++) {
    const ref = (current as OpenAPIV3_1.ReferenceObject).$ref;
    const prefix = `#/components/${section}/`;
    const found = ref.startsWith(prefix) ? (openapiDocument.components?.[section] as Record<string, unknown> | undefined)?.[ref.slice(prefix.length)] : undefined;
    if (!found || hops > 8) throw new Error(`openapi.yaml: cannot resolve ${ref} as one of components.${section}`);
    current = found;
  }
  return current as T;
}

function headersOf(headers: OpenAPIV3_1.ResponseObject['headers']): Record<string, HeaderObject> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, header]) => [name, resolved<HeaderObject>(header, 'headers')]));
}

/** Every operation of the contract, in document order. */
export function listOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(openapiDocument.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const operationId = op.operationId as OperationId;
      const responses: Operation['responses'] = {};
      for (const [status, raw] of Object.entries(op.responses ?? {})) {
        const response = resolved<OpenAPIV3_1.ResponseObject>(raw, 'responses');
        const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
        responses[status] = { schema: media?.schema as JsonSchema | undefined, contentType, headers: headersOf(response.headers), example: media?.example };
      }
      const requestBody = op.requestBody && resolved<OpenAPIV3_1.RequestBodyObject>(op.requestBody, 'requestBodies');
      const body = requestBody?.content['application/json'];
      operations.push({
        operationId,
        method,
        path,
        secured: operationSecurity[operationId] !== 'none',
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolved<ParameterObject>(p, 'parameters')),
        requestBody: body ? { required: requestBody?.required ?? false, schema: body.schema as JsonSchema, example: body.example } : undefined,
        responses,
      });
    }
  }
  return operations;
}

export { openapiDocument, operationSecurity };
