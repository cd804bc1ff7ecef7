/**
 * Typed overrides: one operation answers what a test says, instead of (or on top of) the mocks' behaviour.
 * Types come from openapi.yaml; at run time the answer is checked against the contract too, so a wrong
 * field fails the test that wrote it, with the field's name.
 */
import type { ContractValidator, FieldError, Operation, PortalResponse } from '@customer-portal/core';
import type { OperationKey, OperationOf } from './operation-key.js';

type ResponsesOf<O> = O extends { responses: infer R } ? R : never;
type JsonOf<R> = R extends { content: infer C }
  ? C extends { 'application/json': infer B }
    ? B
    : C extends { 'application/problem+json': infer B }
      ? B
      : never
  : never;
type Parameters<O> = O extends { parameters: infer P } ? P : never;
type PartOf<P, Place extends 'path' | 'query'> = Place extends keyof P ? (NonNullable<P[Place]> extends never ? Record<string, never> : NonNullable<P[Place]>) : Record<string, never>;
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : undefined;

/** One documented answer of the operation: a status it documents and the body the contract gives it. */
export type OverrideAnswer<K extends OperationKey> = {
  [S in keyof ResponsesOf<OperationOf<K>> & number]: {
    status: S;
    body: JsonOf<ResponsesOf<OperationOf<K>>[S]>;
    /** Extra headers (`X-Total-Count` of a list, `WWW-Authenticate` of a 401); Content-Type is set for you. */
    headers?: Record<string, string>;
  };
}[keyof ResponsesOf<OperationOf<K>> & number];

/** What an override's function is given: the request, already checked against the contract, and `next()`. */
export interface OverrideRequest<K extends OperationKey> {
  request: Request;
  /** Path parameters, coerced to their schema types. */
  path: PartOf<Parameters<OperationOf<K>>, 'path'>;
  /** The query, coerced, with the contract's defaults filled in. */
  query: PartOf<Parameters<OperationOf<K>>, 'query'>;
  body: BodyOf<OperationOf<K>>;
  /** The mocks' own answer to this request (sign-in, rules, world), to pass on or to change. */
  next(): Promise<OverrideAnswer<K>>;
}

/** A fixed answer, or a function of the request that gives one. */
export type Override<K extends OperationKey> =
  | OverrideAnswer<K>
  | ((request: OverrideRequest<K>) => OverrideAnswer<K> | Promise<OverrideAnswer<K>>);

/** An override's answer as core's response, with the Content-Type the contract documents for its status. */
export function answerAsResponse(answer: { status: number; body: unknown; headers?: Record<string, string> }): PortalResponse {
  const contentType = answer.status >= 400 ? 'application/problem+json' : 'application/json';
  return { status: answer.status, headers: { 'Content-Type': contentType, ...answer.headers }, body: answer.body };
}

/** How an answer breaks the contract, as one sentence naming each field; undefined when it keeps it. */
export function contractBreach(validator: ContractValidator, operation: Operation, response: PortalResponse): string | undefined {
  const errors: FieldError[] = validator.checkResponse(operation.operationId, response.status, response.headers, response.body);
  if (errors.length === 0) return undefined;
  return `The override of ${operation.operationId} answers ${response.status} against the contract: ${errors.map((e) => `${e.location} ${e.message}`).join('; ')}.`;
}
