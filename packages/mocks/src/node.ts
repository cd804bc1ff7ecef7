/**
 * The mocks for Node (tests, scripts): an msw request interceptor over the portal's handlers. Not importable in
 * a browser bundle (the package's `exports` map resolves it to nothing under the `browser` condition).
 */
import { setupServer, type SetupServerApi } from 'msw/node';
import { createHandlers, type MockOptions } from './create-handlers.js';
import type { ScenarioName } from './scenarios/index.js';

export type { MockOptions } from './create-handlers.js';

export type PortalServer = SetupServerApi & {
  /** Data back to the scenario's initial world, and every issued token forgotten. */
  resetState(): void;
  readonly scenario: ScenarioName;
};

/**
 * An msw server that answers every operation of the API with the mocks' stateful behaviour.
 *
 * @example
 * const server = setupPortalServer({ baseUrl: 'http://mock.portal.test' });
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => server.resetState());
 * afterAll(() => server.close());
 */
export function setupPortalServer(options: MockOptions = {}): PortalServer {
  const handlers = createHandlers(options);
  return Object.defineProperties(setupServer(...handlers), {
    resetState: { value: () => handlers.reset() },
    scenario: { value: handlers.scenario },
  }) as PortalServer;
}
