/**
 * The answers a test chooses instead of the mocks' own, each a step in core's pipeline at the place where the
 * server would meet the same thing.
 *
 * Before sign-in, faults: what the network and a failing server do, before any token is looked at. An
 * operation (or every one) fails for every call, for the next N calls, or for the requests a test picks: it
 * answers a documented error status with the contract's problem body, waits (fixed or a range), or fails the
 * connection; latency and an answer combine. Latency is how a fault waits, and what the `delay` option and
 * the `slow` scenario are made of.
 *
 * Around the operation, so that they run where the server runs the operation: after sign-in and validation (a
 * request without a valid token is still its 401, a bad one its 422).
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
  type BeforeSignInStep,
  type ContractValidator,
  type Operation,
  type OperationId,
  type operationSecurity,
  type PortalResponse,
  type PortalStore,
} from '@customer-portal/core';
import type { operations as OperationTypes, Profile } from '@customer-portal/sdk';
import { delay } from 'msw';
import { documentedProblem, documentedStatuses, isDocumented } from './documented.js';
import type { MockHost } from './create-handlers.js';
import { findOperation, type OperationKey, type OperationOf } from './operation-key.js';

// Before sign-in: faults and latency, the network and a failing server.

/**
 * How long a mocked response takes: a fixed number of milliseconds, msw's `'realistic'` server time
 * (100 to 400 ms in a browser, a few ms in Node), or a random time in a range.
 */
export type Latency = number | 'realistic' | { min: number; max: number };

/**
 * The milliseconds to wait for one response, or `'realistic'` to leave the choice to msw.
 *
 * @example
 * latencyFor({ min: 400, max: 1200 }, () => 0.5); // 800
 */
export function latencyFor(latency: Latency | undefined, random: () => number = Math.random): number | 'realistic' {
  if (latency === undefined || latency === 'realistic' || typeof latency === 'number') return latency ?? 0;
  return Math.round(latency.min + random() * (latency.max - latency.min));
}

/** Waits as long as the latency says; no latency answers at once, without a timer. */
async function waitFor(latency: Latency | undefined): Promise<void> {
  const ms = latencyFor(latency);
  if (ms === 'realistic') await delay('real');
  else if (ms > 0) await delay(ms);
}

export interface Fault {
  /** The operation, by operationId or `'METHOD /path'`; every operation when left out. */
  operation?: OperationKey;
  /** Answer this status, one the operation documents, with the contract's problem body for it. */
  status?: number;
  /** The problem's `detail` instead of the contract's example sentence. */
  detail?: string;
  /** Wait this long first (milliseconds, `'realistic'` or `{ min, max }`). */
  latency?: Latency;
  /** Fail the request as a dropped connection does: `fetch` rejects with a TypeError. */
  networkError?: boolean;
  /** Only the next N matching calls; then the fault is gone. */
  times?: number;
  /** Only requests this says yes to (a query, a header, a body), e.g. `(request) => request.url.includes('ORD123')`. */
  when?: (request: Request) => boolean;
}

/** What the faults in force make of one request. */
export interface FaultEffect {
  latency?: Latency;
  outcome?: { status: number; detail?: string } | 'network-error';
}

interface ActiveFault {
  fault: Fault;
  operations: Set<string>;
  remaining: number;
}

function describe(fault: Fault): string {
  return fault.operation ? `the fault on ${fault.operation}` : 'the fault on every operation';
}

/** The operations a fault applies to; throws when it names an unknown operation or an undocumented status. */
function operationsOf(fault: Fault, operations: Operation[]): Operation[] {
  const targets = fault.operation ? [findOperation(operations, fault.operation)] : operations;
  if (fault.status !== undefined && fault.networkError) throw new Error(`${describe(fault)} gives both a status and a network error; choose one.`);
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
    throw new Error(`${describe(fault)} has times: ${String(fault.times)}; give a whole number of calls, 1 or more.`);
  }
  if (fault.status !== undefined) {
    const undocumented = targets.filter((o) => !isDocumented(o, fault.status!));
    if (undocumented.length > 0) {
      throw new Error(
        `${describe(fault)} answers ${fault.status}, which ${undocumented
          .map((o) => `${o.operationId} does not document (it documents ${documentedStatuses(o)})`)
          .join('; ')}.`,
      );
    }
  }
  return targets;
}

/**
 * The faults of one handler set: those it was made with stay, those added later go on `clear()`.
 *
 * @example
 * const faults = createFaults(operations, [{ operation: 'login', status: 500, times: 1 }]);
 * createPortal({ ..., steps: { beforeSignIn: [faults.step] } }); // sign-in answers 500 once, then as usual
 */
export function createFaults(operations: Operation[], initial: Fault[] = []) {
  const activate = (fault: Fault): ActiveFault => ({
    fault,
    operations: new Set(operationsOf(fault, operations).map((o) => o.operationId)),
    remaining: fault.times ?? Infinity,
  });
  let standing = initial.map(activate);
  let added: ActiveFault[] = [];

  return {
    /** Adds a fault on top of the others; the newest matching fault decides the latency and the answer. */
    add(fault: Fault): void {
      added.push(activate(fault));
    },
    /** Removes every fault added since the handlers were made. */
    clear(): void {
      added = [];
    },
    /** Replaces the standing faults (a scenario's), keeping the added ones. */
    replaceStanding(faults: Fault[]): void {
      standing = faults.map(activate);
    },
    /**
     * The pipeline step before sign-in, as a real network and backend fail before any token is looked at:
     * waits the latency, then answers the fault's problem or drops the connection (status 0, as fetch's
     * `Response.error()`), or goes on.
     */
    step: (async ({ operation, request }) => {
      const effect = effectOn(operation, request.host!.request);
      await waitFor(effect.latency);
      if (effect.outcome === 'network-error') return DROPPED_CONNECTION;
      return effect.outcome ? documentedProblem(operation, effect.outcome.status, effect.outcome.detail) : undefined;
    }) satisfies BeforeSignInStep<MockHost>,
  };

  /** The latency and answer for this request; a fault limited to N calls counts this one. */
  function effectOn(operation: Operation, request: Request): FaultEffect {
    const effect: FaultEffect = {};
    const all = [...standing, ...added];
    for (let i = all.length - 1; i >= 0; i--) {
      const active = all[i]!;
      const { fault } = active;
      if (active.remaining <= 0 || !active.operations.has(operation.operationId)) continue;
      if (fault.when && !fault.when(request)) continue;
      const outcome = fault.networkError ? 'network-error' : fault.status !== undefined ? { status: fault.status, ...(fault.detail ? { detail: fault.detail } : {}) } : undefined;
      const usesLatency = fault.latency !== undefined && effect.latency === undefined;
      const usesOutcome = outcome !== undefined && effect.outcome === undefined;
      if (!usesLatency && !usesOutcome) continue;
      if (usesLatency) effect.latency = fault.latency!;
      if (usesOutcome) effect.outcome = outcome;
      active.remaining -= 1;
    }
    standing = standing.filter((a) => a.remaining > 0);
    added = added.filter((a) => a.remaining > 0);
    return effect;
  }
}

/** No HTTP answer at all: the status of fetch's `Response.error()`, which the handler answers for it. */
const DROPPED_CONNECTION: PortalResponse = { status: 0, headers: {}, body: undefined };

// Around the operation: overrides.

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

// Around the operation: `Prefer: code=`.

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
