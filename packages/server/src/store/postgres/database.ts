/**
 * Opening a PostgreSQL database for the server: a connection pool, checked and migrated before the server
 * listens. `pg` is loaded here, on first use (load-pg.ts), so that a server on SQLite never needs it.
 */
import type { Pool, PoolConfig } from 'pg';
import { loadPg } from './load-pg.js';
import { migratePostgres } from './migrations.js';
import { unreachableAtStart, watchConnections } from './unavailable.js';
import { DEFAULT_POOL_SIZE, describeUrl } from './url.js';

/**
 * How long a request waits for a new connection, or for a free one when all `poolSize` are in use, before
 * it fails as a 503: "not reachable" or "busy" (see unavailable.ts).
 */
const CONNECT_TIMEOUT_MS = 5000;

export interface PostgresOptions {
  /** Connections this process keeps at most (default DEFAULT_POOL_SIZE). */
  poolSize?: number;
}

/**
 * A pool on the database at `url`, reachable and migrated; throws a sentence saying what to check when the
 * database cannot be reached.
 *
 * @example
 * const pool = await openPostgres('postgres://portal@db.internal/portal');
 * const store = createPostgresStore(pool);
 */
export async function openPostgres(url: string, { poolSize = DEFAULT_POOL_SIZE }: PostgresOptions = {}): Promise<Pool> {
  const pg = await loadPg();
  const config: PoolConfig = { connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
  const pool = new pg.Pool(config);
  // A connection that breaks while idle in the pool (the database restarted) is dropped by the pool and
  // replaced on the next request; without a listener its error would end the process.
  pool.on('error', () => {});
  watchConnections(pool);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw unreachableAtStart(describeUrl(url), error);
  }
  try {
    await migratePostgres(pool);
    return pool;
  } catch (error) {
    await pool.end();
    throw error;
  }
}
