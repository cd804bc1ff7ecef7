/**
 * Faults: an operation (or every one) fails the way a real network and backend do, for every call, for the
 * next N calls, or for the requests a test picks. A fault may answer a documented error status with the
 * contract's problem body, wait (fixed or a range), or fail the connection; latency and an answer combine.
 * Latency is how a fault waits, and what the `delay` option and the `slow` scenario are made of.
 */
import type { BeforeSignInStep, Operation, PortalResponse } from '@customer-portal/core';
import { delay } from 'msw';
import { documentedProblem, documentedStatuses, isDocumented } from './documented.js';
import type { MockHost } from './create-handlers.js';
import { findOperation, type OperationKey } from './operation-key.js';

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
