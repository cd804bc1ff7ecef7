/**
 * The MSW mocks (packages/mocks) in the test process: msw patches that process's fetch, so this target starts
 * inside each vitest worker, on a fake origin that no network request could reach by mistake.
 */
import type * as NodeMocks from '@customer-portal/mocks/node';
import type { RequestHandler } from 'msw';
import { ALL_CAPABILITIES } from '../capabilities.js';
import type { ContractOptions } from '../options.js';
import { importPeer } from './optional-peer.js';
import type { ContractTarget, RunningTarget } from './types.js';

const MSW_BASE_URL = 'http://portal.mock.test';

/** Handlers from `--msw-handlers <module>` (its default export), to try a change in front of the mocks. */
async function extraHandlers(module: string | undefined): Promise<RequestHandler[]> {
  if (!module) return [];
  const { pathToFileURL } = await import('node:url');
  const loaded = (await import(pathToFileURL(module).href)) as { default?: unknown };
  if (!Array.isArray(loaded.default)) throw new Error(`${module} must export a list of MSW handlers as its default export.`);
  return loaded.default as RequestHandler[];
}

export const mswTarget: ContractTarget = {
  name: 'msw',
  description: 'the MSW mocks (packages/mocks) in Node, on a fresh in-memory sample world',
  runsIn: 'worker',
  async preflight() {
    await importPeer('@customer-portal/mocks/node', 'msw', ['msw']);
  },
  async start(options: ContractOptions): Promise<RunningTarget> {
    const { setupPortalServer } = await importPeer<typeof NodeMocks>('@customer-portal/mocks/node', 'msw', ['msw']);
    const server = setupPortalServer({ baseUrl: MSW_BASE_URL });
    server.use(...(await extraHandlers(options.mswHandlers)));
    server.listen({ onUnhandledRequest: 'error' });
    return {
      name: 'msw',
      baseUrl: MSW_BASE_URL,
      // The mocks do not throttle sign-in; their faults are to serve the 429 (issue 14).
      capabilities: ALL_CAPABILITIES.filter((c) => c !== 'whole-origin' && c !== 'sign-in-throttling'),
      missing: {
        'sign-in-throttling': 'the mocks do not throttle sign-in: they serve the 429 as a fault a test asks for',
        'whole-origin': 'the mocks claim only the customer API\u2019s own paths and let other requests to their origin through to the network',
      },
      accounts: options.accounts,
      async stop() {
        server.close();
      },
    };
  },
};
