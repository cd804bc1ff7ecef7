import { describe, expect, it } from 'vitest';
import { parseBenchArgs, SECTIONS, type BenchOptions } from '../src/options.js';

const parse = (...argv: string[]) => parseBenchArgs(argv) as BenchOptions;

describe('parseBenchArgs', () => {
  it('runs every section at full size by default', () => {
    const options = parse();
    expect(options.sections).toEqual([...SECTIONS]);
    expect(options).toMatchObject({ smoke: false, publish: false, rounds: 3, connections: 32, growthSizes: [10_000, 100_000, 1_000_000] });
  });

  it('shrinks everything with --smoke, to one round of short runs on tiny databases', () => {
    const options = parse('--smoke');
    expect(options.rounds).toBe(1);
    expect(options.durationSeconds).toBeLessThan(1);
    expect(Math.max(...options.growthSizes)).toBeLessThan(10_000);
  });

  it('keeps explicit values over the smoke defaults', () => {
    expect(parse('--smoke', '--rounds', '2', '--duration', '3').durationSeconds).toBe(3);
  });

  it('sorts the growth sizes, so that the first is the baseline', () => {
    expect(parse('--sizes', '50000,5000,20000').growthSizes).toEqual([5000, 20_000, 50_000]);
  });

  it('selects sections and workloads', () => {
    const options = parse('--only', 'sdk,msw', '--workloads', 'orders');
    expect(options.sections).toEqual(['sdk', 'msw']);
    expect(options.workloads).toEqual(['orders']);
  });

  it.each([
    ['an unknown section', ['--only', 'speed'], /Unknown --only value\(s\): speed/],
    ['an unknown workload', ['--workloads', 'checkout'], /Unknown --workloads value\(s\): checkout/],
    ['a duration that is not a number', ['--duration', 'long'], /--duration must be a positive number/],
    ['a database smaller than the customer it reads', ['--sizes', '500'], /must exceed the 1000 orders/],
  ])('explains %s', (_name, argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });

  it('renders earlier results with --from instead of measuring', () => {
    expect(parse('--from', 'reports/bench/results.json', '--publish')).toMatchObject({ from: 'reports/bench/results.json', publish: true });
    expect(parse().from).toBeUndefined();
  });

  it('answers --help', () => {
    expect(parseBenchArgs(['--help'])).toBe('help');
  });
});
