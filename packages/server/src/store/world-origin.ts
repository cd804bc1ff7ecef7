/** The world a SQLite database was seeded from, in its one-row `world_origin` table (migration 4). */
import type { Database } from 'better-sqlite3';
import type { WorldOrigin } from './world-source.js';

/** What the database recorded; undefined when it recorded nothing (seeded by a script, or before migration 4). */
export function recordedOrigin(db: Database): WorldOrigin | undefined {
  return db.prepare('SELECT name, path, digest FROM world_origin').get() as WorldOrigin | undefined;
}

/** Records `origin` in place of what was there: call it in the transaction that seeds. */
export function recordOrigin(db: Database, origin: WorldOrigin): void {
  db.prepare('DELETE FROM world_origin').run();
  db.prepare('INSERT INTO world_origin (id, name, path, digest) VALUES (1, @name, @path, @digest)').run({ name: origin.name, path: origin.path, digest: origin.digest });
}
