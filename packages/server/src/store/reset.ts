/**
 * Putting the sample data back in a database file, in place: one transaction empties every table and seeds
 * it again. A server running on the same file keeps serving and sees the sample data on its next request
 * (SQLite's data_version tells it that another connection wrote, see store/data-version.ts), so `db:reset` need not wait for
 * the server to stop, and tokens it issued stay valid (the customers keep their ids).
 */
import type { SampleWorld } from '@customer-portal/core';
import type { Database } from 'better-sqlite3';
import { seedDatabase, type SeedOptions } from './seed.js';

/**
 * Deletes every row of every table, sign-in counts included (they start over), and inserts `world`, all or
 * nothing.
 *
 * @example
 * const db = openDatabase('.customer-portal/portal.db');
 * resetDatabase(db, sampleWorld());
 * db.close();
 */
export function resetDatabase(db: Database, world: SampleWorld, options?: SeedOptions): void {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  db.transaction(() => {
    // Foreign keys are checked at commit, so the tables can be emptied in any order.
    db.pragma('defer_foreign_keys = ON');
    for (const table of tables) db.prepare(`DELETE FROM "${table.replaceAll('"', '""')}"`).run();
    seedDatabase(db, world, options);
  }).immediate();
}
