import { createMemoryStore, createPortal, problemResponse, sampleWorld, toApiError, type PortalResponse } from '@customer-portal/core';
import { http, type HttpHandler } from 'msw';
import { readRequest, writeResponse } from './exchange.js';
import { fallbackHandler } from './fallback.js';
import { malformedUrlHandler } from './malformed-url.js';
import { waitFor, type Latency } from './latency.js';
import { createMockAuth } from './mock-auth.js';
import { matchesExactly } from './exact-path.js';
import { routePath } from './route-path.js';
import { isScenarioName, scenarios, type Scenario, type ScenarioName } from './scenarios/index.js';
import { sharedValidator } from './shared-validator.js';

export interface MockOptions {
  /**
   * Where the API is, e.g. `http://mock.portal.test`. The default `''` matches the API's paths on any origin,
   * so relative URLs and any dev-server origin work unchanged.
   */
  baseUrl?: string;
  /** How the API behaves (default `'default'`, the fixtures). */
  scenario?: ScenarioName;
  /** Latency before every response; overrides the scenario's (`slow` has 400 to 1200 ms). */
  delay?: Latency;
}

/** The handlers of every operation, spreadable into `setupServer`/`setupWorker`, over their own state. */
export type PortalHandlers = HttpHandler[] & {
  /** Back to the scenario's initial world, forgetting every write and every issued token. */
  reset(): void;
  readonly scenario: ScenarioName;
};

function scenarioNamed(name: ScenarioName): Scenario {
  if (!isScenarioName(name)) {
    throw new Error(`Unknown mock scenario "${String(name)}"; use one of ${Object.keys(scenarios).join(', ')}.`);
  }
  return scenarios[name];
}

/**
 * Stateful MSW handlers for every operation of openapi.yaml, running core's behaviour (validation, auth rules,
 * operations, problem documents) over an in-memory copy of the scenario's world. Each call makes an independent
 * world: writes persist across requests of the same handler set until `reset()`.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * const handlers = createHandlers({ baseUrl: 'http://mock.portal.test', scenario: 'empty' });
 * const server = setupServer(...handlers);
 * server.listen();
 * afterEach(() => handlers.reset());
 */
export function createHandlers(options: MockOptions = {}): PortalHandlers {
  const name = options.scenario ?? 'default';
  const scenario = scenarioNamed(name);
  const baseUrl = options.baseUrl ?? '';
  const latency = options.delay ?? scenario.delay;
  const initialWorld = () => scenario.world?.() ?? sampleWorld();

  const store = createMemoryStore(initialWorld());
  const auth = createMockAuth();
  const portal = createPortal({ store, auth, validator: sharedValidator() });

  const operationHandlers = portal.operations.map((operation) =>
    http[operation.method](routePath(baseUrl, operation.path), async ({ request, params }) => {
      // Left to the fallback (a 404 problem), as the server answers /API/V1/... or a trailing slash.
      if (!matchesExactly(baseUrl, new URL(request.url), operation.path)) return undefined;
      await waitFor(latency);
      let response: PortalResponse | undefined = scenario.respond?.(operation, request);
      if (!response) {
        try {
          response = await portal.handle({ operationId: operation.operationId, ...(await readRequest(request, params)) });
        } catch (error) {
          // Only the body can fail here (415, 413, 400): portal.handle itself never throws.
          response = problemResponse(toApiError(error));
        }
      }
      return writeResponse(response);
    }),
  );

  const routes = [...operationHandlers, fallbackHandler(baseUrl, portal.operations, operationHandlers)];
  return Object.defineProperties([malformedUrlHandler(routes), ...routes], {
    reset: {
      value: () => {
        store.reset(initialWorld());
        auth.forget();
      },
    },
    scenario: { value: name, enumerable: false },
  }) as PortalHandlers;
}
