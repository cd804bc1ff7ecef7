/**
 * Throwaway databases on a PostgreSQL cluster, for tests, the contract suite and the benchmark: each run
 * gets an empty database of its own on the cluster at TEST_DATABASE_URL, and drops it afterwards.
 */
import { randomBytes } from 'node:crypto';
import { loadPg } from './load-pg.js';

export interface ScratchDatabase {
  /** The new database's URL: the cluster's, with the database name replaced. */
  url: string;
  /** Drops it, cutting any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * @param clusterUrl a URL of any database on the cluster, as a role that may create databases.
 *
 * @example
 * const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
 * const server = await startServer({ databaseUrl: scratch.url, port: 0 });
 * await server.close();
 * await scratch.drop();
 */
export async function createScratchDatabase(clusterUrl: string, prefix = 'portal_scratch'): Promise<ScratchDatabase> {
  const pg = await loadPg();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: clusterUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  // The name is ours (letters, digits, _), so it can stand in the SQL: CREATE DATABASE takes no parameters.
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
