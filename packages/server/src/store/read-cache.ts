/**
 * Remembered reads of the SQLite store. Turning rows into JavaScript values is most of what a read costs
 * (a page of orders with its items is a couple of hundred column values, each a call into SQLite and a new
 * V8 value); a signed-in customer asks for the same pages again and again, and they only change when the
 * database does.
 *
 * Before every read the cache asks SQLite whether anything changed since it was filled, and empties itself
 * if so. Two counters tell:
 *
 * - `total_changes()` moves with every row this connection inserts, updates or deletes, through the store
 *   or not. It is asked before every read: it takes no lock and costs well under a microsecond.
 * - `data_version` moves when another connection commits (another process: `db:reset`, a second server, a
 *   script). Asking it opens a read transaction, which in WAL mode means file locks and a stat of the WAL
 *   file: several system calls, more than the rest of a remembered read together. So it is asked once per
 *   turn of the event loop, by the first read of the turn. Every request served in that turn had reached the
 *   server before that read, so each is answered with the database as it stood at a moment while the
 *   request was waiting; a commit made after that moment is seen from the next turn on.
 *
 * So a read never returns what the database no longer held when the request arrived. Values are frozen when
 * remembered, because every caller that asks gets the same object.
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
  const changesOf = db.prepare('SELECT total_changes()').pluck();
  const versionOf = db.prepare('PRAGMA data_version').pluck();
  let entries = new Map<string, unknown>();
  let filledAtChanges = -1;
  let filledAtVersion = -1;
  let version: number | undefined;
  const endOfTurn = () => (version = undefined);
  return {
    get<T>(key: string, read: () => T): T {
      const changes = changesOf.get() as number;
      if (version === undefined) {
        version = versionOf.get() as number;
        setImmediate(endOfTurn);
      }
      if (changes !== filledAtChanges || version !== filledAtVersion) {
        // A new Map, not clear(): V8 keeps a cleared Map's table, entries included, for iterators that may
        // still walk it. Once that table sits in the old generation, the young-generation collector takes
        // what it points to as alive until the next full collection, so forgotten pages were promoted. On
        // the benchmark's mixed workload: 42 MB promoted in 5 s against 9 MB, and 121-147 MB resident at
        // the peak against 113-116 MB.
        entries = new Map();
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
