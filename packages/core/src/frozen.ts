/**
 * Values frozen all the way down. Such a value can never change, so work derived from it (its JSON, whether
 * it keeps a schema) can be done once and remembered for as long as the value lives.
 */

/**
 * Freezes a JSON-like value and everything it holds; returns it.
 *
 * @example
 * const page = deepFreeze({ items: [{ id: 'ORD123' }] });
 * isDeeplyFrozen(page); // true
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Whether `value` is a plain object or array that is frozen, as is everything in it. Other objects (a Date,
 * a Map) are never counted: their state lives outside their properties, where freezing does not reach.
 *
 * @example
 * isDeeplyFrozen(Object.freeze({ items: [] })); // false: the array can still change
 */
export function isDeeplyFrozen(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (!Object.isFrozen(value) || (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null)) return false;
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object' && !isDeeplyFrozen(child as object)) return false;
  }
  return true;
}
