/**
 * The request pipeline every host shares: authenticate, validate against the contract, run the operation,
 * and check the response against the contract. A host only reads HTTP in and writes HTTP out.
 */
import { operationSecurity, type Operation } from './document.js';
import { ApiError, internalError, toApiError, unauthorized } from './errors.js';
import { operations, type ContextBySecurity, type HostAuth } from './operations/index.js';
import type { CustomerRecord, PortalStore } from './store.js';
import type { FieldError, OperationId } from './types.js';
import { createContractValidator, type ContractValidator, type RawRequest } from './validation.js';

export interface PortalRequest extends RawRequest {
  operationId: OperationId;
  /** The `Authorization` header as sent, if any. */
  authorization?: string | null | undefined;
  /**
   * Reads and parses the body, called only once the token has been accepted: anonymous clients of a
   * protected operation never reach the body parsers (issue 16). When given, it replaces `body`.
   */
  readBody?: () => Promise<unknown>;
}

export interface PortalResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value: the operation's result, or a problem document. */
  body: unknown;
}

export interface ContractViolation {
  operationId: OperationId;
  status: number;
  errors: FieldError[];
}

export interface PortalOptions {
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
}

export interface Portal {
  operations: Operation[];
  handle(request: PortalRequest): Promise<PortalResponse>;
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

export function createPortal(options: PortalOptions): Portal {
  const { store, auth, now = nowUtc, validateResponses = true } = options;
  const validator = options.validator ?? createContractValidator();
  const onContractViolation =
    options.onContractViolation ??
    ((v: ContractViolation) =>
      console.error(`contract violation: ${v.operationId} answered ${v.status}: ${v.errors.map((e) => `${e.location}: ${e.message}`).join(' ')}`));
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

  // One way to build the context of each security scheme the contract names; the customer is known (or the
  // request refused with a 401) before the request is validated, so that a stranger learns nothing from a 422.
  const contexts: { [S in keyof ContextBySecurity]: (authorization: PortalRequest['authorization']) => Promise<ContextBySecurity[S]> } = {
    none: async () => ({ store, auth }),
    bearerAuth: async (authorization) => ({ store, customer: await authenticate(authorization), now }),
  };

  async function run<K extends OperationId>(operationId: K, request: PortalRequest): Promise<PortalResponse> {
    const context = await contexts[operationSecurity[operationId]](request.authorization);
    const raw = request.readBody ? { ...request, body: await request.readBody() } : request;
    const input = validator.validateRequest(operationId, raw);
    const result = await operations[operationId](input, context);
    return { status: result.status, headers: { 'Content-Type': 'application/json', ...result.headers }, body: result.body };
  }

  return {
    operations: validator.operations,
    async handle(request) {
      let response: PortalResponse;
      try {
        response = await run(request.operationId, request);
      } catch (error) {
        if (!(error instanceof ApiError)) onUnexpectedError(error, request.operationId);
        response = problemResponse(toApiError(error));
      }
      if (validateResponses) {
        const errors = validator.checkResponse(request.operationId, response.status, response.headers, response.body);
        if (errors.length > 0) {
          onContractViolation({ operationId: request.operationId, status: response.status, errors });
          return problemResponse(internalError());
        }
      }
      return response;
    },
  };
}
