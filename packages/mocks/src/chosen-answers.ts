/**
 * The answers a test chooses instead of the mocks' own, both steps around the operation in core's pipeline, so
 * that they run where the server runs the operation: after sign-in and validation (a request without a valid
 * token is still its 401, a bad one its 422).
 *
 * - Typed overrides: one operation answers what a test says, instead of (or on top of) the mocks' behaviour.
 *   Types come from openapi.yaml; at run time the answer is checked against the contract too, so a wrong
 *   field fails the test that wrote it, with the field's name.
 * - `Prefer: code=404`, the request header Prism honours to pick a documented response, honoured here the same
 *   way so one habit serves both mocks. Only a status the operation documents can be asked for.
 */
import {
  ApiError,
  describeViolation,
  problemResponse,
  profileOf,
  type AroundOperationStep,
  type ContractValidator,
  type Operation,
  type OperationId,
  type operationSecurity,
  type PortalResponse,
  type PortalStore,
} from '@customer-portal/core';
import type { operations as OperationTypes, Profile } from '@customer-portal/sdk';
import { documentedProblem, documentedStatuses, isDocumented } from './documented.js';
import type { MockHost } from './create-handlers.js';
import { findOperation, type OperationKey, type OperationOf } from './operation-key.js';

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
/** The operationId a key names (a `'METHOD /path'` key names the same operation object as its id). */
type IdOf<K extends OperationKey> = {
  [Id in OperationId]: [OperationTypes[Id]] extends [OperationOf<K>] ? ([OperationOf<K>] extends [OperationTypes[Id]] ? Id : never) : never;
}[OperationId];

/** One documented answer of the operation: a status it documents and the body the contract gives it. */
export type OverrideAnswer<K extends OperationKey> = {
  [S in keyof ResponsesOf<OperationOf<K>> & number]: {
    status: S;
    body: JsonOf<ResponsesOf<OperationOf<K>>[S]>;
    /** Extra headers (`X-Total-Count` of a list, `WWW-Authenticate` of a 401); Content-Type is set for you. */
    headers?: Record<string, string>;
  };
}[keyof ResponsesOf<OperationOf<K>> & number];

/** What an override's function is given: the request, signed in and checked against the contract, and `next()`. */
export interface OverrideRequest<K extends OperationKey> {
  request: Request;
  /** The signed-in customer, as the contract's profile shows them; undefined for an operation anyone may call (`login`). */
  customer: (typeof operationSecurity)[IdOf<K>] extends 'none' ? undefined : Profile;
  /** Path parameters, coerced to their schema types. */
  path: PartOf<Parameters<OperationOf<K>>, 'path'>;
  /** The query, coerced, with the contract's defaults filled in. */
  query: PartOf<Parameters<OperationOf<K>>, 'query'>;
  body: BodyOf<OperationOf<K>>;
  /** The mocks' own answer to this request (rules, world), to pass on or to change; the customer is not signed in again. */
  next(): Promise<OverrideAnswer<K>>;
}

/** A fixed answer, or a function of the request that gives one. */
export type Override<K extends OperationKey> =
  | OverrideAnswer<K>
  | ((request: OverrideRequest<K>) => OverrideAnswer<K> | Promise<OverrideAnswer<K>>);

/** An override's answer as core's response, with the Content-Type the contract documents for its status. */
function answerAsResponse(answer: { status: number; body: unknown; headers?: Record<string, string> }): PortalResponse {
  const contentType = answer.status >= 400 ? 'application/problem+json' : 'application/json';
  return { status: answer.status, headers: { 'Content-Type': contentType, ...answer.headers }, body: answer.body };
}

/** How an answer breaks the contract, as one sentence naming each field; undefined when it keeps it. */
function contractBreach(validator: ContractValidator, operation: Operation, response: PortalResponse): string | undefined {
  const { operationId } = operation;
  const errors = validator.checkResponse(operationId, response.status, response.headers, response.body);
  return errors.length === 0 ? undefined : `The override: ${describeViolation({ operationId, status: response.status, errors })}`;
}

/**
 * The overrides of one handler set, and the pipeline step that answers with them.
 *
 * @example
 * const overrides = createOverrides(portal.operations, validator, store);
 * const undo = overrides.set('getProfile', ({ next }) => next());
 * createPortal({ ..., steps: { aroundOperation: [overrides.step] } });
 */
export function createOverrides(operations: Operation[], validator: ContractValidator, store: PortalStore) {
  const overrides = new Map<string, Override<OperationKey>>();

  const step: AroundOperationStep<MockHost> = async ({ operation, request, input, customer, next }) => {
    const override = overrides.get(operation.operationId);
    if (!override) return next();
    if (typeof override !== 'function') return answerAsResponse(override); // checked when it was set
    const given = { request: request.host!.request, customer: customer && (await profileOf(customer, store)), ...input, next };
    const response = answerAsResponse(await override(given as never));
    const breach = contractBreach(validator, operation, response);
    if (!breach) return response;
    console.error(breach);
    return problemResponse(new ApiError({ status: 500, title: 'Override breaks the contract', slug: 'internal-error', detail: breach }));
  };

  return {
    /** Whether any override is in force (the request is then kept whole for the override's function). */
    get any(): boolean {
      return overrides.size > 0;
    },
    /** Sets the operation's override, a fixed answer checked now; returns the undo. */
    set<K extends OperationKey>(key: K, override: Override<K>): () => void {
      const operation = findOperation(operations, key);
      if (typeof override !== 'function') {
        const breach = contractBreach(validator, operation, answerAsResponse(override));
        if (breach) throw new Error(breach);
      }
      overrides.set(operation.operationId, override as Override<OperationKey>);
      return () => {
        if (overrides.get(operation.operationId) === override) overrides.delete(operation.operationId);
      };
    },
    clear(): void {
      overrides.clear();
    },
    step,
  };
}

/** The status a `Prefer` header asks for (`code=404`, among other preferences), if any; NaN when it is not a number. */
function preferredCode(prefer: string | null): number | undefined {
  if (!prefer) return undefined;
  for (const preference of prefer.split(/[,;]/)) {
    const [name, value = ''] = preference.split('=').map((s) => s.trim());
    if (name?.toLowerCase() === 'code') return /^[1-5][0-9]{2}$/.test(value.replace(/^"|"$/g, '')) ? Number(value.replace(/^"|"$/g, '')) : NaN;
  }
  return undefined;
}

/**
 * What to answer for a `Prefer: code=` request: the contract's problem for a documented error status, a 400
 * problem for a status the operation does not document, and nothing for a documented success (the mocks
 * answer it from their world, as they always do).
 */
function preferredAnswer(operation: Operation, code: number): PortalResponse | undefined {
  if (Number.isNaN(code) || !isDocumented(operation, code)) {
    return problemResponse(
      new ApiError({
        status: 400,
        title: 'Bad request',
        slug: 'prefer-code-not-documented',
        detail: `The Prefer header asks for a status ${operation.operationId} does not document; ask for one of ${documentedStatuses(operation)}.`,
      }),
    );
  }
  return code >= 400 ? documentedProblem(operation, code) : undefined;
}

/** The pipeline step: the answer a `Prefer: code=` header asks for, or the operation's. */
export const preferCodeStep: AroundOperationStep<MockHost> = async ({ operation, request, next }) => {
  const code = preferredCode(request.host!.request.headers.get('Prefer'));
  return (code === undefined ? undefined : preferredAnswer(operation, code)) ?? next();
};
