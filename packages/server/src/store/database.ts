/** Opening the SQLite file the server keeps its data in. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

export type { Database } from 'better-sqlite3';

/**
 * Where the data lives unless DATABASE_PATH says otherwise, relative to the working directory: a folder of
 * its own that says it is the server's (`npx customer-portal-server` runs in someone else's app, whose
 * `data/` may be theirs) and that git ignores without anyone editing a .gitignore (see ownFolder).
 */
export const DEFAULT_DATABASE_PATH = '.customer-portal/portal.db';

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
  if (path !== IN_MEMORY) ownFolder(dirname(path));
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

/**
 * Creates the database's folder when it is missing, with a .gitignore that ignores the folder's contents: the
 * database and the signing key never end up in the commits of the app the server runs in. A folder that
 * already exists is the user's, and is left as it is.
 */
function ownFolder(folder: string): void {
  const created = mkdirSync(folder, { recursive: true });
  if (created === undefined) return;
  writeFileSync(join(folder, '.gitignore'), '# Made by customer-portal-server: its database and signing key, not source.\n*\n');
}

/** Deletes a database file with its WAL and shared-memory files, so the next open starts empty. */
export function deleteDatabase(path: string): void {
  if (path === IN_MEMORY) return;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
