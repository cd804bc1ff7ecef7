/**
 * The mocks for a browser app: msw's service worker over the portal's handlers. Not importable in Node (the
 * package's `exports` map resolves it to nothing under the `node` condition).
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createHandlers, type MockOptions } from './create-handlers.js';
import { scenarioFromLocation } from './scenario-from-location.js';
import { scenarios, type ScenarioName } from './scenarios/index.js';
import { explainWorkerScript } from './worker-script.js';

export type { MockOptions } from './create-handlers.js';

export interface PortalWorkerOptions extends MockOptions {
  /** Where the app serves msw's worker script (default `/mockServiceWorker.js`; see `npx msw init`). */
  serviceWorkerUrl?: string;
  /** No console output: neither msw's request log nor the scenario line. */
  quiet?: boolean;
}

export type PortalWorker = SetupWorker & {
  /** Data back to the scenario's initial world, and every issued token forgotten. */
  resetState(): void;
  readonly scenario: ScenarioName;
};

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Starts the mocks in the page. Without `scenario`, the page picks it: `?scenario=<name>`, then
 * `localStorage['customer-portal:scenario']`, then `default`. Requests the API does not own go to the network.
 *
 * @example
 * if (import.meta.env.VITE_API_MOCKS === 'msw') {
 *   const { startPortalWorker } = await import('@customer-portal/mocks/browser');
 *   await startPortalWorker({ serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js` });
 * }
 */
export async function startPortalWorker(options: PortalWorkerOptions = {}): Promise<PortalWorker> {
  const { serviceWorkerUrl, quiet = false, ...mockOptions } = options;
  const scenario = mockOptions.scenario ?? scenarioFromLocation(window.location.search, localStorageOrNull());
  const handlers = createHandlers({ ...mockOptions, scenario });
  const worker = setupWorker(...handlers);
  // Before start(), whose failure on a missing script is a bare MIME-type error behind an SPA fallback.
  await explainWorkerScript(serviceWorkerUrl ?? '/mockServiceWorker.js');
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet,
    ...(serviceWorkerUrl ? { serviceWorker: { url: serviceWorkerUrl } } : {}),
  });
  if (!quiet) console.info(`[customer-portal mocks] scenario "${scenario}": ${scenarios[scenario].description}`);
  return Object.defineProperties(worker, {
    resetState: { value: () => handlers.reset() },
    scenario: { value: scenario },
  }) as PortalWorker;
}
