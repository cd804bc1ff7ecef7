/**
 * The store a server runs on: the SQLite file by default, PostgreSQL when DATABASE_URL names one. Either way
 * it is open, migrated and seeded when empty before the server listens.
 */
import { sampleWorld, type PortalStore } from '@customer-portal/core';
import type { ServerConfig } from '../config.js';
import { openDatabase } from './database.js';
import { openPostgres } from './postgres/database.js';
import { describeUrl } from './postgres/url.js';
import { createPostgresStore } from './postgres/postgres-store.js';
import { seedPostgresIfEmpty } from './postgres/seed.js';
import { orUnavailable } from './postgres/unavailable.js';
import { sqliteDataVersion, type DataVersion } from './data-version.js';
import { seedIfEmpty } from './seed.js';
import { createSqliteStore } from './sqlite-store.js';

export interface OpenStore {
  store: PortalStore;
  /** Where the data lives, for the start-up lines (a URL's password masked). */
  where: string;
  /** Whether this start seeded an empty database with the sample data. */
  seeded: boolean;
  /** What lets the server answer repeated GETs from memory while the data a customer can read is unchanged. */
  dataVersion: DataVersion;
  /** Throws when the database cannot answer (a 503 problem for PostgreSQL). */
  checkHealth(): void | Promise<void>;
  close(): Promise<void>;
}

export async function openStore(config: Pick<ServerConfig, 'databasePath' | 'databaseUrl' | 'poolSize'>): Promise<OpenStore> {
  if (config.databaseUrl) {
    const pool = await openPostgres(config.databaseUrl, { poolSize: config.poolSize });
    try {
      const seeded = await seedPostgresIfEmpty(pool, sampleWorld);
      const store = createPostgresStore(pool);
      return {
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
  const db = openDatabase(config.databasePath);
  try {
    const seeded = seedIfEmpty(db, sampleWorld);
    const ping = db.prepare('SELECT 1');
    return {
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
