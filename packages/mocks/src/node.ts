/**
 * The mocks for Node (tests, scripts): an msw request interceptor over the portal's handlers. Not importable in
 * a browser bundle (the package's `exports` map resolves it to nothing under the `browser` condition).
 */
import { setupServer, type SetupServerApi } from 'msw/node';
import { createHandlers, type MockControls, type MockOptions } from './create-handlers.js';
import { withControls } from './controls.js';

export type { MockOptions } from './create-handlers.js';
export { loadWorld } from './load-world.js';
export type { WorldFile } from '@customer-portal/core';

export type PortalServer = SetupServerApi &
  MockControls & {
    /** Data back to the initial world; every issued token, override and added fault forgotten. */
    resetState(): void;
  };

/**
 * An msw server that answers every operation of the API with the mocks' stateful behaviour.
 *
 * @example
 * const server = setupPortalServer({ baseUrl: 'http://mock.portal.test', world: (w) => ({ ...w, tickets: [] }) });
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => server.resetState());
 * afterAll(() => server.close());
 */
export function setupPortalServer(options: MockOptions = {}): PortalServer {
  const handlers = createHandlers(options);
  return withControls(setupServer(...handlers), handlers) as PortalServer;
}

