/**
 * A database file for the benchmark: migrated and seeded with the sample world by the server's own code, then
 * grown with generated customers.
 */
import { sampleWorld } from '@customer-portal/core';
import { deleteDatabase, openDatabase, seedDatabase } from '@customer-portal/server';
import { statSync } from 'node:fs';
import { SAMPLE_ACCOUNT } from '../workloads.js';
import { generateData, type DataPlan, type GeneratedData } from './generate.js';

export interface BuiltDatabase extends GeneratedData {
  path: string;
  /** Wall time to create, seed and fill the file. */
  seconds: number;
  fileBytes: number;
}

/**
 * Seeds the sample world (so the sample accounts work everywhere) into a new database at `path`.
 *
 * @example
 * seedSampleDatabase('/tmp/bench/seeded.db');
 */
export function seedSampleDatabase(path: string): void {
  deleteDatabase(path);
  const db = openDatabase(path);
  try {
    seedDatabase(db, sampleWorld());
    // Fold the WAL into the file: copies of it (one per round) must carry every row.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/**
 * Creates `path` afresh with the sample world plus `plan`'s generated data. Generated customers share the
 * sample account's password, and its stored hash, so that any of them can sign in.
 *
 * @example
 * const built = buildDatabase('data/bench/orders-1000000.db', { customers: 10_000, orders: 1_000_000, heavyCustomerOrders: 1000 });
 * built.heavyCustomer.email; // 'customer3@bench.example.com'
 */
export function buildDatabase(
  path: string,
  plan: Omit<DataPlan, 'password' | 'passwordHash'>,
  onProgress?: (ordersDone: number, ordersTotal: number) => void,
): BuiltDatabase {
  const started = performance.now();
  deleteDatabase(path);
  const db = openDatabase(path);
  try {
    seedDatabase(db, sampleWorld());
    const { password_hash: passwordHash } = db
      .prepare('SELECT password_hash FROM customers WHERE email = ?')
      .get(SAMPLE_ACCOUNT.email) as { password_hash: string };
    const generated = generateData(db, { ...plan, password: SAMPLE_ACCOUNT.password, passwordHash }, onProgress);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return { ...generated, path, seconds: (performance.now() - started) / 1000, fileBytes: statSync(path).size };
  } finally {
    if (db.open) db.close();
  }
}
