import type { Fault } from './chosen-answers.js';
import { scenarios as builtIn } from './scenarios/index.js';
import type { Scenario } from './scenarios/scenario.js';

/** The localStorage key that picks a scenario when the page URL does not. */
export const SCENARIO_STORAGE_KEY = 'customer-portal:scenario';
/** The localStorage key of the fault chosen at run time (the panel writes it), as JSON. */
export const FAULT_STORAGE_KEY = 'customer-portal:fault';

function stored(storage: Pick<Storage, 'getItem'> | null | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    // Storage can refuse access (sandboxed frames, blocked cookies): that only means no stored choice.
    return null;
  }
}

/**
 * The scenario a page asks for: `?scenario=<name>` in its URL wins, then `localStorage['customer-portal:scenario']`,
 * then `default`. An unknown name falls back to `default` with a console warning listing the known ones.
 *
 * @example
 * scenarioFromLocation('?scenario=empty'); // 'empty'
 * scenarioFromLocation(window.location.search, window.localStorage); // what the page asks for
 */
export function scenarioFromLocation(
  search: string,
  storage?: Pick<Storage, 'getItem'> | null,
  known: Record<string, Scenario> = builtIn,
): string {
  const fromUrl = new URLSearchParams(search).get('scenario');
  const requested = fromUrl || stored(storage, SCENARIO_STORAGE_KEY);
  if (!requested) return 'default';
  if (Object.hasOwn(known, requested)) return requested;
  const source = fromUrl ? '?scenario=' : `localStorage['${SCENARIO_STORAGE_KEY}']`;
  console.warn(
    `[customer-portal mocks] Unknown scenario "${requested}" in ${source}; using "default". Known: ${Object.keys(known).join(', ')}.`,
  );
  return 'default';
}

/** The fault kept in `localStorage['customer-portal:fault']`, if any (a damaged entry is none). */
export function storedFault(storage?: Pick<Storage, 'getItem'> | null): Fault | undefined {
  const text = stored(storage, FAULT_STORAGE_KEY);
  if (!text) return undefined;
  try {
    const fault = JSON.parse(text) as unknown;
    return fault && typeof fault === 'object' ? (fault as Fault) : undefined;
  } catch {
    return undefined;
  }
}
