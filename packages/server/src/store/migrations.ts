/**
 * The database schema, as an ordered list of migrations. `PRAGMA user_version` records the last one applied;
 * opening a database applies the rest, each in its own transaction, so a database is never half migrated.
 * Append new migrations; never edit one that has shipped.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'customers, orders, returns, tickets and their messages, notifications',
    // Every list is read per customer, newest first, so each list has an index on
    // (customer_id, created_at DESC, seq DESC): a page costs the same in a database of two customers or of
    // a million. `seq` is the number inside the id (ORD123 -> 123): it breaks ties between rows written in
    // the same millisecond exactly as the in-memory store does, and its index makes the next id a lookup.
    // Messages and order items keep their insertion order through the rowid.
    sql: `
      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL,
        full_name TEXT NOT NULL,
        avatar TEXT,
        member_since TEXT NOT NULL,
        language TEXT NOT NULL,
        theme TEXT NOT NULL,
        notifications_enabled INTEGER NOT NULL,
        notify_email INTEGER NOT NULL,
        notify_order_updates INTEGER NOT NULL,
        notify_refund_updates INTEGER NOT NULL,
        notify_support_replies INTEGER NOT NULL,
        timezone TEXT NOT NULL,
        currency TEXT NOT NULL
      ) STRICT;

      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        total REAL NOT NULL,
        created_at TEXT NOT NULL,
        estimated_delivery TEXT,
        tracking_number TEXT,
        current_location TEXT,
        courier_name TEXT,
        courier_contact TEXT
      ) STRICT;
      CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC, seq DESC);
      CREATE INDEX orders_by_customer_status ON orders (customer_id, status, created_at DESC, seq DESC);

      CREATE TABLE order_items (
        order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        product_name TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        price REAL NOT NULL,
        subtotal REAL NOT NULL
      ) STRICT;
      CREATE INDEX order_items_by_order ON order_items (order_id);

      CREATE TABLE returns (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        items TEXT NOT NULL, -- a JSON array of product names
        reason TEXT NOT NULL,
        description TEXT,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX returns_by_order ON returns (order_id);
      CREATE INDEX returns_by_seq ON returns (seq);

      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        subject TEXT NOT NULL,
        status TEXT NOT NULL,
        priority TEXT NOT NULL,
        order_id TEXT REFERENCES orders (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tickets_by_customer ON tickets (customer_id, created_at DESC, seq DESC);
      CREATE INDEX tickets_by_customer_status ON tickets (customer_id, status, created_at DESC, seq DESC);
      CREATE INDEX tickets_by_order ON tickets (order_id);
      CREATE INDEX tickets_by_seq ON tickets (seq);

      CREATE TABLE ticket_messages (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        sender_id INTEGER NOT NULL,
        sender_name TEXT NOT NULL,
        sender_type TEXT NOT NULL,
        content TEXT NOT NULL,
        timestamp TEXT NOT NULL,
        is_internal INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX ticket_messages_by_ticket ON ticket_messages (ticket_id);
      CREATE INDEX ticket_messages_by_seq ON ticket_messages (seq);

      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        message TEXT NOT NULL,
        type TEXT NOT NULL,
        read INTEGER NOT NULL,
        timestamp TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notifications_by_customer ON notifications (customer_id, timestamp DESC, id DESC);
    `,
  },
  {
    version: 2,
    description: 'each ordered item has at most one return; sequence numbers are unique',
    // The database holds the rule "an item is returned once" itself, so that no interleaving of writers
    // (threads, processes, hosts) can record two returns of one item (issue 16): every return claims its
    // items in returned_items, whose primary key refuses a second claim and so fails the whole insert.
    // Returns written before this rule keep their first claim.
    sql: `
      CREATE TABLE returned_items (
        order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        product_name TEXT NOT NULL,
        return_id TEXT NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
        PRIMARY KEY (order_id, product_name)
      ) STRICT, WITHOUT ROWID;
      INSERT OR IGNORE INTO returned_items (order_id, product_name, return_id)
        SELECT r.order_id, j.value, r.id FROM returns r, json_each(r.items) j ORDER BY r.rowid;
      CREATE TRIGGER returns_claim_items AFTER INSERT ON returns BEGIN
        INSERT INTO returned_items (order_id, product_name, return_id)
          SELECT NEW.order_id, value, NEW.id FROM json_each(NEW.items);
      END;

      DROP INDEX returns_by_seq;
      CREATE UNIQUE INDEX returns_by_seq ON returns (seq);
      DROP INDEX tickets_by_seq;
      CREATE UNIQUE INDEX tickets_by_seq ON tickets (seq);
      DROP INDEX ticket_messages_by_seq;
      CREATE UNIQUE INDEX ticket_messages_by_seq ON ticket_messages (seq);
    `,
  },
  {
    version: 3,
    description: 'sign-in failure counts, shared by every process on the file',
    // rate-limiter-flexible's own table (auth/sign-in-throttle.ts): a key per account, device or address,
    // the points counted in its window and when the window ends (ms since the epoch). Not STRICT: the
    // limiter writes what it computes, and its columns are its own.
    sql: `
      CREATE TABLE sign_in_limits (
        key TEXT PRIMARY KEY,
        points INTEGER NOT NULL DEFAULT 0,
        expire INTEGER
      );
    `,
  },
  {
    version: 4,
    description: 'the world the database was seeded from, so that db:reset returns to it',
    sql: `
      CREATE TABLE world_origin (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        path TEXT,
        digest TEXT NOT NULL
      ) STRICT;
    `,
  },
];

/** The schema version this code expects. */
export const SCHEMA_VERSION = migrations.at(-1)!.version;

/**
 * Applies the migrations the database has not seen yet. Each runs in an immediate transaction that re-reads
 * the version first, so two processes opening the same new file cannot both apply it.
 *
 * @example
 * migrate(new Database('data/portal.db')); // user_version is now SCHEMA_VERSION
 */
export function migrate(db: Database): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > SCHEMA_VERSION) {
    throw new Error(`${db.name} has schema version ${version()}, newer than this server's ${SCHEMA_VERSION}; upgrade the server.`);
  }
  for (const migration of migrations) {
    db.transaction(() => {
      if (version() >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
