/**
 * The headers a documented response declares, with their schemas. core's `Operation` keeps only the names of
 * the required ones; the suite also checks their values (`WWW-Authenticate` starts with `Bearer`,
 * `X-Total-Count` is a non-negative integer).
 */
import { openapiDocument, type JsonSchema, type Operation } from '@customer-portal/core';

export interface DocumentedHeader {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

interface HeaderObject {
  required?: boolean;
  schema?: JsonSchema;
}

type MaybeRef<T> = T | { $ref: string };

const document = openapiDocument as unknown as {
  paths: Record<string, Record<string, { responses: Record<string, MaybeRef<{ headers?: Record<string, MaybeRef<HeaderObject>> }>> }>>;
  components: Record<string, Record<string, unknown>>;
};

function resolve<T>(value: MaybeRef<T>): T {
  if (value && typeof value === 'object' && '$ref' in value) {
    const [, , section, name] = value.$ref.split('/');
    return document.components[section!]?.[name!] as T;
  }
  return value;
}

/** The headers of `operation`'s response documented under `status` (`'200'`, `'default'`). */
export function documentedHeaders(operation: Operation, status: string): DocumentedHeader[] {
  const raw = document.paths[operation.path]?.[operation.method]?.responses[status];
  if (!raw) return [];
  const headers = resolve(raw).headers ?? {};
  return Object.entries(headers).map(([name, header]) => {
    const resolved = resolve(header);
    return { name, required: resolved.required ?? false, schema: resolved.schema ?? {} };
  });
}

/**
 * Why a header value breaks its schema, or undefined when it keeps it. Headers are strings on the wire, so
 * only what a header schema of this contract uses is checked: `type: integer`, `minimum` and `pattern`.
 */
export function headerValueProblem(value: string, schema: JsonSchema): string | undefined {
  if (schema['type'] === 'integer') {
    if (!/^-?\d+$/.test(value.trim())) return `must be an integer, got "${value}"`;
    const minimum = schema['minimum'];
    if (typeof minimum === 'number' && Number(value) < minimum) return `must be >= ${minimum}, got ${value}`;
  }
  const pattern = schema['pattern'];
  if (typeof pattern === 'string' && !new RegExp(pattern).test(value)) return `must match ${pattern}, got "${value}"`;
  return undefined;
}
