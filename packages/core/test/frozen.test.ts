import { describe, expect, it } from 'vitest';
import { deepFreeze, isDeeplyFrozen } from '../src/index.js';

describe('deeply frozen values', () => {
  it('are what deepFreeze makes of a JSON value', () => {
    const page = deepFreeze({ total: 1, items: [{ id: 'ORD123', items: [{ id: 'ITEM1' }] }] });
    expect(isDeeplyFrozen(page)).toBe(true);
    expect(() => page.items.push({ id: 'ORD124', items: [] })).toThrow(TypeError);
  });

  it('do not include a value frozen only at the top, or one holding a Date (a frozen Date can still be set)', () => {
    expect(isDeeplyFrozen(Object.freeze({ items: [] }))).toBe(false);
    expect(isDeeplyFrozen(deepFreeze({ at: new Date(0) }))).toBe(false);
  });
});
