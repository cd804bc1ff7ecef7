import { describe, expect, it } from 'vitest';
import { median, ratio, round } from '../src/stats.js';

describe('median', () => {
  it.each([
    ['an odd count', [3, 1, 2], 2],
    ['an even count (mean of the middle two)', [4, 1, 3, 2], 2.5],
    ['one value', [7], 7],
    ['values in any order', [10, -5, 0, 3, 8], 3],
  ])('of %s', (_name, values, want) => {
    expect(median(values)).toBe(want);
  });

  it('ignores values that are not numbers (a run that produced none)', () => {
    expect(median([Number.NaN, 4, Number.POSITIVE_INFINITY, 2])).toBe(3);
  });

  it('is NaN for no values, never 0, so that a missing figure cannot pass for a fast one', () => {
    expect(median([])).toBeNaN();
  });

  it('does not reorder the array it is given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('ratio', () => {
  it.each([
    ['half', 5000, 10000, 0.5],
    ['four times', 8000, 2000, 4],
    ['zero over something', 0, 10, 0],
  ])('%s', (_name, a, b, want) => {
    expect(ratio(a, b)).toBe(want);
  });

  it.each([
    ['a zero denominator', 5, 0],
    ['a negative denominator', 5, -1],
    ['a missing numerator', Number.NaN, 2],
    ['a missing denominator', 2, Number.NaN],
  ])('is NaN for %s', (_name, a, b) => {
    expect(ratio(a, b)).toBeNaN();
  });
});

describe('round', () => {
  it.each([
    [1.23456, 2, 1.23],
    [2.5, 0, 3],
    [1234.5678, 1, 1234.6],
  ])('round(%d, %d) is %d', (value, digits, want) => {
    expect(round(value, digits)).toBe(want);
  });
});
