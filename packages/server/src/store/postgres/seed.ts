/**
 * Filling a PostgreSQL database with a sample world, as ../seed.ts does for SQLite: in one transaction, with
 * scrypt hashes for the passwords. Rows go in thousands at a time (one INSERT ... SELECT FROM unnest(...)
 * per batch), so that the benchmark's million orders load in seconds, not hours.
 */
import type { SampleWorld } from '@customer-portal/core';
import type { Pool, PoolClient } from 'pg';
import { hashPassword } from '../../auth/password.js';
import { seqNumbers } from '../seq-numbers.js';
import { passwordHashes, type SeedOptions } from '../seed.js';
import type { WorldOrigin } from '../world-source.js';

const BATCH = 5000;

// Any fixed number: the advisory lock under which one process at a time checks for and seeds an empty database.
const SEED_LOCK = 7_411_018;

/** The tables the sample world fills, parents first; truncated together by a reset. */
// What a reset empties: the world, and the sign-in counts (migration 3), which start over with it.
const RESET_TABLES = ['customers', 'orders', 'order_items', 'returns', 'return_items', 'tickets', 'ticket_messages', 'notifications', 'world_origin', 'sign_in_limits'];

type Column = [name: string, type: string];

/** Inserts `rows` (one array of values per row, in `columns` order) into `table`, BATCH at a time. */
async function insertAll(client: PoolClient, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const text = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await client.query(text, columns.map((_, i) => batch.map((row) => row[i])));
  }
}

/** Each row with its `seq` (see ../seq-numbers.ts). */
function zipSeq<T>(rows: T[], ids: string[]): [T, number][] {
  const seq = seqNumbers(ids);
  return rows.map((row, i) => [row, seq[i]!]);
}

async function insertWorld(client: PoolClient, world: SampleWorld, hashes: Map<number, string>): Promise<void> {
  await insertAll(
    client,
    'customers',
    [
      ['id', 'int'], ['email', 'text'], ['password_hash', 'text'], ['full_name', 'text'], ['avatar', 'text'],
      ['member_since', 'text'], ['language', 'text'], ['theme', 'text'], ['notifications_enabled', 'bool'],
      ['notify_email', 'bool'], ['notify_order_updates', 'bool'], ['notify_refund_updates', 'bool'],
      ['notify_support_replies', 'bool'], ['timezone', 'text'], ['currency', 'text'],
    ],
    world.customers.map((c) => [
      c.id, c.email, hashes.get(c.id), c.full_name, c.avatar, c.member_since, c.preferences.language, c.preferences.theme,
      c.preferences.notifications, c.settings.notifications.email, c.settings.notifications.order_updates,
      c.settings.notifications.refund_updates, c.settings.notifications.support_replies, c.settings.general.timezone,
      c.settings.general.currency,
    ]),
  );
  await insertAll(
    client,
    'orders',
    [
      ['id', 'text'], ['seq', 'int'], ['customer_id', 'int'], ['status', 'text'], ['total', 'float8'], ['created_at', 'text'],
      ['estimated_delivery', 'text'], ['tracking_number', 'text'], ['current_location', 'text'], ['courier_name', 'text'],
      ['courier_contact', 'text'],
    ],
    zipSeq(world.orders, world.orders.map((o) => o.id)).map(([o, seq]) => [
      o.id, seq, o.customer_id, o.status, o.total, o.created_at, o.estimated_delivery, o.tracking_number,
      o.shipment?.current_location ?? null, o.shipment?.courier_name ?? null, o.shipment?.courier_contact ?? null,
    ]),
  );
  await insertAll(
    client,
    'order_items',
    [['order_id', 'text'], ['id', 'text'], ['product_name', 'text'], ['quantity', 'int'], ['price', 'float8'], ['subtotal', 'float8']],
    world.orders.flatMap((o) => o.items.map((i) => [o.id, i.id, i.product_name, i.quantity, i.price, i.subtotal])),
  );
  await insertAll(
    client,
    'returns',
    [['id', 'text'], ['seq', 'int'], ['order_id', 'text'], ['items', 'jsonb'], ['reason', 'text'], ['description', 'text'], ['status', 'text'], ['created_at', 'text']],
    zipSeq(world.returns, world.returns.map((r) => r.id)).map(([r, seq]) => [r.id, seq, r.order_id, JSON.stringify(r.items), r.reason, r.description, r.status, r.created_at]),
  );
  await insertAll(
    client,
    'return_items',
    [['return_id', 'text'], ['order_id', 'text'], ['product_name', 'text']],
    world.returns.flatMap((r) => r.items.map((name) => [r.id, r.order_id, name])),
  );
  await insertAll(
    client,
    'tickets',
    [
      ['id', 'text'], ['seq', 'int'], ['customer_id', 'int'], ['subject', 'text'], ['status', 'text'], ['priority', 'text'],
      ['order_id', 'text'], ['created_at', 'text'], ['updated_at', 'text'],
    ],
    zipSeq(world.tickets, world.tickets.map((t) => t.id)).map(([t, seq]) => [t.id, seq, t.customer_id, t.subject, t.status, t.priority, t.order_id, t.created_at, t.updated_at]),
  );
  await insertAll(
    client,
    'ticket_messages',
    [
      ['id', 'text'], ['seq', 'int'], ['ticket_id', 'text'], ['sender_id', 'int'], ['sender_name', 'text'], ['sender_type', 'text'],
      ['content', 'text'], ['timestamp', 'text'], ['is_internal', 'bool'],
    ],
    zipSeq(world.tickets.flatMap((t) => t.messages.map((m) => ({ t, m }))), world.tickets.flatMap((t) => t.messages.map((m) => m.id))).map(([{ t, m }, seq]) =>
      [m.id, seq, t.id, m.sender_id, m.sender_name, m.sender_type, m.content, m.timestamp, m.is_internal]),
  );
  await insertAll(
    client,
    'notifications',
    [['id', 'int'], ['customer_id', 'int'], ['title', 'text'], ['message', 'text'], ['type', 'text'], ['read', 'bool'], ['timestamp', 'text']],
    world.notifications.map((n) => [n.id, n.customer_id, n.title, n.message, n.type, n.read, n.timestamp]),
  );
}

/**
 * Runs `fill` in one transaction holding the seed lock: all of it is committed or none of it.
 * @returns what `fill` returned.
 */
async function underSeedLock<T>(pool: Pool, fill: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const result = await fill(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function hashesOf(world: SampleWorld, options: SeedOptions): Map<number, string> {
  return passwordHashes(world.customers, options.hashPassword ?? hashPassword);
}

/** The world the database was seeded from; undefined when it recorded none (see ../world-origin.ts). */
export async function recordedPostgresOrigin(pool: Pick<Pool, 'query'>): Promise<WorldOrigin | undefined> {
  const { rows } = await pool.query<WorldOrigin>('SELECT name, path, digest FROM world_origin');
  return rows[0];
}

async function recordOrigin(client: PoolClient, origin: WorldOrigin | undefined): Promise<void> {
  if (!origin) return;
  await client.query('DELETE FROM world_origin');
  await client.query('INSERT INTO world_origin (id, name, path, digest) VALUES (1, $1, $2, $3)', [origin.name, origin.path, origin.digest]);
}

/**
 * Inserts every row of `world` into a migrated database.
 *
 * @example
 * await seedPostgres(pool, sampleWorld());
 */
export async function seedPostgres(pool: Pool, world: SampleWorld, options: SeedOptions = {}): Promise<void> {
  // Hashing is the slow part; do it before the transaction.
  const hashes = hashesOf(world, options);
  await underSeedLock(pool, async (client) => {
    await insertWorld(client, world, hashes);
    await recordOrigin(client, options.origin);
  });
}

/**
 * Seeds the database when it has no customers yet. Processes starting together take turns, and only the
 * first finds it empty.
 *
 * @returns whether it seeded.
 */
export async function seedPostgresIfEmpty(pool: Pool, world: () => SampleWorld, options: SeedOptions = {}): Promise<boolean> {
  const emptyIn = async (client: Pick<PoolClient, 'query'>) => (await client.query('SELECT 1 FROM customers LIMIT 1')).rowCount === 0;
  if (!(await emptyIn(pool))) return false;
  const sample = world();
  const hashes = hashesOf(sample, options);
  return underSeedLock(pool, async (client) => {
    // Checked again under the lock: another process may have seeded while this one hashed.
    if (!(await emptyIn(client))) return false;
    await insertWorld(client, sample, hashes);
    await recordOrigin(client, options.origin);
    return true;
  });
}

/**
 * Deletes every row, sign-in counts included, and seeds `world` again, in one transaction: a reset is never
 * seen half done.
 */
export async function resetPostgres(pool: Pool, world: SampleWorld, options: SeedOptions = {}): Promise<void> {
  const hashes = hashesOf(world, options);
  await underSeedLock(pool, async (client) => {
    await client.query(`TRUNCATE ${RESET_TABLES.join(', ')}`);
    await insertWorld(client, world, hashes);
    await recordOrigin(client, options.origin);
  });
}
