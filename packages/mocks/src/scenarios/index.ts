/**
 * Every scenario the mocks know, by the name used in code (`createHandlers({ scenario })`) and at run time
 * (`?scenario=<name>`). Adding a scenario is adding its file beside this one and one line here.
 */
import { defaultScenario } from './default.js';
import { empty } from './empty.js';
import type { Scenario } from './scenario.js';
import { serverError } from './server-error.js';
import { slow } from './slow.js';

export type { Scenario } from './scenario.js';

/**
 * The scenarios by name.
 *
 * @example
 * for (const [name, scenario] of Object.entries(scenarios)) console.log(name, '-', scenario.description);
 */
export const scenarios = {
  default: defaultScenario,
  empty,
  'server-error': serverError,
  slow,
} satisfies Record<string, Scenario>;

/** The name of a scenario: `'default' | 'empty' | 'server-error' | 'slow'`. */
export type ScenarioName = keyof typeof scenarios;

/** Whether a string names a scenario (own keys only, so `'toString'` is not one). */
export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(scenarios, name);
}
