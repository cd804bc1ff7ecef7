/**
 * The PostgreSQL schema, as an ordered list of migrations beside SQLite's (../migrations.ts): the same tables,
 * columns and indexes, in PostgreSQL's types. `portal_schema` records the versions applied; opening a
 * database applies the rest, each in its own transaction, under an advisory lock, so that several processes
 * starting at once migrate it once. Append new migrations; never edit one that has shipped.
 */
import type { Pool } from 'pg';
import type { Migration } from '../migrations.js';

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    description: 'customers, orders, returns and their items, tickets and their messages, notifications',
    // As in SQLite: every list is read per customer, newest first, through an index on
    // (customer_id, created_at DESC, seq DESC). Timestamps are RFC 3339 text compared by code point
    // (COLLATE "C"), as SQLite and the in-memory store compare them, whatever the cluster's locale.
    // `position` keeps insertion order where SQLite uses the rowid. `return_items` holds one row per
    // returned product name with a unique (order_id, product_name): two processes accepting the same item at
    // once cannot both commit.
    sql: `
      CREATE TABLE customers (
        id integer PRIMARY KEY,
        email text NOT NULL,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        avatar text,
        member_since text NOT NULL,
        language text NOT NULL,
        theme text NOT NULL,
        notifications_enabled boolean NOT NULL,
        notify_email boolean NOT NULL,
        notify_order_updates boolean NOT NULL,
        notify_refund_updates boolean NOT NULL,
        notify_support_replies boolean NOT NULL,
        timezone text NOT NULL,
        currency text NOT NULL
      );
      CREATE UNIQUE INDEX customers_by_email ON customers (lower(email COLLATE "und-x-icu"));

      CREATE TABLE orders (
        id text PRIMARY KEY,
        seq integer NOT NULL,
        customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        status text NOT NULL,
        total double precision NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        estimated_delivery text,
        tracking_number text,
        current_location text,
        courier_name text,
        courier_contact text
      );
      CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC, seq DESC);
      CREATE INDEX orders_by_customer_status ON orders (customer_id, status, created_at DESC, seq DESC);

      CREATE TABLE order_items (
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        id text NOT NULL,
        product_name text NOT NULL,
        quantity integer NOT NULL,
        price double precision NOT NULL,
        subtotal double precision NOT NULL
      );
      CREATE INDEX order_items_by_order ON order_items (order_id, position);

      CREATE TABLE returns (
        position bigint GENERATED ALWAYS AS IDENTITY,
        id text PRIMARY KEY,
        seq integer NOT NULL,
        order_id text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        items jsonb NOT NULL, -- the product names, in the order given
        reason text NOT NULL,
        description text,
        status text NOT NULL,
        created_at text COLLATE "C" NOT NULL
      );
      CREATE INDEX returns_by_order ON returns (order_id, position);
      CREATE UNIQUE INDEX returns_by_seq ON returns (seq);

      CREATE TABLE return_items (
        return_id text NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
        order_id text NOT NULL,
        product_name text NOT NULL,
        CONSTRAINT one_return_per_item UNIQUE (order_id, product_name)
      );

      CREATE TABLE tickets (
        id text PRIMARY KEY,
        seq integer NOT NULL,
        customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        subject text NOT NULL,
        status text NOT NULL,
        priority text NOT NULL,
        order_id text REFERENCES orders (id) ON DELETE SET NULL,
        created_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL
      );
      CREATE INDEX tickets_by_customer ON tickets (customer_id, created_at DESC, seq DESC);
      CREATE INDEX tickets_by_customer_status ON tickets (customer_id, status, created_at DESC, seq DESC);
      CREATE INDEX tickets_by_order ON tickets (order_id);
      CREATE UNIQUE INDEX tickets_by_seq ON tickets (seq);

      CREATE TABLE ticket_messages (
        position bigint GENERATED ALWAYS AS IDENTITY,
        id text PRIMARY KEY,
        seq integer NOT NULL,
        ticket_id text NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        sender_id integer NOT NULL,
        sender_name text NOT NULL,
        sender_type text NOT NULL,
        content text NOT NULL,
        timestamp text COLLATE "C" NOT NULL,
        is_internal boolean NOT NULL
      );
      CREATE INDEX ticket_messages_by_ticket ON ticket_messages (ticket_id, position);
      CREATE UNIQUE INDEX ticket_messages_by_seq ON ticket_messages (seq);

      CREATE TABLE notifications (
        id integer PRIMARY KEY,
        customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        title text NOT NULL,
        message text NOT NULL,
        type text NOT NULL,
        read boolean NOT NULL,
        timestamp text COLLATE "C" NOT NULL
      );
      CREATE INDEX notifications_by_customer ON notifications (customer_id, timestamp DESC, id DESC);
    `,
  },
  {
    version: 2,
    description: "a data version per customer, moved by every write to the customer's data",
    // What lets every server process answer a repeated read from memory and still show a write that another
    // process acknowledged: the read asks for the customer's version in the round trip it makes anyway. A
    // sequence rather than a counter per row, so that a version is never used twice, even for a customer
    // deleted and seeded again by a reset.
    sql: `
      CREATE SEQUENCE portal_data_versions;
      ALTER TABLE customers ADD COLUMN data_version bigint NOT NULL DEFAULT nextval('portal_data_versions');
    `,
  },
  {
    // 3, after the customer data versions' 2.
    version: 3,
    description: 'sign-in failure counts, shared by every server process',
    // rate-limiter-flexible's own table (auth/sign-in-throttle.ts), as it would create it: a key per
    // account, device or address, the points counted in its window and when the window ends (ms).
    sql: `
      CREATE TABLE sign_in_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
    `,
  },
  {
    version: 4,
    description: 'the world the database was seeded from, so that db:reset returns to it',
    sql: `
      CREATE TABLE world_origin (
        id integer PRIMARY KEY CHECK (id = 1),
        name text NOT NULL,
        path text,
        digest text NOT NULL
      );
    `,
  },
];

export const POSTGRES_SCHEMA_VERSION = postgresMigrations.at(-1)!.version;

// Any fixed number: the advisory lock that lets one process at a time migrate.
const MIGRATION_LOCK = 7_411_017;

/**
 * Applies the migrations the database has not seen yet, holding an advisory lock so that processes starting
 * together take turns; the second finds the work done.
 *
 * @example
 * await migratePostgres(pool); // portal_schema now holds POSTGRES_SCHEMA_VERSION
 */
export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS portal_schema (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM portal_schema');
    const current = rows[0]?.version ?? 0;
    if (current > POSTGRES_SCHEMA_VERSION) {
      throw new Error(`The database has schema version ${current}, newer than this server's ${POSTGRES_SCHEMA_VERSION}; upgrade the server.`);
    }
    for (const migration of postgresMigrations.filter((m) => m.version > current)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO portal_schema (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
