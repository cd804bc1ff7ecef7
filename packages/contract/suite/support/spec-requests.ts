/**
 * Requests built from the contract itself: one per operation, with the spec's parameter and body examples.
 * Tables over "every operation" (every protected one answers 401 without a token, every body-taking one
 * answers 400, 413 and 415) read the operations from here, so a new operation is covered when it is added.
 */
import { fillPath, listOperations, type Operation } from '@customer-portal/core';

interface SpecRequest {
  operation: Operation;
  /** Upper case, as sent. */
  method: string;
  /** The path with the spec's parameter examples filled in, e.g. `/api/v1/customer/orders/ORD123`. */
  path: string;
  /** The spec's request body example, when the operation takes a body. */
  body: unknown;
}

function requestFor(operation: Operation): SpecRequest {
  const examples = Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.example]));
  const body = operation.requestBody?.example;
  return { operation, method: operation.method.toUpperCase(), path: fillPath(operation.path, examples), body };
}

const specRequests: SpecRequest[] = listOperations().map(requestFor);

/** The operations that need a bearer token. */
export const securedRequests = specRequests.filter((r) => r.operation.secured);

/** The operations that take a JSON body. */
export const bodyRequests = specRequests.filter((r) => r.operation.requestBody !== undefined);
