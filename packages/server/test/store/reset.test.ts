/**
 * `db:reset` puts the sample data back in place, so that a server running on the file serves it at once, and
 * starts sign-in counts over.
 */
import { sampleWorld } from '@customer-portal/core';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, createSignInThrottle } from '../../src/auth/sign-in-throttle.js';
import { IN_MEMORY, openDatabase } from '../../src/store/database.js';
import { resetDatabase } from '../../src/store/reset.js';
import { seedDatabase } from '../../src/store/seed.js';

const plain = { hashPassword: (password: string) => `plain:${password}` };
const count = (db: ReturnType<typeof openDatabase>, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('resetDatabase', () => {
  it('removes what was written since the seed and brings back what was deleted', () => {
    const db = openDatabase(IN_MEMORY);
    seedDatabase(db, sampleWorld(), plain);
    const tickets = count(db, 'tickets');
    const messages = count(db, 'ticket_messages');
    db.prepare(`DELETE FROM ticket_messages WHERE ticket_id = 'TKT456'`).run();
    db.prepare(`DELETE FROM tickets WHERE id = 'TKT456'`).run();
    db.prepare(`UPDATE customers SET full_name = 'Changed'`).run();

    resetDatabase(db, sampleWorld(), plain);

    expect(count(db, 'tickets')).toBe(tickets);
    expect(count(db, 'ticket_messages')).toBe(messages);
    expect(db.prepare(`SELECT full_name FROM customers WHERE id = 1`).pluck().get()).toBe(sampleWorld().customers[0]!.full_name);
    db.close();
  });

  it('starts sign-in counts over: an account refused for its failures may try again', async () => {
    const db = openDatabase(IN_MEMORY);
    seedDatabase(db, sampleWorld(), plain);
    const throttle = createSignInThrottle({ counts: { kind: 'sqlite', db } });
    const signIn = async () => {
      const attempt = await throttle.begin('ali.jawad@example.com', '203.0.113.7');
      if ('retryAfterMs' in attempt) return 'refused';
      attempt.end('failed');
      return 'failed';
    };
    for (let i = 0; i < ACCOUNT_POLICY.freeFailures; i++) await signIn();
    expect(await signIn()).toBe('refused');

    resetDatabase(db, sampleWorld(), plain);

    expect(await signIn()).toBe('failed');
    db.close();
  });

  it('changes nothing when the seed fails half way', () => {
    const db = openDatabase(IN_MEMORY);
    seedDatabase(db, sampleWorld(), plain);
    const broken = sampleWorld();
    broken.customers.push({ ...broken.customers[0]! }); // the same id twice
    expect(() => resetDatabase(db, broken, plain)).toThrow();
    expect(count(db, 'customers')).toBe(sampleWorld().customers.length);
    db.close();
  });
});
