import { idNumber } from './id-number.js';

/**
 * The `seq` of each id of one table, in the world's order. An id keeps the number inside it (ORD123 -> 123),
 * as the in-memory store orders and numbers by it. Ids with no number of their own (`TKT-2024-0001` from a
 * recorded backend, or a number another id has) get numbers above all others, falling with their place in the
 * world: each `seq` stays unique, the next id is still one past the highest, and of two rows that tie on
 * their time the one the world lists first is listed first.
 *
 * @example
 * seqNumbers(['TKT456', 'TKT-B', 'TKT-A']); // [456, 458, 457]
 */
export function seqNumbers(ids: readonly (string | number)[]): number[] {
  const numbers = ids.map(idNumber);
  const taken = new Set<number>();
  const own = numbers.map((n) => {
    if (!(Number.isSafeInteger(n) && n > 0) || taken.has(n)) return false;
    taken.add(n);
    return true;
  });
  let highest = 0;
  let others = 0;
  numbers.forEach((n, i) => (own[i] ? (highest = Math.max(highest, n)) : others++));
  let next = highest + others;
  return numbers.map((n, i) => (own[i] ? n : next--));
}
