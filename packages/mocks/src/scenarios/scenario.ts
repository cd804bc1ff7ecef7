import type { Fault } from '../chosen-answers.js';
import type { WorldOption } from '../world.js';

/**
 * One way the mocked API can behave, written with the same two parts a test uses: a world (the data) and
 * faults (how calls fail or slow down). Every field but `description` is optional. A team writes its own in
 * its own repository and passes it as `createHandlers({ scenario })`, or lists it in
 * `startPortalWorker({ scenarios })` to pick it at run time.
 *
 * @example
 * import type { Scenario } from '@customer-portal/mocks';
 * export const maintenance = {
 *   description: 'Every call is a 503 while the portal is down for maintenance.',
 *   faults: [{ status: 503, detail: 'The portal is down for maintenance until 06:00.' }],
 * } satisfies Scenario;
 */
export interface Scenario {
  /** One sentence for humans, printed in the browser console when the worker starts and shown in the panel. */
  description: string;
  /** The world the handlers start from and `reset()` returns to (default: the sample world of fixtures/). */
  world?: WorldOption;
  /** Faults in force for the whole scenario. */
  faults?: Fault[];
}
