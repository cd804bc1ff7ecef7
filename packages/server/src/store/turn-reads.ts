/**
 * The reads of one turn of the event loop in one read transaction. Outside a transaction, every statement
 * opens a read transaction of its own, which in WAL mode takes two `fcntl` lock calls and an `fstat` of the
 * WAL file: more than a short read costs itself. A request reads two or three times, and under load one turn
 * serves many requests.
 *
 * All the reads of a turn see the database as it stood at the turn's first read. Every request served in
 * that turn had reached the server before that moment, so each is answered with the database as it stood
 * while the request was waiting. A write ends the read transaction first, so that it runs in its own
 * immediate transaction and is committed before its response goes out; reads after it start a new one.
 */
import type { Database } from 'better-sqlite3';

export interface TurnReads {
  /** Runs `read` inside this turn's read transaction, opening it when there is none. */
  read<T>(read: () => T): T;
  /** Ends this turn's read transaction, if open, so that a write can start its own. */
  beforeWrite(): void;
}

/**
 * @example
 * const turn = createTurnReads(db);
 * const customer = turn.read(() => q.customer.get(id));
 * turn.beforeWrite();
 * updateCustomer.immediate(id, patch);
 */
export function createTurnReads(db: Database): TurnReads {
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  let open = false;
  const end = () => {
    if (!open) return;
    open = false;
    // The store may have been closed during the turn (a server stopping): nothing is left to end then.
    if (db.open && db.inTransaction) commit.run();
  };
  return {
    read(read) {
      if (!open && !db.inTransaction) {
        begin.run();
        open = true;
        setImmediate(end);
      }
      return read();
    },
    beforeWrite: end,
  };
}
