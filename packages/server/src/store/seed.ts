/** Filling a database with a sample world: the fixtures at start, or a generated world for the benchmark. */
import type { SampleWorld } from '@customer-portal/core';
import type { Database } from 'better-sqlite3';
import { hashPassword } from '../auth/password.js';
import { flag } from './rows.js';
import { seqNumbers } from './seq-numbers.js';
import { recordOrigin } from './world-origin.js';
import type { WorldOrigin } from './world-source.js';

export interface SeedOptions {
  /**
   * Turns a plain sample password into the stored hash (default: a fresh scrypt hash per customer). A
   * benchmark seeding thousands of customers may hash once and reuse the result.
   */
  hashPassword?: (password: string) => string;
  /** The world being seeded, recorded with it so that db:reset returns to it (none: nothing recorded). */
  origin?: WorldOrigin;
}

/**
 * One hash per distinct password, not per customer: a generated world of 10,000 customers sharing a
 * development password seeds in seconds instead of minutes of scrypt.
 */
export function passwordHashes(customers: SampleWorld['customers'], hash: (password: string) => string): Map<number, string> {
  const byPassword = new Map<string, string>();
  const hashOf = (password: string) => byPassword.get(password) ?? byPassword.set(password, hash(password)).get(password)!;
  return new Map(customers.map((c) => [c.id, hashOf(c.password)]));
}

/**
 * Inserts every row of `world` in one transaction: either all of it is there afterwards or none of it.
 * Passwords are stored as scrypt hashes, never as given.
 *
 * @example
 * const db = openDatabase('data/portal.db');
 * seedDatabase(db, sampleWorld());
 */
export function seedDatabase(db: Database, world: SampleWorld, options: SeedOptions = {}): void {
  const hash = options.hashPassword ?? hashPassword;
  const insert = {
    customer: db.prepare(`
      INSERT INTO customers (id, email, password_hash, full_name, avatar, member_since, language, theme,
        notifications_enabled, notify_email, notify_order_updates, notify_refund_updates, notify_support_replies,
        timezone, currency)
      VALUES (@id, @email, @password_hash, @full_name, @avatar, @member_since, @language, @theme,
        @notifications_enabled, @notify_email, @notify_order_updates, @notify_refund_updates, @notify_support_replies,
        @timezone, @currency)`),
    order: db.prepare(`
      INSERT INTO orders (id, seq, customer_id, status, total, created_at, estimated_delivery, tracking_number,
        current_location, courier_name, courier_contact)
      VALUES (@id, @seq, @customer_id, @status, @total, @created_at, @estimated_delivery, @tracking_number,
        @current_location, @courier_name, @courier_contact)`),
    item: db.prepare(`
      INSERT INTO order_items (order_id, id, product_name, quantity, price, subtotal)
      VALUES (@order_id, @id, @product_name, @quantity, @price, @subtotal)`),
    return: db.prepare(`
      INSERT INTO returns (id, seq, order_id, items, reason, description, status, created_at)
      VALUES (@id, @seq, @order_id, @items, @reason, @description, @status, @created_at)`),
    ticket: db.prepare(`
      INSERT INTO tickets (id, seq, customer_id, subject, status, priority, order_id, created_at, updated_at)
      VALUES (@id, @seq, @customer_id, @subject, @status, @priority, @order_id, @created_at, @updated_at)`),
    message: db.prepare(`
      INSERT INTO ticket_messages (id, seq, ticket_id, sender_id, sender_name, sender_type, content, timestamp, is_internal)
      VALUES (@id, @seq, @ticket_id, @sender_id, @sender_name, @sender_type, @content, @timestamp, @is_internal)`),
    notification: db.prepare(`
      INSERT INTO notifications (id, customer_id, title, message, type, read, timestamp)
      VALUES (@id, @customer_id, @title, @message, @type, @read, @timestamp)`),
  };

  // Hashing is the slow part; do it before the transaction takes the write lock.
  const hashes = passwordHashes(world.customers, hash);

  const seq = {
    orders: seqNumbers(world.orders.map((o) => o.id)),
    returns: seqNumbers(world.returns.map((r) => r.id)),
    tickets: seqNumbers(world.tickets.map((t) => t.id)),
    messages: seqNumbers(world.tickets.flatMap((t) => t.messages.map((m) => m.id))),
  };
  let message = 0;

  db.transaction(() => {
    for (const c of world.customers) {
      insert.customer.run({
        id: c.id,
        email: c.email,
        password_hash: hashes.get(c.id),
        full_name: c.full_name,
        avatar: c.avatar,
        member_since: c.member_since,
        language: c.preferences.language,
        theme: c.preferences.theme,
        notifications_enabled: flag(c.preferences.notifications),
        notify_email: flag(c.settings.notifications.email),
        notify_order_updates: flag(c.settings.notifications.order_updates),
        notify_refund_updates: flag(c.settings.notifications.refund_updates),
        notify_support_replies: flag(c.settings.notifications.support_replies),
        timezone: c.settings.general.timezone,
        currency: c.settings.general.currency,
      });
    }
    for (const [i, { items, shipment, ...o }] of world.orders.entries()) {
      insert.order.run({
        ...o,
        seq: seq.orders[i],
        current_location: shipment?.current_location ?? null,
        courier_name: shipment?.courier_name ?? null,
        courier_contact: shipment?.courier_contact ?? null,
      });
      for (const item of items) insert.item.run({ order_id: o.id, ...item });
    }
    for (const [i, r] of world.returns.entries()) insert.return.run({ ...r, seq: seq.returns[i], items: JSON.stringify(r.items) });
    for (const [i, { messages, ...t }] of world.tickets.entries()) {
      insert.ticket.run({ ...t, seq: seq.tickets[i] });
      for (const m of messages) insert.message.run({ ...m, seq: seq.messages[message++], ticket_id: t.id, is_internal: flag(m.is_internal) });
    }
    for (const n of world.notifications) insert.notification.run({ ...n, read: flag(n.read) });
    if (options.origin) recordOrigin(db, options.origin);
  }).immediate();
}

/**
 * Seeds the database when it has no customers yet; a database with data is left as it is.
 *
 * @returns whether it seeded.
 */
export function seedIfEmpty(db: Database, world: () => SampleWorld, options?: SeedOptions): boolean {
  const { customers } = db.prepare('SELECT count(*) AS customers FROM customers').get() as { customers: number };
  if (customers > 0) return false;
  seedDatabase(db, world(), options);
  return true;
}
