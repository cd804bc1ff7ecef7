/**
 * Remembered reads of the SQLite store. Turning rows into JavaScript values is most of what a read costs
 * (a page of orders with its items is a couple of hundred column values, each a call into SQLite and a new
 * V8 value); a signed-in customer asks for the same pages again and again, and they only change when the
 * database does.
 *
 * Before every read the cache asks SQLite whether anything changed since it was filled, and empties itself
 * if so: `data_version` moves when another connection commits (another process: `db:reset`, a second
 * server, a script), and `total_changes()` moves with every row this connection inserts, updates or
 * deletes, through the store or not. So a read never returns what the database no longer holds: the check
 * is one statement, a fraction of the reads it saves. Values are frozen when remembered, because every
 * caller that asks gets the same object.
 */
import { deepFreeze } from '@customer-portal/core';
import type { Database } from 'better-sqlite3';

export interface ReadCache {
  /** What `read()` returns for `key`, reading it only when the database changed since it was remembered. */
  get<T>(key: string, read: () => T): T;
}

/** Entries kept; the oldest goes first. A page is a few kilobytes, so the cache stays within a few megabytes. */
export const READ_CACHE_CAPACITY = 1000;

/**
 * @example
 * const cache = createReadCache(db);
 * const customer = cache.get(`customer ${id}`, () => q.customer.get(id));
 */
export function createReadCache(db: Database, capacity = READ_CACHE_CAPACITY): ReadCache {
  const versionOf = db.prepare('SELECT total_changes(), data_version FROM pragma_data_version').raw();
  const entries = new Map<string, unknown>();
  let filledAtChanges = -1;
  let filledAtVersion = -1;
  return {
    get<T>(key: string, read: () => T): T {
      const [changes, version] = versionOf.get() as [number, number];
      if (changes !== filledAtChanges || version !== filledAtVersion) {
        entries.clear();
        filledAtChanges = changes;
        filledAtVersion = version;
      } else if (entries.has(key)) {
        return entries.get(key) as T;
      }
      const value = deepFreeze(read());
      if (entries.size >= capacity) entries.delete(entries.keys().next().value as string);
      entries.set(key, value);
      return value;
    },
  };
}
