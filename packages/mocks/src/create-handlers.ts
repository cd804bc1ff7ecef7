/**
 * The mocks' one msw handler and the controls beside it. It is the only HTTP the mocks speak: which requests are
 * the API's (those under the base URL), a fetch `Request` in as core's `PortalHttpRequest`, and core's
 * `PortalResponse` back as a fetch `Response`. Routing and everything after it is core's pipeline, with the
 * mocks' steps in it.
 */
import {
  createMemoryStore,
  createPortal,
  decodeBodyText,
  parseJsonBody,
  problemResponse,
  queryFromText,
  routeNotFound,
  type Operation,
  type PortalHttpRequest,
  type PortalResponse,
} from '@customer-portal/core';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { createBackendSide, noBackend } from './backend/backend-side.js';
import type { Exchange, OperationExchange } from './backend/exchange-types.js';
import { createJournal } from './backend/journal.js';
import type { BackendOptions } from './backend/options.js';
import type { ChoiceStore } from './backend/selection.js';
import type { SessionStore } from './backend/sessions.js';
import { createFaults, createOverrides, preferCodeStep, type Fault, type Latency, type Override } from './chosen-answers.js';
import { createMockAuth, type IssuedTokens } from './mock-auth.js';
import { findOperation, type OperationKey } from './operation-key.js';
import { isScenarioName, scenarios, type Scenario, type ScenarioName } from './scenarios/index.js';
import { sharedValidator } from './shared-validator.js';
import { resolveWorld, type WorldOption } from './world.js';

/** What the mocks' own steps (faults, overrides, `Prefer: code=`) need besides core's parts: the request as sent. */
export interface MockHost {
  request: Request;
}

/**
 * The path below the base URL of a request URL, or undefined when the URL is not under it. An empty base URL
 * means any origin, so the same handlers serve the page's own origin, any dev-server port and a made-up test
 * host alike.
 *
 * @example
 * pathBelow('http://mock.portal.test/portal')(new URL('http://mock.portal.test/portal/auth/login')); // '/auth/login'
 * pathBelow('')(new URL('http://localhost:5173/auth/login')); // '/auth/login'
 */
export function pathBelow(baseUrl: string): (url: URL) => string | undefined {
  if (baseUrl === '') return (url) => url.pathname;
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return (url) => {
    if (url.origin !== base.origin) return undefined;
    if (prefix === '') return url.pathname;
    return url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : undefined;
  };
}

/** Whether a request URL is under the base URL, as `pathBelow` says, by its text: msw asks it of every request. */
function underBase(baseUrl: string): (href: string) => boolean {
  if (baseUrl === '') return () => true;
  const base = new URL(baseUrl);
  const start = `${base.origin}${base.pathname.replace(/\/+$/, '')}/`;
  return (href) => href.startsWith(start);
}

/**
 * The query string as core reads it: a key given once is a string, a repeated key an array. Read by core's
 * queryFromText rather than URLSearchParams, which would read bytes that are not UTF-8 as U+FFFD: such a
 * parameter is refused by name, as the reference server refuses it.
 */
export function queryOf(url: URL): Record<string, string | string[]> {
  return queryFromText(url.search.slice(1));
}

/**
 * The request as core's pipeline reads it. The body is read when core asks (once the token is accepted) and
 * refused with core's ApiError (415, 413 or 400, or 400 for bytes that are not UTF-8, which `request.text()`
 * would read as U+FFFD) exactly as the reference server's body parser refuses it.
 * `host` is the request for the mocks' own steps: a copy when an override may read it, as the body is read once.
 */
export function portalRequestOf(request: Request, url: URL, path: string, host: Request): PortalHttpRequest<MockHost> {
  return {
    method: request.method,
    path,
    query: queryOf(url),
    authorization: request.headers.get('Authorization'),
    readBody: async () => parseJsonBody(request.headers.get('Content-Type'), decodeBodyText(new Uint8Array(await request.arrayBuffer()))),
    host: { request: host },
  };
}

const utf8 = new TextEncoder();

/**
 * Core's answer as an HTTP response, with its status, its headers (Content-Type included) and its body's JSON
 * `text`, if any, as `HttpResponse.json` writes it.
 */
function writeResponse(response: PortalResponse, text: string | undefined): Response {
  if (text === undefined) return new HttpResponse(null, { status: response.status, headers: response.headers });
  const headers = new Headers(response.headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  if (!headers.has('Content-Length')) headers.set('Content-Length', String(utf8.encode(text).byteLength));
  return new HttpResponse(text, { status: response.status, headers });
}

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
  /**
   * The real backend, serving the operations it has built while the mocks serve the rest: its answers are
   * checked against the contract and journaled, and one sign-in serves both sides. See the README's
   * "Working against a backend half built".
   */
  backend?: BackendOptions;
  /** How many exchanges `journal()` keeps, the oldest going first (default 1,000; `Infinity` for all). */
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
  const faults = createFaults(validator.operations, standingFaults(scenario));
  const overrides = createOverrides(validator.operations, validator, store);
  const journal = createJournal(options.journalLimit);
  const backend =
    options.backend &&
    createBackendSide({
      backend: options.backend,
      operations: validator.operations,
      validator,
      journal,
      store,
      issueToken: (customerId) => auth.issueToken(customerId),
      mocksBaseUrl: baseUrl,
      choices: options.backendChoices,
      sessions: options.backendSessions,
    });
  const portal = createPortal<MockHost>({
    store,
    auth,
    validator,
    steps: {
      beforeSignIn: [journal.step, faults.step],
      // The backend innermost, in the operation's place: overrides and `Prefer: code=` answer whichever side
      // serves it, and an override's next() is the backend's answer.
      aroundOperation: [preferCodeStep, overrides.step, ...(backend ? [backend.around] : [])],
    },
  });
  const below = pathBelow(baseUrl);
  const write = (host: MockHost, response: PortalResponse) => {
    const text = response.body === undefined ? undefined : JSON.stringify(response.body);
    journal.written(host, response, text);
    return writeResponse(response, text);
  };

  // One handler for the whole API under the base URL: core routes, and answers 405, HEAD and OPTIONS.
  // A predicate rather than a path pattern, as msw decodes a pattern's parameters and throws on a malformed
  // escape (`%E0%A4%A`); core keeps such a segment as sent and validation names it in a 422.
  const claims = underBase(baseUrl);
  const apiHandler = http.all(
    ({ request }) => claims(request.url),
    async ({ request }) => {
      const url = new URL(request.url);
      const path = below(url)!;
      // An override's function may read the request as sent, and a body is read only once.
      const host = overrides.any ? request.clone() : request;
      const portalRequest = portalRequestOf(request, url, path, host);
      return journal.record(request, portalRequest, async () => {
        const response = await portal.serve(portalRequest);
        if (!response) {
          const ours = path.startsWith(CUSTOMER_API) && request.method !== 'OPTIONS';
          return ours ? write(portalRequest.host!, problemResponse(routeNotFound(request.method, path))) : undefined;
        }
        return response.status === 0 ? HttpResponse.error() : write(portalRequest.host!, response);
      });
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
    useBackend(...keys) {
      if (!backend) throw noBackend();
      backend.useBackend(keys);
    },
    useMocks(...keys) {
      if (!backend) throw noBackend();
      backend.useMocks(keys);
    },
    backendUrl: backend?.baseUrl,
    servedBy: (key) => (backend ? backend.sideOf(findOperation(portal.operations, key).operationId) : 'mocks'),
    journal: ((key?: OperationKey) => {
      const entries = journal.entries();
      if (key === undefined) return entries;
      const { operationId } = findOperation(portal.operations, key);
      return entries.filter((e) => e.operationId === operationId);
    }) as MockControls['journal'],
    clearJournal: () => journal.clear(),
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

  return Object.defineProperties([apiHandler], Object.getOwnPropertyDescriptors(controls)) as PortalHandlers;
}

