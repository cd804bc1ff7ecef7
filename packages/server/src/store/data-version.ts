/**
 * Whether a database's data may have changed since a moment: what the remembered responses ask before a
 * replay. On SQLite, one version for the whole file (below); on PostgreSQL, a version per customer that
 * every write moves, read with the customer (the store's getCustomerWithVersion).
 */
import type { Database } from 'better-sqlite3';

/**
 * A value that differs whenever the data a customer can read may have changed, read after the request
 * arrived; undefined when there is no such customer (nothing is remembered then).
 */
export type DataVersion = (customerId: number) => string | undefined | Promise<string | undefined>;

/**
 * The version of a SQLite database's data, as seen by this connection. Two counters tell:
 *
 * - `total_changes()` moves with every row this connection inserts, updates or deletes. It takes no lock and
 *   reads no file, so it is asked on every request.
 * - `data_version` moves when another connection commits (another process: `db:reset`, a second worker, a
 *   script). Asking it opens a read transaction (file locks and a stat of the WAL file), so it is asked once
 *   per turn of the event loop. Every request served in that turn reached the server before that moment, so
 *   each is answered with the database as it stood while the request was waiting.
 *
 * @example
 * const dataVersion = sqliteDataVersion(db);
 * dataVersion(); // '12 3'
 */
export function sqliteDataVersion(db: Database): () => string {
  const changesOf = db.prepare('SELECT total_changes()').pluck();
  const versionOf = db.prepare('PRAGMA data_version').pluck();
  let version: number | undefined;
  const endOfTurn = () => (version = undefined);
  return () => {
    if (version === undefined) {
      version = versionOf.get() as number;
      setImmediate(endOfTurn);
    }
    return `${changesOf.get() as number} ${version}`;
  };
}
