/**
 * The customers asked for in one turn of the event loop are read in one statement, and a customer asked for
 * while a read is on its way is read again, so that no request is answered with a read sent before it arrived.
 */
import { describe, expect, it } from 'vitest';
import { createCustomerReads } from '../../src/store/postgres/customer-reads.js';

interface Row {
  id: number;
  read: number;
}

/** A database that answers when told to, counting the statements it was sent. */
function fakeDatabase() {
  const sent: { ids: number[]; answer: () => void }[] = [];
  let reads = 0;
  const readAll = (ids: number[]) =>
    new Promise<Row[]>((resolve) => {
      const read = ++reads;
      sent.push({ ids, answer: () => resolve(ids.filter((id) => id < 10).map((id) => ({ id, read }))) });
    });
  return { sent, readAll };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('createCustomerReads', () => {
  it('reads every customer asked for in one turn in one statement, each once, and answers each caller', async () => {
    const database = fakeDatabase();
    const customer = createCustomerReads(database.readAll);
    const answers = Promise.all([customer(1), customer(2), customer(1), customer(99)]);
    await nextTurn();
    expect(database.sent.map((s) => s.ids)).toEqual([[1, 2, 99]]);
    database.sent[0]!.answer();
    expect(await answers).toEqual([{ id: 1, read: 1 }, { id: 2, read: 1 }, { id: 1, read: 1 }, undefined]);
  });

  it('reads a customer asked for while a read is on its way in a statement of its own, sent after it was asked', async () => {
    const database = fakeDatabase();
    const customer = createCustomerReads(database.readAll);
    const first = customer(1);
    await nextTurn();
    const second = customer(1);
    await nextTurn();
    expect(database.sent.map((s) => s.ids)).toEqual([[1], [1]]);
    for (const s of database.sent) s.answer();
    expect([await first, await second]).toEqual([{ id: 1, read: 1 }, { id: 1, read: 2 }]);
  });

  it('fails every caller of a read that failed', async () => {
    const customer = createCustomerReads(() => Promise.reject(new Error('gone')));
    await expect(Promise.all([customer(1), customer(2)])).rejects.toThrow('gone');
  });
});
