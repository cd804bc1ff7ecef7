/**
 * The mocks for a browser app: msw's service worker over the portal's handlers. Not importable in Node (the
 * package's `exports` map resolves it to nothing under the `node` condition).
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { BACKEND_CHOICE_STORAGE_KEY, type ChoiceStore } from './backend/selection.js';
import { BACKEND_SESSIONS_STORAGE_KEY, type SessionStore } from './backend/sessions.js';
import { withControls } from './controls.js';
import { createHandlers, type MockControls, type MockOptions } from './create-handlers.js';
import type { Fault } from './chosen-answers.js';
import { FAULT_STORAGE_KEY, scenarioFromLocation, SCENARIO_STORAGE_KEY, storedFault } from './scenario-from-location.js';
import { scenarios as builtIn, type Scenario } from './scenarios/index.js';
import { sessionTokens } from './session-tokens.js';
import { explainWorkerScript } from './worker-script.js';

export type { MockOptions } from './create-handlers.js';

export interface PortalWorkerOptions extends Omit<MockOptions, 'scenario'> {
  /** Where the app serves msw's worker script (default `/mockServiceWorker.js`; see `npx msw init`). */
  serviceWorkerUrl?: string;
  /** No console output: neither msw's request log nor the scenario line. */
  quiet?: boolean;
  /** The scenarios the page can pick by name (default: the built-in ones); add your own beside them. */
  scenarios?: Record<string, Scenario>;
  /** The scenario, by name; without it the page picks (`?scenario=`, then localStorage, then `default`). */
  scenario?: string;
}

export type PortalWorker = SetupWorker &
  MockControls & {
    /** Data back to the scenario's initial world; every issued token, override and added fault forgotten. */
    resetState(): void;
    /** The scenarios this page can switch between, by name. */
    readonly scenarios: Record<string, Scenario>;
    /** Switches scenario by name in place (no reload) and remembers the choice for the next load. */
    chooseScenario(name: string): void;
    /** Replaces the run-time fault (none with `undefined`) and remembers it for the next load (unless it has `when`). */
    chooseFault(fault: Fault | undefined): void;
    /** The run-time fault chosen with `chooseFault` (or kept from an earlier load). */
    readonly chosenFault: Fault | undefined;
  };

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

function remember(key: string, value: string | undefined): void {
  try {
    if (value === undefined) storage('localStorage')?.removeItem(key);
    else storage('localStorage')?.setItem(key, value);
  } catch {
    // Storage refused: the choice holds until the page reloads.
  }
}

/** A JSON record kept under one key of a storage, read back empty when missing or damaged. */
function storedRecord<T extends Record<string, string>>(kind: 'localStorage' | 'sessionStorage', key: string): { load(): T; save(record: T): void } {
  return {
    load() {
      try {
        const value = JSON.parse(storage(kind)?.getItem(key) ?? '{}') as unknown;
        return (value && typeof value === 'object' ? value : {}) as T;
      } catch {
        return {} as T;
      }
    },
    save(record) {
      try {
        if (Object.keys(record).length === 0) storage(kind)?.removeItem(key);
        else storage(kind)?.setItem(key, JSON.stringify(record));
      } catch {
        // Storage refused: the choice holds until the page reloads.
      }
    },
  };
}

/**
 * Starts the mocks in the page. Without `scenario`, the page picks it: `?scenario=<name>`, then
 * `localStorage['customer-portal:scenario']`, then `default`; a fault chosen at run time is kept in
 * `localStorage['customer-portal:fault']`. Issued tokens live in sessionStorage, so a reload keeps the customer
 * signed in. Requests the API does not own go to the network.
 *
 * @example
 * if (import.meta.env.MODE === 'mock') {
 *   const { startPortalWorker } = await import('@customer-portal/mocks/browser');
 *   const worker = await startPortalWorker({ serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js` });
 *   worker.chooseFault({ operation: 'listOrders', status: 500 }); // or pick it in the panel
 * }
 */
export async function startPortalWorker(options: PortalWorkerOptions = {}): Promise<PortalWorker> {
  const { serviceWorkerUrl, quiet = false, scenarios = builtIn, scenario: requested, ...mockOptions } = options;
  const known: Record<string, Scenario> = { ...scenarios };
  const name = requested ?? scenarioFromLocation(window.location.search, storage('localStorage'), known);
  if (!Object.hasOwn(known, name)) throw new Error(`Unknown mock scenario "${name}"; use one of ${Object.keys(known).join(', ')}.`);
  const handlers = createHandlers({
    issuedTokens: sessionTokens(storage('sessionStorage')),
    // Operations moved in the panel stay moved across reloads; the backend's tokens live as the mocks' do.
    backendChoices: storedRecord<ReturnType<ChoiceStore['load']>>('localStorage', BACKEND_CHOICE_STORAGE_KEY),
    backendSessions: storedRecord<ReturnType<SessionStore['load']>>('sessionStorage', BACKEND_SESSIONS_STORAGE_KEY),
    ...mockOptions,
  });
  handlers.useScenario(known[name]!, name);
  let chosenFault = storedFault(storage('localStorage'));
  if (chosenFault) {
    try {
      handlers.fault(chosenFault);
    } catch (error) {
      console.warn(`[customer-portal mocks] The stored fault is not used: ${(error as Error).message}`);
      chosenFault = undefined;
      remember(FAULT_STORAGE_KEY, undefined);
    }
  }
  const worker = setupWorker(...handlers);
  // Before start(), whose failure on a missing script is a bare MIME-type error behind an SPA fallback.
  await explainWorkerScript(serviceWorkerUrl ?? '/mockServiceWorker.js');
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet,
    ...(serviceWorkerUrl ? { serviceWorker: { url: serviceWorkerUrl } } : {}),
  });
  if (!quiet) console.info(`[customer-portal mocks] scenario "${name}": ${known[name]!.description}`);
  return Object.defineProperties(withControls(worker, handlers), {
    scenarios: { value: known },
    chooseScenario: {
      value: (next: string) => {
        if (!Object.hasOwn(known, next)) throw new Error(`Unknown mock scenario "${next}"; use one of ${Object.keys(known).join(', ')}.`);
        handlers.useScenario(known[next]!, next);
        remember(SCENARIO_STORAGE_KEY, next);
      },
    },
    chooseFault: {
      value: (fault: Fault | undefined) => {
        handlers.clearFaults();
        if (fault) handlers.fault(fault);
        chosenFault = fault;
        // A `when` function cannot be stored: such a fault holds for this load only.
        remember(FAULT_STORAGE_KEY, fault && !fault.when ? JSON.stringify(fault) : undefined);
      },
    },
    chosenFault: { get: () => chosenFault },
  }) as PortalWorker;
}
