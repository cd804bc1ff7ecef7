/**
 * Where a server process keeps sign-in counts (sign-in-throttle.ts): in the database it serves from, on a
 * connection of its own, so that every process of a deployment counts together; in memory for an in-memory
 * database, which only one process can use anyway.
 */
import Database from 'better-sqlite3';
import type { ServerConfig } from '../config.js';
import { IN_MEMORY } from '../store/database.js';
import { SIGN_IN_LIMITS_TABLE, type SignInCounts } from './sign-in-throttle.js';

export interface OpenSignInCounts {
  counts: SignInCounts;
  close(): Promise<void>;
}

/** Expired windows are deleted this often, so that the table holds only the last quarter hour's keys. */
const CLEAR_EXPIRED_EVERY_MS = 5 * 60_000;

/** Two connections are plenty: a count is one short statement, and most requests are no sign-in. */
const POSTGRES_CONNECTIONS = 2;

/**
 * Opens the counts for a server whose database is already migrated (the migrations make the table).
 *
 * @example
 * const { counts, close } = await openSignInCounts(config);
 * const throttle = createSignInThrottle({ counts, devices });
 */
export async function openSignInCounts(config: Pick<ServerConfig, 'databasePath' | 'databaseUrl'>): Promise<OpenSignInCounts> {
  if (config.databaseUrl) {
    // rate-limiter-flexible deletes expired rows itself on PostgreSQL.
    // Loaded only for a server on PostgreSQL, as the store's modules are (open-store.ts).
    const { openPostgres } = await import('../store/postgres/database.js');
    const pool = await openPostgres(config.databaseUrl, { poolSize: POSTGRES_CONNECTIONS });
    return { counts: { kind: 'postgres', pool }, close: () => pool.end() };
  }
  if (config.databasePath === IN_MEMORY) return { counts: { kind: 'memory' }, close: async () => {} };
  const db = new Database(config.databasePath);
  const clear = db.prepare(`DELETE FROM ${SIGN_IN_LIMITS_TABLE} WHERE expire < ?`);
  const timer = setInterval(() => {
    try {
      clear.run(Date.now());
    } catch {
      // Busy or closing: the next round deletes them.
    }
  }, CLEAR_EXPIRED_EVERY_MS).unref();
  return {
    counts: { kind: 'sqlite', db },
    close: async () => {
      clearInterval(timer);
      db.close();
    },
  };
}
