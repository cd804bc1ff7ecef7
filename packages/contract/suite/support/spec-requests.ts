/**
 * Requests built from the contract itself: one per operation, with the spec's parameter and body examples.
 * Tables over "every operation" (every protected one answers 401 without a token, every body-taking one
 * answers 400, 413 and 415) read the operations from here, so a new operation is covered when it is added.
 */
import { listOperations, openapiDocument, type Operation } from '@customer-portal/core';

export interface SpecRequest {
  operation: Operation;
  /** Upper case, as sent. */
  method: string;
  /** The path with the spec's parameter examples filled in, e.g. `/api/v1/customer/orders/ORD123`. */
  path: string;
  /** The spec's request body example, when the operation takes a body. */
  body: unknown;
}

type RawOperation = { requestBody?: { content?: Record<string, { example?: unknown }> } };
const { paths } = openapiDocument as unknown as { paths: Record<string, Record<string, RawOperation>> };

function requestFor(operation: Operation): SpecRequest {
  let path = operation.path;
  for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
    const example = (parameter as { example?: unknown }).example;
    path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(example)));
  }
  const body = paths[operation.path]?.[operation.method]?.requestBody?.content?.['application/json']?.example;
  return { operation, method: operation.method.toUpperCase(), path, body };
}

export const specRequests: SpecRequest[] = listOperations().map(requestFor);

/** The operations that need a bearer token. */
export const securedRequests = specRequests.filter((r) => r.operation.secured);

/** The operations that take a JSON body. */
export const bodyRequests = specRequests.filter((r) => r.operation.requestBody !== undefined);
