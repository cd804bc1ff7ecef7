/** The `seq` a seeded row gets: the number in its id, or a unique one above all others when it has none. */
import { describe, expect, it } from 'vitest';
import { seqNumbers } from '../../src/store/seq-numbers.js';

describe('seqNumbers', () => {
  it.each([
    ['ids with numbers keep them', ['TKT456', 'TKT455', 'TKT1'], [456, 455, 1]],
    ['ids without one get numbers above the rest, the first listed highest', ['TKT456', 'TKT-B', 'TKT-A'], [456, 458, 457]],
    ['a number another id has is not taken twice', ['A1', 'B1'], [1, 2]],
    ['ids of the shape ORD-2024-0001 are all told apart', ['ORD-2024-0002', 'ORD-2024-0001'], [2, 1]],
  ])('%s', (_rule, ids, want) => {
    expect(seqNumbers(ids)).toEqual(want);
    expect(new Set(seqNumbers(ids)).size).toBe(ids.length);
  });
});
