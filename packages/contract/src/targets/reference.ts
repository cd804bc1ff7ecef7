/** The reference server (packages/server) on a fresh SQLite database in a temporary directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as ServerPackage from '@customer-portal/server';
import { ALL_CAPABILITIES } from '../capabilities.js';
import type { ContractOptions } from '../options.js';
import { importPeer } from './optional-peer.js';
import type { ContractTarget, RunningTarget } from './types.js';

/** Starts the server seeded with the sample world; `stop` closes it and deletes its database. */
export async function startReferenceServer(options: ContractOptions): Promise<RunningTarget & { url: string }> {
  // Imported here, not at the top: the msw target loads this registry in every test process too, and a
  // backend team's `--target url` has no server installed.
  const { startServer } = await importPeer<typeof ServerPackage>('@customer-portal/server', 'reference');
  const dir = mkdtempSync(join(tmpdir(), 'contract-reference-'));
  // The server's own response validation is off: it would turn a breach into a 500, and the suite must see
  // the breach itself to name the field.
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databasePath: join(dir, 'portal.sqlite'),
    log: false,
    validateResponses: false,
    ...(options.world && { world: options.world }),
  });
  // On a world file, the journeys that assert the sample world's figures do not apply; every other one does.
  const missing: RunningTarget['missing'] = options.world ? { 'sample-world': `serves the world in ${options.world}, not the sample world of fixtures/` } : {};
  return {
    name: 'reference',
    url: server.url,
    baseUrl: server.url,
    capabilities: ALL_CAPABILITIES.filter((capability) => !(capability in missing)),
    missing,
    accounts: options.accounts,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const referenceTarget: ContractTarget = {
  name: 'reference',
  description: 'the reference server (packages/server) on a fresh SQLite database',
  runsIn: 'main',
  start: startReferenceServer,
};
