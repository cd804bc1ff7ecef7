/**
 * The one request pipeline every host runs (hono's `app.fetch` is the model):
 *
 *   route -> before sign-in (host steps) -> authenticate -> read and validate
 *         -> around the operation (host steps) -> the operation -> check the response -> answer
 *
 * Its first step is the route table every host uses, derived from the contract: a method and a path give the
 * operation and its path parameters, or the methods the path allows, or nothing. Paths match as the contract
 * spells them (case-sensitive, no trailing-slash alias); a parameter is one whole segment; and, as OpenAPI
 * says, a concrete path wins over a templated one (`/orders/return` over `/orders/{order_id}`), so the path
 * alone decides which methods are allowed.
 *
 * A host translates HTTP to a `PortalHttpRequest` and the `PortalResponse` back, and adds its own steps in the
 * two places made for them; it never re-implements a step. What each host adds: docs/architecture.md.
 */
import { listOperations, operationSecurity, type Operation } from './document.js';
import { ApiError, internalError, methodNotAllowed, toApiError, unauthorized } from './errors.js';
import { operations, type ContextBySecurity, type HostAuth } from './operations.js';
import type { CustomerRecord, PortalStore } from './store.js';
import type { FieldError, OperationId, OperationInput } from './types.js';
import { createContractValidator, type ContractValidator, type RawRequest } from './validation.js';

// The route table, from the contract.

/** The methods in the order `Allow` lists them; HEAD is allowed wherever GET is. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** An operation the request is for, with its path parameters as sent, each decoded. */
export type OperationRoute = {
  [K in OperationId]: {
    operationId: K;
    operation: Operation;
    /** The path parameters by the names the contract gives them, still strings: validation coerces them. */
    params: { [P in keyof OperationInput<K>['path']]: string };
  };
}[OperationId];

/** What the table says of one request. */
export type Route =
  | ({ kind: 'operation' } & OperationRoute)
  /** The path exists, the method does not: these methods are allowed (`Allow` order, HEAD beside GET). */
  | { kind: 'method-not-allowed'; allowed: string[] };

export interface RouteTable {
  /** The route of `method` (any case) on `path` (the path below the API's base URL, as sent); undefined for a path the contract does not have. */
  find(method: string, path: string): Route | undefined;
}

interface PathEntry {
  template: string;
  /** The parameters' names, in order; a matcher only for a templated path. */
  names: string[];
  pattern: RegExp | undefined;
  literalSegments: number;
  byMethod: Map<string, Operation>;
  allowed: string[];
}

/**
 * Methods as `Allow` lists them, each once, HEAD beside GET.
 *
 * @example
 * inAllowOrder(['post', 'GET']); // ['GET', 'HEAD', 'POST']
 */
export function inAllowOrder(methods: string[]): string[] {
  const given = new Set(methods.map((method) => method.toUpperCase()));
  if (given.has('GET')) given.add('HEAD');
  return METHOD_ORDER.filter((method) => given.has(method));
}

/**
 * A path template with its parameters filled in, each value URI-encoded: the way back from a route.
 *
 * @example
 * fillPath('/api/v1/customer/orders/{order_id}', { order_id: 'ORD123' }); // '/api/v1/customer/orders/ORD123'
 */
export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(String(values[name])));
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // Kept as sent, as the server's router kept it: validation then names the parameter in a 422.
    return value;
  }
}

function entryOf(template: string, operations: Operation[]): PathEntry {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment);
      if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(parameter[1]!);
      return '([^/]+)';
    })
    .join('/');
  return {
    template,
    names,
    pattern: names.length > 0 ? new RegExp(`^${source}$`) : undefined,
    literalSegments: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
    byMethod: new Map(operations.map((o) => [o.method.toUpperCase(), o])),
    allowed: inAllowOrder(operations.map((o) => o.method)),
  };
}

/**
 * @example
 * const routes = createRouteTable();
 * routes.find('GET', '/api/v1/customer/orders/track/ORD123'); // { kind: 'operation', operationId: 'trackOrder', params: { order_id: 'ORD123' }, ... }
 * routes.find('DELETE', '/api/v1/customer/tickets'); // { kind: 'method-not-allowed', allowed: ['GET', 'HEAD', 'POST'] }
 * routes.find('GET', '/api/v1/customer/wishlist'); // undefined
 */
export function createRouteTable(operations: Operation[] = listOperations()): RouteTable {
  const byPath = new Map<string, Operation[]>();
  for (const operation of operations) byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
  const entries = [...byPath].map(([template, ops]) => entryOf(template, ops));
  const literal = new Map(entries.filter((e) => !e.pattern).map((e) => [e.template, e]));
  const templated = entries.filter((e) => e.pattern).sort((a, b) => b.literalSegments - a.literalSegments);

  return {
    find(method, path) {
      let entry = literal.get(path);
      let values: string[] = [];
      if (!entry) {
        for (const candidate of templated) {
          const found = candidate.pattern!.exec(path);
          if (found) {
            [entry, values] = [candidate, found.slice(1)];
            break;
          }
        }
      }
      if (!entry) return undefined;
      const wanted = method.toUpperCase();
      const operation = entry.byMethod.get(wanted === 'HEAD' ? 'GET' : wanted);
      if (!operation) return { kind: 'method-not-allowed', allowed: entry.allowed };
      const params = Object.fromEntries(entry.names.map((name, i) => [name, decode(values[i]!)]));
      return { kind: 'operation', operationId: operation.operationId, operation, params } as Route;
    },
  };
}

// The pipeline.

/** The parts of a request a host has read, and whatever of its own its steps need (`host`: a Koa context, a fetch Request). */
export type PortalRequest<H = undefined> = RawRequest & {
  operationId: OperationId;
  /** The `Authorization` header as sent, if any. */
  authorization?: string | null | undefined;
  /**
   * Reads and parses the body, called only once the token has been accepted (anonymous clients of a
   * protected operation never reach the body parsers) and only for an operation that takes a body. When
   * given, it replaces `body`.
   */
  readBody?: (() => Promise<unknown>) | undefined;
} & (undefined extends H ? { host?: H } : { host: H });

/** A request as HTTP gave it, before routing. */
export type PortalHttpRequest<H = undefined> = Omit<PortalRequest<H>, 'operationId' | 'path' | 'body'> & {
  method: string;
  /** The path below the API's base URL, as sent (not decoded). */
  path: string;
  body?: unknown;
};

export interface PortalResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value: the operation's result, or a problem document; undefined for no body (204, HEAD). */
  body: unknown;
  /** The body already serialised, when a step kept the bytes it answered before: a host writes these as they are. */
  json?: string;
}

export interface ContractViolation {
  operationId: OperationId;
  status: number;
  errors: FieldError[];
}

/** What a host step is told of the request: the operation it is for, and the request as the host read it. */
export interface StepRequest<H> {
  operation: Operation;
  request: PortalRequest<H>;
}

/**
 * A step before sign-in, for what stands for the network or a server that is down (the mocks' faults and
 * latency): its answer is the response, undefined goes on.
 */
export type BeforeSignInStep<H> = (step: StepRequest<H>) => PortalResponse | undefined | Promise<PortalResponse | undefined>;

/** What a step around the operation is given: the request signed in and validated, and the operation as `next()`. */
export interface AroundOperation<H> extends StepRequest<H> {
  /** The validated input: path and query coerced, defaults filled in, the body parsed. */
  input: OperationInput<OperationId>;
  /** The signed-in customer; undefined for an operation anyone may call (`login`). */
  customer: CustomerRecord | undefined;
  /** The rest of the pipeline (further steps, then the operation and the check of its response); no second sign-in. */
  next(): Promise<PortalResponse>;
}

/**
 * A step around the operation, for the answers a host chooses instead of it (overrides, `Prefer: code=`, a
 * backend passthrough, remembered responses): return `next()`, a changed copy of it, or an answer of its own.
 * An ApiError it throws is answered as its problem.
 */
export type AroundOperationStep<H> = (step: AroundOperation<H>) => Promise<PortalResponse>;

/** A host's own steps, each list run in order (the first step around the operation is the outermost). */
export interface HostSteps<H> {
  beforeSignIn?: BeforeSignInStep<H>[];
  aroundOperation?: AroundOperationStep<H>[];
}

export interface PortalOptions<H = undefined> {
  store: PortalStore;
  auth: HostAuth;
  /** The current time as an RFC 3339 UTC timestamp. */
  now?: () => string;
  /** Check every response against the contract and turn a breach into a 500 (default true). */
  validateResponses?: boolean;
  /** Told about every response that broke the contract (default: a console.error line). */
  onContractViolation?: (violation: ContractViolation) => void;
  /** Told about every error that was not an ApiError (default: console.error). */
  onUnexpectedError?: (error: unknown, operationId: OperationId) => void;
  /** Share one compiled validator between portals (compiling takes a few milliseconds). */
  validator?: ContractValidator;
  /** The host's steps before sign-in and around the operation. */
  steps?: HostSteps<H>;
}

export interface Portal<H = undefined> {
  operations: Operation[];
  /** The contract's route table. */
  routes: RouteTable;
  /**
   * The whole pipeline for an HTTP request: routed by core (a 405 with `Allow`, HEAD as GET without a body,
   * OPTIONS listing the methods), then `handle`. Undefined when the contract has no such path: the host answers
   * `routeNotFound` or passes the request on.
   */
  serve(request: PortalHttpRequest<H>): Promise<PortalResponse | undefined>;
  /** The pipeline from the host's steps before sign-in on, for a request already routed to its operation. */
  handle(request: PortalRequest<H>): Promise<PortalResponse>;
}

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * The token of an `Authorization: Bearer <token>` header; undefined for any other header or none.
 *
 * @example
 * bearerToken('Bearer eyJhbGciOi...'); // 'eyJhbGciOi...'
 */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  return authorization ? BEARER.exec(authorization)?.[1] : undefined;
}

/**
 * A breach of the contract as one line, naming each field: what the server logs and what the mocks say of an
 * override's answer.
 *
 * @example
 * describeViolation(v); // 'getOrder answered 200 against the contract: response.body.total: Total must be at least 0.'
 */
export function describeViolation({ operationId, status, errors }: ContractViolation): string {
  return `${operationId} answered ${status} against the contract: ${errors.map((e) => `${e.location}: ${e.message}`).join(' ')}`;
}

function nowUtc(): string {
  return new Date().toISOString();
}

export function problemResponse(error: ApiError): PortalResponse {
  return {
    status: error.status,
    headers: { 'Content-Type': 'application/problem+json', ...error.headers },
    body: error.toProblem(),
  };
}

/**
 * @example
 * const portal = createPortal({ store: createMemoryStore(), auth });
 * await portal.serve({ method: 'GET', path: '/api/v1/customer/orders', query: { status: 'delivered' }, authorization });
 */
export function createPortal<H = undefined>(options: PortalOptions<H>): Portal<H> {
  const { store, auth, now = nowUtc, validateResponses = true } = options;
  const validator = options.validator ?? createContractValidator();
  const routes = createRouteTable(validator.operations);
  const byId = new Map(validator.operations.map((operation) => [operation.operationId, operation]));
  const beforeSignIn = options.steps?.beforeSignIn ?? [];
  const aroundOperation = options.steps?.aroundOperation ?? [];
  const onContractViolation = options.onContractViolation ?? ((v: ContractViolation) => console.error(describeViolation(v)));
  const onUnexpectedError =
    options.onUnexpectedError ?? ((error: unknown, operationId: OperationId) => console.error(`${operationId} failed:`, error));

  async function authenticate(authorization: string | null | undefined): Promise<CustomerRecord> {
    if (!authorization) throw unauthorized("Sign in and send the token as 'Authorization: Bearer <token>'.");
    const token = bearerToken(authorization);
    if (!token) throw unauthorized("The Authorization header must be 'Bearer <token>'.", 'invalid_token');
    const customerId = await auth.verifyToken(token);
    const customer = customerId === undefined ? undefined : await store.getCustomer(customerId);
    if (!customer) throw unauthorized('The token is invalid or has expired. Sign in again.', 'invalid_token');
    return customer;
  }

  function answerOf(error: unknown, operationId: OperationId): PortalResponse {
    if (!(error instanceof ApiError)) onUnexpectedError(error, operationId);
    return problemResponse(toApiError(error));
  }

  /** The portal's own answers keep the contract, or become a 500 and a report; a host step's answers are its own. */
  function checked(operationId: OperationId, response: PortalResponse): PortalResponse {
    if (!validateResponses) return response;
    const errors = validator.checkResponse(operationId, response.status, response.headers, response.body);
    if (errors.length === 0) return response;
    onContractViolation({ operationId, status: response.status, errors });
    return problemResponse(internalError());
  }

  async function runOperation<K extends OperationId>(operationId: K, input: OperationInput<K>, customer: CustomerRecord | undefined): Promise<PortalResponse> {
    try {
      // The customer is known (or the request refused) for every operation whose security names bearerAuth.
      const context = (operationSecurity[operationId] === 'none' ? { store, auth } : { store, customer: customer!, now }) as ContextBySecurity[keyof ContextBySecurity];
      const result = await operations[operationId](input, context as never);
      return checked(operationId, { status: result.status, headers: { 'Content-Type': 'application/json', ...result.headers }, body: result.body });
    } catch (error) {
      return checked(operationId, answerOf(error, operationId));
    }
  }

  async function handle(request: PortalRequest<H>): Promise<PortalResponse> {
    const { operationId } = request;
    const operation = byId.get(operationId);
    if (!operation) throw new Error(`unknown operation ${operationId}`);
    try {
      for (const step of beforeSignIn) {
        const answer = await step({ operation, request });
        if (answer) return answer;
      }
      let customer: CustomerRecord | undefined;
      let input: OperationInput<OperationId>;
      try {
        // Signed in before anything is read or validated, so that a stranger learns nothing from a 422.
        if (operation.secured) customer = await authenticate(request.authorization);
        // An operation without a request body never reads one, whatever a client sends with a GET.
        const raw = request.readBody && operation.requestBody ? { ...request, body: await request.readBody() } : request;
        input = validator.validateRequest(operationId, raw);
      } catch (error) {
        return checked(operationId, answerOf(error, operationId));
      }
      const run = aroundOperation.reduceRight<() => Promise<PortalResponse>>(
        (next, step) => () => step({ operation, request, input, customer, next }),
        () => runOperation(operationId, input, customer),
      );
      return await run();
    } catch (error) {
      // A host step's own failure: its ApiError is its answer, anything else a bare 500.
      return answerOf(error, operationId);
    }
  }

  return {
    operations: validator.operations,
    routes,
    handle,
    async serve(request) {
      const route = routes.find(request.method, request.path);
      if (!route) return undefined;
      if (route.kind === 'method-not-allowed') {
        if (request.method.toUpperCase() === 'OPTIONS') return { status: 204, headers: { Allow: [...route.allowed, 'OPTIONS'].join(', ') }, body: undefined };
        return problemResponse(methodNotAllowed(request.method, request.path, route.allowed));
      }
      // Named one by one: a spread followed by new keys takes V8's slow path, a few microseconds a request.
      const { query, authorization, readBody, host, body } = request;
      const response = await handle({ operationId: route.operationId, path: route.params, query, body, authorization, readBody, host } as PortalRequest<H>);
      return request.method.toUpperCase() === 'HEAD' ? { status: response.status, headers: response.headers, body: undefined } : response;
    },
  };
}
