import { createMemoryStore, createPortal, problemResponse, routeNotFound, type Operation } from '@customer-portal/core';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { pathBelow, portalRequestOf, writeResponse, type MockHost } from './exchange.js';
import { createFaults, type Fault } from './faults.js';
import type { Latency } from './latency.js';
import { createMockAuth, type IssuedTokens } from './mock-auth.js';
import type { OperationKey } from './operation-key.js';
import { createOverrides, type Override } from './overrides.js';
import { preferCodeStep } from './prefer-code.js';
import { isScenarioName, scenarios, type Scenario, type ScenarioName } from './scenarios/index.js';
import { sharedValidator } from './shared-validator.js';
import { resolveWorld, type WorldOption } from './world.js';

/** Only this prefix is claimed for unknown paths: with an any-origin base URL, `/auth/*` could be anyone's. */
const CUSTOMER_API = '/api/v1/customer/';

export interface MockOptions {
  /**
   * Where the API is, e.g. `http://mock.portal.test`. The default `''` matches the API's paths on any origin,
   * so relative URLs and any dev-server origin work unchanged.
   */
  baseUrl?: string;
  /** How the API behaves: a built-in scenario's name (default `'default'`) or a scenario of your own. */
  scenario?: ScenarioName | Scenario;
  /**
   * The data: a world, or a function from the sample world to one. A scenario's own world function is applied
   * to it (`empty` empties it); a scenario's world object replaces it.
   */
  world?: WorldOption;
  /** Faults in force from the start, on top of the scenario's; `reset()` keeps them. */
  faults?: Fault[];
  /** Latency before every response, whatever the scenario says (`slow` has 400 to 1200 ms). */
  delay?: Latency;
  /** Seconds a mock token stays valid (default 3600, the reference server's). */
  tokenLifetimeSeconds?: number;
  /** Where issued tokens are kept (default: memory). The browser entry keeps them in sessionStorage. */
  issuedTokens?: IssuedTokens;
}

/** What a test or a page can change on a running handler set, beside its data. */
export interface MockControls {
  /** One operation answers this instead of the mocks' behaviour, until `reset()`; returns the undo. */
  override<K extends OperationKey>(operation: K, override: NoInfer<Override<K>>): () => void;
  /** A fault on top of the others, until `clearFaults()` or `reset()`. */
  fault(fault: Fault): void;
  /** Removes every fault added with `fault()`; those the handlers were made with stay. */
  clearFaults(): void;
  /** Switches to another scenario's world and faults in place: signed-in sessions, overrides and added faults stay. */
  useScenario(scenario: ScenarioName | Scenario, name?: string): void;
  /** The scenario in force: its name, or `'custom'` for a scenario object given without one. */
  readonly scenario: string;
  /** The operations of the contract the handlers answer. */
  readonly operations: Operation[];
}

/** The handlers of every operation, spreadable into `setupServer`/`setupWorker`, over their own state. */
export type PortalHandlers = HttpHandler[] &
  MockControls & {
    /** Back to the initial world, forgetting every write, issued token, override and added fault. */
    reset(): void;
  };

function scenarioOf(scenario: ScenarioName | Scenario): Scenario {
  if (typeof scenario === 'object') return scenario;
  if (!isScenarioName(scenario)) {
    throw new Error(`Unknown mock scenario "${String(scenario)}"; use one of ${Object.keys(scenarios).join(', ')}, or a Scenario object.`);
  }
  return scenarios[scenario];
}

/**
 * Stateful MSW handlers for every operation of openapi.yaml, running core's behaviour (validation, auth rules,
 * operations, problem documents) over an in-memory copy of a world. Each call makes an independent world:
 * writes persist across requests of the same handler set until `reset()`.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * const handlers = createHandlers({ world: (w) => ({ ...w, tickets: [] }), faults: [{ operation: 'login', status: 429, times: 1 }] });
 * const server = setupServer(...handlers);
 * server.listen();
 * afterEach(() => handlers.reset());
 */
export function createHandlers(options: MockOptions = {}): PortalHandlers {
  const baseUrl = options.baseUrl ?? '';
  const validator = sharedValidator();
  let scenarioName = typeof options.scenario === 'object' ? 'custom' : (options.scenario ?? 'default');
  let scenario = scenarioOf(options.scenario ?? 'default');
  let world = resolveWorld(options.world, scenario.world);
  const standingFaults = (s: Scenario): Fault[] => [...(s.faults ?? []), ...(options.faults ?? []), ...(options.delay !== undefined ? [{ latency: options.delay }] : [])];

  const store = createMemoryStore(world);
  const auth = createMockAuth({ tokenLifetimeSeconds: options.tokenLifetimeSeconds, issued: options.issuedTokens });
  const faults = createFaults(validator.operations, standingFaults(scenario));
  const overrides = createOverrides(validator.operations, validator, store);
  const portal = createPortal<MockHost>({
    store,
    auth,
    validator,
    steps: { beforeSignIn: [faults.step], aroundOperation: [preferCodeStep, overrides.step] },
  });
  const below = pathBelow(baseUrl);

  // One handler for the whole API under the base URL: core routes, and answers 405, HEAD and OPTIONS.
  // A predicate rather than a path pattern, as msw decodes a pattern's parameters and throws on a malformed
  // escape (`%E0%A4%A`); core keeps such a segment as sent and validation names it in a 422.
  const apiHandler = http.all(
    ({ request }) => below(new URL(request.url)) !== undefined,
    async ({ request }) => {
      const url = new URL(request.url);
      const path = below(url)!;
      // An override's function may read the request as sent, and a body is read only once.
      const host = overrides.any ? request.clone() : request;
      const response = await portal.serve(portalRequestOf(request, url, path, host));
      if (!response) {
        const ours = path.startsWith(CUSTOMER_API) && request.method !== 'OPTIONS';
        return ours ? writeResponse(problemResponse(routeNotFound(request.method, path))) : undefined;
      }
      return response.status === 0 ? HttpResponse.error() : writeResponse(response);
    },
  );

  const controls: MockControls & { reset(): void } = {
    override: (key, override) => overrides.set(key, override as Override<OperationKey>),
    fault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    useScenario(next, name) {
      scenario = scenarioOf(next);
      scenarioName = name ?? (typeof next === 'string' ? next : 'custom');
      world = resolveWorld(options.world, scenario.world);
      store.reset(world);
      faults.replaceStanding(standingFaults(scenario));
    },
    get scenario() {
      return scenarioName;
    },
    operations: portal.operations,
    reset() {
      store.reset(world);
      auth.forget();
      overrides.clear();
      faults.clear();
      faults.replaceStanding(standingFaults(scenario));
    },
  };

  return Object.defineProperties([apiHandler], Object.getOwnPropertyDescriptors(controls)) as PortalHandlers;
}

