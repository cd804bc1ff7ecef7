/**
 * What the journal holds: one exchange per request the handlers saw, and, through `journal('createTicket')`,
 * that operation's exchanges typed from openapi.yaml (the SDK's generated types).
 */
import type { FieldError } from '@customer-portal/core';
import type { OperationKey, OperationOf } from '../operation-key.js';

/** Who answered: the mocks (their world, an override, a fault) or the real backend. */
export type ExchangeSource = 'mocks' | 'backend';

/** One request and its answer, as the journal keeps it (secrets masked). */
export interface Exchange {
  /** The operation the request was routed to; null only when no route matched (a 404, a 405). */
  operationId: string | null;
  method: string;
  /** The URL the app asked for (for a sign-in the mocks made to the backend themselves, the backend's). */
  url: string;
  source: ExchangeSource;
  /** Path parameters and query as sent (strings), and the JSON body as sent (undefined when none). */
  request: { path: Record<string, string>; query: Record<string, string | string[]>; body: unknown };
  /** What the source answered; null when there was no answer (a network fault, an unreachable backend). */
  response: { status: number; headers: Record<string, string>; body: unknown } | null;
  /** A sentence when there was no answer; null otherwise. */
  error: string | null;
  /** How the backend's answer breaks the contract, field by field; empty when it keeps it (always, for the mocks). */
  breaches: FieldError[];
  /** When the request arrived, as an RFC 3339 UTC timestamp. */
  startedAt: string;
  durationMs: number;
}

type ParametersOf<O> = O extends { parameters: infer P } ? P : never;
type Place<O, Where extends 'path' | 'query'> = Where extends keyof ParametersOf<O> ? NonNullable<ParametersOf<O>[Where]> : Record<string, never>;
type Sent<T> = [T] extends [never] ? Record<string, never> : { [P in keyof T]?: string | string[] };
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : undefined;
type ResponsesOf<O> = O extends { responses: infer R } ? R : never;
type JsonOf<R> = R extends { content: infer C } ? (C extends { 'application/json': infer B } ? B : C extends { 'application/problem+json': infer B } ? B : never) : undefined;

/** An exchange of one operation: the request body and the answer typed from the contract. */
export interface OperationExchange<K extends OperationKey> extends Omit<Exchange, 'request' | 'response'> {
  request: {
    path: { [P in keyof Place<OperationOf<K>, 'path'>]: string };
    query: Sent<Place<OperationOf<K>, 'query'>>;
    /** The body as the app sent it, typed as the contract asks for it (a refused body may differ). */
    body: BodyOf<OperationOf<K>>;
  };
  response: {
    status: number;
    headers: Record<string, string>;
    /** The answer's body: one of the operation's documented bodies (a breach is listed in `breaches`). */
    body: { [S in keyof ResponsesOf<OperationOf<K>>]: JsonOf<ResponsesOf<OperationOf<K>>[S]> }[keyof ResponsesOf<OperationOf<K>>];
  } | null;
}
