import { createHandlers, type PortalHandlers } from './create-handlers.js';

/**
 * The handlers of the default scenario on any origin, ready to spread into `setupWorker` or `setupServer`.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { handlers } from '@customer-portal/mocks';
 * const server = setupServer(...handlers);
 */
export const handlers: PortalHandlers = /* @__PURE__ */ createHandlers();
