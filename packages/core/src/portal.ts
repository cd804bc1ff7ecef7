/**
 * The one request pipeline every host runs (hono's `app.fetch` is the model):
 *
 *   route -> before sign-in (host steps) -> authenticate -> read and validate
 *         -> around the operation (host steps) -> the operation -> check the response -> answer
 *
 * A host translates HTTP to a `PortalHttpRequest` and the `PortalResponse` back, and adds its own steps in the
 * two places made for them; it never re-implements a step. What each host adds: docs/architecture.md.
 */
import { operationSecurity, type Operation } from './document.js';
import { ApiError, internalError, methodNotAllowed, toApiError, unauthorized } from './errors.js';
import { operations, type ContextBySecurity, type HostAuth } from './operations/index.js';
import { createRouteTable, type RouteTable } from './route-table.js';
import type { CustomerRecord, PortalStore } from './store.js';
import type { FieldError, OperationId, OperationInput } from './types.js';
import { createContractValidator, type ContractValidator, type RawRequest } from './validation.js';

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
