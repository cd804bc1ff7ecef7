/**
 * Loads `pg`, the PostgreSQL driver: an optional peer dependency of the server, which only a server on
 * PostgreSQL needs. Without it, one sentence saying what to install instead of a module-resolution trace.
 */
import type pg from 'pg';

type Pg = typeof pg;

export const PG_MISSING = 'DATABASE_URL names a PostgreSQL database, but the `pg` driver is not installed: run `npm install pg` in your app.';

/**
 * @example
 * const pg = await loadPg();
 * const pool = new pg.Pool({ connectionString: url });
 */
export async function loadPg(importPg: () => Promise<{ default: Pg }> = () => import('pg')): Promise<Pg> {
  try {
    return (await importPg()).default;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && /'pg'/.test((error as Error).message)) throw new Error(PG_MISSING, { cause: error });
    throw error;
  }
}
