/**
 * The few statistics the benchmark needs. Rounds are few (three by default) and machines are noisy, so every
 * figure the report shows is a median across rounds, and every comparison is a ratio of two medians.
 */

/**
 * The middle value (the mean of the two middle values for an even count); `NaN` for no values.
 *
 * @example
 * median([3, 1, 2]); // 2
 * median([4, 1, 3, 2]); // 2.5
 */
export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
}

/**
 * `a / b`, or `NaN` when the quotient means nothing (a zero, negative or missing denominator).
 *
 * @example
 * ratio(5000, 10000); // 0.5
 * ratio(5000, 0); // NaN
 */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return Number.NaN;
  return a / b;
}

/**
 * `value` rounded to `digits` decimals, keeping `NaN` as it is.
 *
 * @example
 * round(1.23456, 2); // 1.23
 */
export function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
