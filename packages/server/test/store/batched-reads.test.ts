/**
 * The reads of one kind asked for in one turn of the event loop are sent as one statement, and a read asked
 * for while one is on its way is sent again, so that no request is answered with a read sent before it
 * arrived.
 */
import { describe, expect, it } from 'vitest';
import { batchedReads } from '../../src/store/batched-reads.js';

interface Row {
  id: number;
  read: number;
}

/** A database that answers when told to, counting the statements it was sent; it holds ids below 10. */
function fakeDatabase() {
  const sent: { ids: number[]; answer: () => void }[] = [];
  let reads = 0;
  const readAll = (ids: number[]) =>
    new Promise<(Row | undefined)[]>((resolve) => {
      const read = ++reads;
      sent.push({ ids, answer: () => resolve(ids.map((id) => (id < 10 ? { id, read } : undefined))) });
    });
  return { sent, readAll };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('batchedReads', () => {
  it('reads everything asked for in one turn in one statement, each once, and answers each caller', async () => {
    const database = fakeDatabase();
    const customer = batchedReads(database.readAll, (id: number) => id);
    const answers = Promise.all([customer(1), customer(2), customer(1), customer(99)]);
    await nextTurn();
    expect(database.sent.map((s) => s.ids)).toEqual([[1, 2, 99]]);
    database.sent[0]!.answer();
    expect(await answers).toEqual([{ id: 1, read: 1 }, { id: 2, read: 1 }, { id: 1, read: 1 }, undefined]);
  });

  it('asks once for reads with the same key, whatever else they carry', async () => {
    const asked: { page: number; of: string }[][] = [];
    const page = batchedReads(async (all: { page: number; of: string }[]) => (asked.push(all), all.map((a) => a.page * 10)), (a) => a.page);
    expect(await Promise.all([page({ page: 1, of: 'first' }), page({ page: 2, of: 'second' }), page({ page: 1, of: 'again' })])).toEqual([10, 20, 10]);
    expect(asked).toEqual([[{ page: 1, of: 'first' }, { page: 2, of: 'second' }]]);
  });

  it('reads what is asked for while a read is on its way in a statement of its own, sent after it was asked', async () => {
    const database = fakeDatabase();
    const customer = batchedReads(database.readAll, (id: number) => id);
    const first = customer(1);
    await nextTurn();
    const second = customer(1);
    await nextTurn();
    expect(database.sent.map((s) => s.ids)).toEqual([[1], [1]]);
    for (const s of database.sent) s.answer();
    expect([await first, await second]).toEqual([{ id: 1, read: 1 }, { id: 1, read: 2 }]);
  });

  it('fails every caller of a read that failed', async () => {
    const customer = batchedReads(() => Promise.reject(new Error('gone')), (id: number) => id);
    await expect(Promise.all([customer(1), customer(2)])).rejects.toThrow('gone');
  });
});
