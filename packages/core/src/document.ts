/**
 * The parts of the OpenAPI document the hosts read at run time: its operations, with their method, path,
 * parameters, request body and documented responses. The document itself is generated from openapi.yaml
 * into `generated/openapi-document.ts`, so that it loads in a browser as well as in Node.
 */
import { openapiDocument } from './generated/openapi-document.js';
import type { OperationId } from './types.js';

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface ResponseObject {
  content?: Record<string, { schema?: JsonSchema }>;
  headers?: Record<string, { required?: boolean; schema?: JsonSchema }>;
}

interface OperationObject {
  operationId: string;
  security?: unknown[];
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, ResponseObject | { $ref: string }>;
}

export interface OpenApiDocument {
  security?: unknown[];
  paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters?: Record<string, ParameterObject>;
    responses?: Record<string, ResponseObject>;
    headers?: Record<string, { required?: boolean; schema?: JsonSchema }>;
  };
}

/** One operation of the contract, with every `$ref` to a parameter, response or header resolved. */
export interface Operation {
  operationId: OperationId;
  method: HttpMethod;
  /** The OpenAPI path template, e.g. `/api/v1/customer/orders/{order_id}`. */
  path: string;
  /** Whether a bearer token is required. */
  secured: boolean;
  parameters: ParameterObject[];
  requestBody: { required: boolean; schema: JsonSchema } | undefined;
  /** Documented responses by status code (or `default`). */
  responses: Record<string, { schema: JsonSchema | undefined; requiredHeaders: string[]; contentType: string | undefined }>;
}

function resolve<T>(document: OpenApiDocument, value: T | { $ref: string }): T {
  if (value && typeof value === 'object' && '$ref' in value) {
    const [, , section, name] = value.$ref.split('/');
    const target = (document.components as Record<string, Record<string, unknown> | undefined>)[section!]?.[name!];
    if (!target) throw new Error(`openapi document: unresolved ${value.$ref}`);
    return target as T;
  }
  return value as T;
}

/** Every operation of a document, in document order. */
export function listOperations(document: OpenApiDocument = openapiDocument as OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item) as [HttpMethod, OperationObject][]) {
      const responses: Operation['responses'] = {};
      for (const [status, raw] of Object.entries(op.responses)) {
        const response = resolve(document, raw);
        const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
        const headers = Object.entries(response.headers ?? {}).filter(([, h]) => resolve(document, h).required);
        responses[status] = { schema: media?.schema, contentType, requiredHeaders: headers.map(([name]) => name) };
      }
      const body = op.requestBody?.content['application/json'];
      operations.push({
        operationId: op.operationId as OperationId,
        method,
        path,
        secured: (op.security ?? document.security ?? []).length > 0,
        parameters: (op.parameters ?? []).map((p) => resolve(document, p)),
        requestBody: body ? { required: op.requestBody?.required ?? false, schema: body.schema } : undefined,
        responses,
      });
    }
  }
  return operations;
}

export { openapiDocument };
