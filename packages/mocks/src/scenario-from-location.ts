import { isScenarioName, scenarios, type ScenarioName } from './scenarios/index.js';

/** The localStorage key that picks a scenario when the page URL does not. */
export const SCENARIO_STORAGE_KEY = 'customer-portal:scenario';

function stored(storage: Pick<Storage, 'getItem'> | null | undefined): string | null {
  try {
    return storage?.getItem(SCENARIO_STORAGE_KEY) ?? null;
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
export function scenarioFromLocation(search: string, storage?: Pick<Storage, 'getItem'> | null): ScenarioName {
  const fromUrl = new URLSearchParams(search).get('scenario');
  const requested = fromUrl || stored(storage);
  if (!requested) return 'default';
  if (isScenarioName(requested)) return requested;
  const source = fromUrl ? '?scenario=' : `localStorage['${SCENARIO_STORAGE_KEY}']`;
  console.warn(
    `[customer-portal mocks] Unknown scenario "${requested}" in ${source}; using "default". Known: ${Object.keys(scenarios).join(', ')}.`,
  );
  return 'default';
}
