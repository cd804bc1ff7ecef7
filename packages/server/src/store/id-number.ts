/**
 * The number inside an id (ORD123 -> 123, 7 -> 7), stored as `seq`. The in-memory store orders rows written
 * in the same millisecond by it, and numbers new ids one past the highest; the SQLite store must agree.
 */
export function idNumber(id: string | number): number {
  return typeof id === 'number' ? id : Number(id.replace(/^\D+/, '')) || 0;
}
