/**
 * The portal's behaviour, environment-free: the contract's operations, its validation and its errors,
 * over a store interface. Runs unchanged in Node (the reference server) and in a browser (the MSW mocks).
 *
 * @example
 * const portal = createPortal({ store: createMemoryStore(), auth });
 * const response = await portal.serve({ method: 'GET', path: '/api/v1/customer/dashboard', query: {}, authorization });
 */

// The route table and the request pipeline every host runs, with the places for a host's own steps.
export {
  bearerToken,
  createPortal,
  createRouteTable,
  describeViolation,
  fillPath,
  inAllowOrder,
  problemResponse,
  type AroundOperation,
  type AroundOperationStep,
  type BeforeSignInStep,
  type ContractViolation,
  type HostSteps,
  type OperationRoute,
  type Portal,
  type PortalHttpRequest,
  type PortalOptions,
  type PortalRequest,
  type PortalResponse,
  type Route,
  type RouteTable,
  type StepRequest,
} from './portal.js';
export type { HostAuth } from './operations.js';
export { BODY_LIMIT_BYTES, isNestedDeeperThan, MAX_JSON_DEPTH, parseJsonBody } from './body.js';
export { itemsAlreadyReturned, profileOf, TOKEN_LIFETIME_SECONDS } from './operations.js';
export { decodeBodyText, loneSurrogates, queryFromText } from './validation.js';

// The contract.
export { listOperations, openapiDocument, operationSecurity, type JsonSchema, type OpenApiDocument, type Operation } from './document.js';
export { createContractValidator, createSchemaChecker, MAX_FIELD_ERRORS, type ContractValidator } from './validation.js';
export type { FieldError, Notification, OperationId, Order, Problem, Return, TicketSummary } from './types.js';

// The one error type, and the errors a host raises itself.
export {
  ApiError,
  PROBLEM_BASE,
  bodyTooDeep,
  internalError,
  malformedBody,
  malformedJson,
  methodNotAllowed,
  payloadTooLarge,
  routeNotFound,
  ruleViolated,
  toApiError,
  tooManySignIns,
  unsupportedMediaType,
  validationFailed,
} from './errors.js';

// The store a host provides, and the in-memory one over the sample world.
export type {
  CustomerPatch,
  CustomerRecord,
  NewMessage,
  NewReturn,
  NewTicket,
  OrderRecord,
  PageOf,
  PortalStore,
  StoredMessage,
  StoredTicket,
  VersionedCustomer,
  VersionedStore,
} from './store.js';
export { laterOf } from './store.js';
export { createMemoryStore, idNumber, type MemoryStore } from './memory-store.js';
export {
  customerRecordOf,
  sampleWorld,
  type SampleCustomer,
  type SampleNotification,
  type SampleOrder,
  type SampleTicket,
  type SampleWorld,
} from './sample-world.js';
export { SAMPLE_ACCOUNTS, type SampleAccount } from './sample-accounts.js';


// Worlds: the file format every host and tool reads, its checks, and worlds generated from a seed.
export { checkWorld, describeBreach, type WorldBreach } from './world-checks.js';
export {
  looksLikeWorldFile,
  readWorldFile,
  WORLD_FORMAT,
  WorldFileError,
  worldFileText,
  worldFileTextPieces,
  type WorldFile,
  type WorldInference,
} from './world-file.js';
export {
  GENERATED_PASSWORD,
  generateWorld,
  generateWorldRecords,
  numbersAfter,
  type FirstNumbers,
  type GenerateWorldOptions,
  type WorldRecord,
} from './generate-world.js';
export { seededRandom } from './seeded-random.js';
