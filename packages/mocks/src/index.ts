/**
 * Stateful MSW handlers for the Customer Portal API: the reference server's own behaviour (packages/core) over
 * an in-memory copy of a world, for any environment. Use `@customer-portal/mocks/browser` to start a service
 * worker and `@customer-portal/mocks/node` for Node tests.
 *
 * @example
 * import { setupWorker } from 'msw/browser';
 * import { handlers } from '@customer-portal/mocks';
 * await setupWorker(...handlers).start({ onUnhandledRequest: 'bypass' });
 */
export { BACKEND_CHOICE_STORAGE_KEY } from './backend/selection.js';
export { BACKEND_SESSIONS_STORAGE_KEY } from './backend/sessions.js';
export { JOURNAL_LIMIT } from './backend/journal.js';
export { MASKED } from './backend/mask.js';
export type { BackendOptions } from './backend/options.js';
export type { Exchange, ExchangeSource, OperationExchange } from './backend/exchange-types.js';
export type { Fault, Latency, Override, OverrideAnswer, OverrideRequest } from './chosen-answers.js';
export { createHandlers, type MockControls, type MockOptions, type PortalHandlers } from './create-handlers.js';
export { handlers } from './handlers.js';
export { TOKEN_LIFETIME_SECONDS } from './mock-auth.js';
export type { OperationKey, OperationPath } from './operation-key.js';
export { FAULT_STORAGE_KEY, scenarioFromLocation, SCENARIO_STORAGE_KEY } from './scenario-from-location.js';
export { isScenarioName, scenarios, type Scenario, type ScenarioName } from './scenarios/index.js';
export { generateWorld, resolveWorld, type GenerateWorldOptions, type SampleWorld, type WorldFile, type WorldOption } from './world.js';
