import { bearerToken, createMemoryStore, createPortal, problemResponse, toApiError, ApiError, type CustomerRecord, type Operation, type PortalResponse } from '@customer-portal/core';
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { createBackendSide, noBackend } from './backend/backend-side.js';
import type { Exchange, OperationExchange } from './backend/exchange-types.js';
import { createJournal } from './backend/journal.js';
import type { BackendOptions } from './backend/options.js';
import type { ChoiceStore } from './backend/selection.js';
import type { SessionStore } from './backend/sessions.js';
import { documentedProblem } from './documented.js';
import { readRequest, writeResponse, type RequestParts } from './exchange.js';
import { fallbackHandler } from './fallback.js';
import { createFaults, type Fault } from './faults.js';
import { waitFor, type Latency } from './latency.js';
import { malformedUrlHandler } from './malformed-url.js';
import { createMockAuth, type IssuedTokens } from './mock-auth.js';
import { matchesExactly } from './exact-path.js';
import { findOperation, type OperationKey } from './operation-key.js';
import { answerAsResponse, contractBreach, type Override, type OverrideAnswer } from './overrides.js';
import { preferredAnswer, preferredCode } from './prefer-code.js';
import { routePath } from './route-path.js';
import { isScenarioName, scenarios, type Scenario, type ScenarioName } from './scenarios/index.js';
import { sharedValidator } from './shared-validator.js';
import { resolveWorld, type WorldOption } from './world.js';

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
  /**
   * The real backend, serving the operations it has built while the mocks serve the rest: its answers are
   * checked against the contract and journaled, and one sign-in serves both sides. See the README's
   * "Working against a backend half built".
   */
  backend?: BackendOptions;
  /** How many exchanges `journal()` keeps, the oldest going first (default: all; the browser entry keeps 1,000). */
  journalLimit?: number;
  /** Where operations moved at run time are kept (default: memory). The browser entry keeps them in localStorage. */
  backendChoices?: ChoiceStore;
  /** Where the backend's tokens are kept (default: memory). The browser entry keeps them in sessionStorage. */
  backendSessions?: SessionStore;
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
  /** The backend serves these operations (every one when none is named) until `useMocks()` or `reset()`. */
  useBackend(...operations: OperationKey[]): void;
  /** The mocks serve these operations (every one when none is named) until `useBackend()` or `reset()`. */
  useMocks(...operations: OperationKey[]): void;
  /** The backend's base URL (absolute), when the handlers were given one. */
  readonly backendUrl: string | undefined;
  /** Which side serves the operation now (always `'mocks'` without a backend). */
  servedBy(operation: OperationKey): 'mocks' | 'backend';
  /** Every exchange since the start or the last reset or `clearJournal()`, oldest first, secrets masked. */
  journal(): Exchange[];
  /** One operation's exchanges, typed from the contract: `journal('createTicket')[0].request.body.subject`. */
  journal<K extends OperationKey>(operation: K): OperationExchange<K>[];
  /** Empties the journal. */
  clearJournal(): void;
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
  const portal = createPortal({ store, auth, validator });
  const faults = createFaults(portal.operations, standingFaults(scenario));
  const overrides = new Map<string, Override<OperationKey>>();
  const journal = createJournal(options.journalLimit);
  const backend =
    options.backend &&
    createBackendSide({
      backend: options.backend,
      operations: portal.operations,
      validator,
      journal,
      store,
      issueToken: (customerId) => auth.issueToken(customerId),
      mocksBaseUrl: baseUrl,
      choices: options.backendChoices,
      sessions: options.backendSessions,
    });
  const write = (response: PortalResponse) => journal.written(writeResponse(response), response);

  // `journaled` is msw's own request, by which the journal knows the exchange; `request` may be its copy.
  async function answer(operation: Operation, request: Request, parts: RequestParts, journaled: Request): Promise<PortalResponse> {
    const operate = () => portal.handle({ operationId: operation.operationId, ...parts });
    const override = overrides.get(operation.operationId);
    if (!override && !backend) return operate();
    let customer: CustomerRecord | undefined;
    if (backend && operation.secured) {
      // Signed in first, as on the server: without a valid token core answers its own 401.
      const customerId = await auth.verifyToken(bearerToken(parts.authorization) ?? '');
      customer = customerId === undefined ? undefined : await store.getCustomer(customerId);
      if (!customer) return operate();
    }
    // The request is checked first, as the real API would: a bad one is its usual 422, the override not asked.
    let input;
    try {
      input = validator.validateRequest(operation.operationId, parts);
    } catch (error) {
      return problemResponse(toApiError(error));
    }
    const next = backend ? () => backend.around({ operation, input, request: journaled, customer, next: operate }) : operate;
    if (!override) return next();
    if (typeof override !== 'function') return answerAsResponse(override); // checked when it was set
    const response = answerAsResponse(
      await override({ request, ...input, next: async () => (await next()) as OverrideAnswer<OperationKey> } as never),
    );
    const breach = contractBreach(validator, operation, response);
    if (!breach) return response;
    console.error(breach);
    return problemResponse(new ApiError({ status: 500, title: 'Override breaks the contract', slug: 'internal-error', detail: breach }));
  }

  const operationHandlers = portal.operations.map((operation) =>
    http[operation.method](routePath(baseUrl, operation.path), async ({ request, params }) => {
      // Left to the fallback (a 404 problem), as the server answers /API/V1/... or a trailing slash.
      if (!matchesExactly(baseUrl, new URL(request.url), operation.path)) return undefined;
      return journal.record(request, operation.operationId, params, async () => {
        const effect = faults.effectOn(operation, request);
        await waitFor(effect.latency);
        if (effect.outcome === 'network-error') return HttpResponse.error();
        if (effect.outcome) return write(documentedProblem(operation, effect.outcome.status, effect.outcome.detail));
        const code = preferredCode(request.headers.get('Prefer'));
        const preferred = code === undefined ? undefined : preferredAnswer(operation, code);
        if (preferred) return write(preferred);
        const original = overrides.has(operation.operationId) ? request.clone() : request;
        try {
          return write(await answer(operation, original, await readRequest(request, params), request));
        } catch (error) {
          // Only the body can fail here (415, 413, 400): portal.handle never throws.
          return write(problemResponse(toApiError(error)));
        }
      });
    }),
  );

  const controls: MockControls & { reset(): void } = {
    override(key, override) {
      const operation = findOperation(portal.operations, key);
      if (typeof override !== 'function') {
        const breach = contractBreach(validator, operation, answerAsResponse(override));
        if (breach) throw new Error(breach);
      }
      overrides.set(operation.operationId, override as Override<OperationKey>);
      return () => {
        if (overrides.get(operation.operationId) === override) overrides.delete(operation.operationId);
      };
    },
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
    useBackend(...keys) {
      if (!backend) throw noBackend();
      backend.useBackend(keys);
    },
    useMocks(...keys) {
      if (!backend) throw noBackend();
      backend.useMocks(keys);
    },
    journal: ((key?: OperationKey) => {
      const entries = journal.entries();
      if (key === undefined) return entries;
      const { operationId } = findOperation(portal.operations, key);
      return entries.filter((e) => e.operationId === operationId);
    }) as MockControls['journal'],
    clearJournal: () => journal.clear(),
    backendUrl: backend?.baseUrl,
    servedBy: (key) => (backend ? backend.sideOf(findOperation(portal.operations, key).operationId) : 'mocks'),
    reset() {
      store.reset(world);
      auth.forget();
      overrides.clear();
      faults.clear();
      faults.replaceStanding(standingFaults(scenario));
      journal.clear();
      backend?.reset();
    },
  };

  // The fallback's own answers (404, 405, OPTIONS) are journaled without an operation; its HEAD is the GET's.
  const fallback = fallbackHandler(baseUrl, portal.operations, operationHandlers);
  const journaledFallback = http.all(routePath(baseUrl, '/*'), ({ request }) =>
    request.method === 'HEAD' ? getResponse([fallback], request) : journal.record(request, null, {}, () => getResponse([fallback], request)),
  );
  const routes = [...operationHandlers, journaledFallback];
  const list = [malformedUrlHandler(routes), ...routes];
  return Object.defineProperties(list, Object.getOwnPropertyDescriptors(controls)) as PortalHandlers;
}

