/** Opening the SQLite file the server keeps its data in. */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

export type { Database } from 'better-sqlite3';

/** Where the data lives unless DATABASE_PATH says otherwise, relative to the working directory (git-ignored). */
export const DEFAULT_DATABASE_PATH = 'data/portal.db';

/** SQLite's name for a database that lives in memory only, gone when closed. */
export const IN_MEMORY = ':memory:';

/**
 * Opens (creating it and its folder if needed) and migrates a database file. WAL mode lets readers work
 * while a write commits; foreign keys are off by default in SQLite, so they are turned on per connection.
 *
 * @example
 * const db = openDatabase('data/portal.db');
 * const store = createSqliteStore(db);
 */
export function openDatabase(path: string): Database.Database {
  if (path !== IN_MEMORY) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    if (path !== IN_MEMORY) {
      db.pragma('journal_mode = WAL');
      // What a 201 promises: the commit is in the WAL file before the response goes out and survives the
      // process dying; a power cut can lose the last commits but never corrupts the file. (NORMAL is already
      // better-sqlite3's default in WAL mode; said here so that it is a choice, not an accident.)
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Deletes a database file with its WAL and shared-memory files, so the next open starts empty. */
export function deleteDatabase(path: string): void {
  if (path === IN_MEMORY) return;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
