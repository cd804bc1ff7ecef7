import type { Operation, PortalResponse, SampleWorld } from '@customer-portal/core';
import type { Latency } from '../latency.js';

/**
 * One way the mocked API can behave. Every field is optional: a scenario only says how it differs from the
 * documented sample world answering at once.
 *
 * @example
 * // src/scenarios/maintenance.ts, then one line in src/scenarios/index.ts
 * export const maintenance = {
 *   description: 'Every call is a 503 while the portal is down for maintenance.',
 *   respond: () => ({ status: 503, headers: { 'Content-Type': 'application/problem+json' }, body: { ... } }),
 * } satisfies Scenario;
 */
export interface Scenario {
  /** One sentence for humans, printed in the browser console when the worker starts. */
  description: string;
  /** The world the handlers start from and `reset()` returns to (default: the fixtures). */
  world?: () => SampleWorld;
  /** Latency before every response, unless the handlers' own `delay` option overrides it. */
  delay?: Latency;
  /**
   * An answer that replaces the portal's, before any parsing or authentication; `undefined` lets the portal
   * answer. The response must still keep the contract (a documented status and a problem body for errors).
   */
  respond?: (operation: Operation, request: Request) => PortalResponse | undefined;
}
