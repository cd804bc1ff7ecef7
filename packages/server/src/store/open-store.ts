/**
 * The store a server runs on: the SQLite file by default, PostgreSQL when DATABASE_URL names one. Either way
 * it is open, migrated and seeded when empty before the server listens.
 */
import type { PortalStore } from '@customer-portal/core';
import type { ServerConfig } from '../config.js';
import { openDatabase } from './database.js';
import type { DataVersion } from '../http/remembered-responses.js';
import { seedIfEmpty } from './seed.js';
import { createSqliteStore, sqliteDataVersion } from './sqlite-store.js';
import { recordedOrigin } from './world-origin.js';
import { assertSameWorld, worldSource, type WorldOrigin, type WorldSource } from './world-source.js';

export interface OpenStore {
  store: PortalStore;
  /** Where the data lives, for the start-up lines (a URL's password masked). */
  where: string;
  /** Whether this start seeded an empty database with the sample data (or the world file). */
  seeded: boolean;
  /** The world the database holds: the one it was seeded from. */
  origin: WorldOrigin;
  /** What lets the server answer repeated GETs from memory while the data a customer can read is unchanged. */
  dataVersion: DataVersion;
  /** Throws when the database cannot answer (a 503 problem for PostgreSQL). */
  checkHealth(): void | Promise<void>;
  close(): Promise<void>;
}

/**
 * With a world file (`world`), an empty database is seeded from it and one seeded from another world is
 * refused; without one, an empty database gets the sample world and any other is served as it is.
 */
export async function openStore(config: Pick<ServerConfig, 'databasePath' | 'databaseUrl' | 'poolSize'> & { world?: string | undefined }): Promise<OpenStore> {
  const source = worldSource(config.world);
  if (config.databaseUrl) return openPostgresStore({ ...config, databaseUrl: config.databaseUrl }, source);
  const db = openDatabase(config.databasePath);
  try {
    const seeded = seedIfEmpty(db, source.world, { origin: source });
    const recorded = seeded ? source : recordedOrigin(db);
    if (config.world !== undefined) assertSameWorld(config.databasePath, recorded, source);
    const ping = db.prepare('SELECT 1');
    return {
      origin: recorded ?? source,
      store: createSqliteStore(db),
      // One version for the file, asked without a read: the customer is not needed to know it.
      dataVersion: sqliteDataVersion(db),
      where: config.databasePath,
      seeded,
      checkHealth: () => void ping.get(),
      close: async () => void db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The PostgreSQL store, its modules loaded only for a server on PostgreSQL: a start on SQLite skips them
 * (docs/notes/server-measurements.md).
 */
async function openPostgresStore(config: Pick<ServerConfig, 'poolSize'> & { databaseUrl: string; world?: string | undefined }, source: WorldSource): Promise<OpenStore> {
  const [{ openPostgres }, { describeUrl }, { createPostgresStore }, { recordedPostgresOrigin, seedPostgresIfEmpty }, { orUnavailable }] = await Promise.all([
    import('./postgres/database.js'),
    import('./postgres/url.js'),
    import('./postgres/postgres-store.js'),
    import('./postgres/seed.js'),
    import('./postgres/unavailable.js'),
  ]);
  const pool = await openPostgres(config.databaseUrl, { poolSize: config.poolSize });
  try {
    const seeded = await seedPostgresIfEmpty(pool, source.world, { origin: source });
    const recorded = seeded ? source : await recordedPostgresOrigin(pool);
    if (config.world !== undefined) assertSameWorld(describeUrl(config.databaseUrl), recorded, source);
    const store = createPostgresStore(pool);
    return {
      origin: recorded ?? source,
      store,
      // The customer's version comes with the customer, in the round trip every request makes anyway.
      dataVersion: async (customerId) => (await store.getCustomerWithVersion(customerId))?.version,
      where: describeUrl(config.databaseUrl),
      seeded,
      checkHealth: () => orUnavailable(pool, () => pool.query('SELECT 1')).then(() => {}),
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** The start-up line of a start that seeded: `Seeded <where> with the sample data.` or `… from <file>.` */
export function seededLine({ where, origin }: Pick<OpenStore, 'where' | 'origin'>): string {
  return origin.path === null ? `Seeded ${where} with the sample data.` : `Seeded ${where} from ${origin.name}.`;
}
