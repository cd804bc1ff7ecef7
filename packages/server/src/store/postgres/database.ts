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

/**
 * Every statement is prepared once per connection (statements.ts), and this has each planned once too. By
 * default PostgreSQL plans a prepared statement again for every execution while a plan made for the values
 * looks cheaper than one made for any values, which the optional filters and the pages' LIMIT keep true for
 * many connections: planning a page cost more than reading it. A customer's rows are found through the
 * customer_id index either way.
 */
const GENERIC_PLANS = 'SET plan_cache_mode = force_generic_plan';

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
  const config: PoolConfig = {
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Before the connection's first query. A server that refuses the setting keeps its own way of planning.
    onConnect: (client) => client.query(GENERIC_PLANS).then(() => {}, () => {}),
  };
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
