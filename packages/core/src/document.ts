/**
 * The contract as the hosts read it at run time. `generated/openapi-document.ts` holds openapi.yaml with every
 * `$ref` resolved (by Redocly, at generate time), typed by the interfaces below, so that it loads in a browser
 * as well as in Node and nothing at run time follows a reference.
 */
import { openapiDocument, operationSecurity } from './generated/openapi-document.js';
import type { OperationId } from './types.js';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses) from the contract. */
export type JsonSchema = Record<string, unknown>;
type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  description?: string;
  required?: boolean;
  schema: JsonSchema;
  example?: unknown;
}

interface HeaderObject {
  description?: string;
  required?: boolean;
  schema: JsonSchema;
  example?: unknown;
}

interface MediaTypeObject {
  schema: JsonSchema;
  example?: unknown;
}

interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaTypeObject>;
}

/** Which security schemes an operation needs; `[]` (an empty list) means none. */
type SecurityRequirement = Record<string, string[]>;

interface OperationObject {
  operationId: OperationId;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: SecurityRequirement[];
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
}

/** An OpenAPI 3.1 document with no `$ref` left in it. */
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description?: string }[];
  security?: SecurityRequirement[];
  paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes?: Record<string, Record<string, unknown>>;
    parameters?: Record<string, ParameterObject>;
    responses?: Record<string, ResponseObject>;
    headers?: Record<string, HeaderObject>;
  };
}

/** One operation of the contract, as the hosts use it. */
export interface Operation {
  operationId: OperationId;
  method: HttpMethod;
  /** The OpenAPI path template, e.g. `/api/v1/customer/orders/{order_id}`. */
  path: string;
  /** Whether a bearer token is required. */
  secured: boolean;
  parameters: ParameterObject[];
  requestBody: { required: boolean; schema: JsonSchema } | undefined;
  /** Documented responses by status code (or `default`), with the contract's example body, if any. */
  responses: Record<string, { schema: JsonSchema | undefined; headers: Record<string, HeaderObject>; contentType: string | undefined; example: unknown }>;
}

/** Every operation of the contract, in document order. */
export function listOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(openapiDocument.paths)) {
    for (const [method, op] of Object.entries(item) as [HttpMethod, OperationObject][]) {
      const responses: Operation['responses'] = {};
      for (const [status, response] of Object.entries(op.responses)) {
        const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
        responses[status] = { schema: media?.schema, contentType, headers: response.headers ?? {}, example: media?.example };
      }
      const body = op.requestBody?.content['application/json'];
      operations.push({
        operationId: op.operationId,
        method,
        path,
        secured: operationSecurity[op.operationId] !== 'none',
        parameters: op.parameters ?? [],
        requestBody: body ? { required: op.requestBody?.required ?? false, schema: body.schema } : undefined,
        responses,
      });
    }
  }
  return operations;
}

export { openapiDocument, operationSecurity };
