import { describe, expect, it } from 'vitest';
import { latencyFor } from '../../src/chosen-answers.js';

describe('latencyFor', () => {
  it.each([
    ['no latency', undefined, 0],
    ['a fixed number', 250, 250],
    ["msw's realistic time", 'realistic', 'realistic'],
    ['a range, at its lowest', { min: 400, max: 1200 }, 400],
  ] as const)('%s', (_name, latency, want) => {
    expect(latencyFor(latency, () => 0)).toBe(want);
  });

  it('spreads a range over its whole width', () => {
    expect(latencyFor({ min: 400, max: 1200 }, () => 0.5)).toBe(800);
    expect(latencyFor({ min: 400, max: 1200 }, () => 0.999_999)).toBe(1200);
  });
});
