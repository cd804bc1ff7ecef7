/**
 * mulberry32: a tiny seeded generator of numbers in [0, 1), so that one seed always gives one world (not for
 * anything secret). Its first outputs for a seed are pinned by a test: a change here changes every world.
 *
 * @example
 * const random = seededRandom(7);
 * random(); // the same number on every machine, every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
