/**
 * The reference server on PostgreSQL: a fresh database of its own on the cluster at TEST_DATABASE_URL
 * (`.ci/postgres start` makes one; CI always does), dropped when the run ends.
 */
import type { createScratchDatabase as CreateScratchDatabase, startServer as StartServer } from '@customer-portal/server';
import { ALL_CAPABILITIES } from '../capabilities.js';
import type { ContractOptions } from '../options.js';
import { SetupError } from '../setup-error.js';
import { importPeer } from './optional-peer.js';
import type { ContractTarget, RunningTarget } from './types.js';

const NO_CLUSTER = 'TEST_DATABASE_URL is not set (eval "$(.ci/postgres start)" starts a throwaway PostgreSQL cluster)';

async function startReferenceOnPostgres(options: ContractOptions): Promise<RunningTarget> {
  const clusterUrl = process.env['TEST_DATABASE_URL'];
  if (!clusterUrl) throw new SetupError(`reference-postgres needs a PostgreSQL cluster: ${NO_CLUSTER}.`);
  const { startServer, createScratchDatabase } = await importPeer<{ startServer: typeof StartServer; createScratchDatabase: typeof CreateScratchDatabase }>(
    '@customer-portal/server',
    'reference-postgres',
  );
  const scratch = await createScratchDatabase(clusterUrl, 'portal_contract');
  try {
    // Response validation off, as for `reference`: the suite must see a breach itself to name the field.
    const server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: scratch.url, log: false, validateResponses: false });
    return {
      name: 'reference-postgres',
      baseUrl: server.url,
      capabilities: ALL_CAPABILITIES,
      missing: {},
      accounts: options.accounts,
      async stop() {
        await server.close();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

export const referencePostgresTarget: ContractTarget = {
  name: 'reference-postgres',
  description: 'the reference server on a fresh PostgreSQL database (on the cluster at TEST_DATABASE_URL)',
  runsIn: 'main',
  start: startReferenceOnPostgres,
  unavailable: () => (process.env['TEST_DATABASE_URL'] ? undefined : NO_CLUSTER),
};
