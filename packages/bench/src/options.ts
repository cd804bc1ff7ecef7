/**
 * Command line options of `npm run bench`. Every size and duration is configurable; `--smoke` shrinks them
 * all to a run of seconds, which the test suite uses so that the benchmark cannot rot.
 */
import { parseArgs } from 'node:util';
import { reportsDir } from './paths.js';
import { WORKLOAD_IDS, type WorkloadId } from './workloads.js';

export const SECTIONS = ['throughput', 'startup', 'growth', 'breakdown', 'profile', 'msw', 'sdk'] as const;
export type SectionId = (typeof SECTIONS)[number];

export interface BenchOptions {
  smoke: boolean;
  /** Also write docs/performance.md. */
  publish: boolean;
  /** Interleaved rounds; every figure is the median across them. */
  rounds: number;
  durationSeconds: number;
  /** Unrecorded load before each recorded run, so that every contender is measured warm. */
  warmupSeconds: number;
  connections: number;
  /** Total orders in each database of the growth section. */
  growthSizes: number[];
  /** Orders of the one customer the growth section reads. */
  heavyCustomerOrders: number;
  /** Cold starts per contender in the startup section. */
  startupRepeats: number;
  /** Requests per measured batch in the MSW section. */
  mswRequests: number;
  outDir: string;
  /** Render the reports from this earlier results.json instead of measuring. */
  from?: string;
  sections: SectionId[];
  /** Workloads of the throughput section. */
  workloads: WorkloadId[];
}

const FULL: Omit<BenchOptions, 'smoke' | 'publish' | 'outDir' | 'sections' | 'workloads'> = {
  rounds: 3,
  durationSeconds: 4,
  warmupSeconds: 1,
  connections: 32,
  growthSizes: [10_000, 100_000, 1_000_000],
  heavyCustomerOrders: 1000,
  startupRepeats: 5,
  mswRequests: 2000,
};

const SMOKE: typeof FULL = {
  rounds: 1,
  durationSeconds: 0.3,
  warmupSeconds: 0.1,
  connections: 32,
  growthSizes: [1_200, 1_500, 2_000],
  heavyCustomerOrders: 1000,
  startupRepeats: 1,
  mswRequests: 50,
};

const USAGE = `Usage: npm run bench -- [options]

  --smoke               a run of seconds: one short round, tiny databases
  --publish             also write docs/performance.md
  --rounds N            interleaved rounds (default 3)
  --duration S          seconds of load per contender and workload (default 4)
  --warmup S            unrecorded seconds before each run (default 1)
  --connections N       concurrent connections (default 32)
  --sizes A,B,C         total orders of the growth databases (default 10000,100000,1000000)
  --only a,b            sections to run: ${SECTIONS.join(', ')}
  --workloads a,b       throughput workloads: ${WORKLOAD_IDS.join(', ')}
  --out DIR             where results.json and results.md go (default reports/bench)
  --from FILE           measure nothing: render the reports from an earlier results.json`;

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not '${value}'.\n\n${USAGE}`);
  return n;
}

function listOf<T extends string>(name: string, value: string | undefined, known: readonly T[]): T[] {
  if (value === undefined) return [...known];
  const given = value.split(',').map((s) => s.trim());
  const unknown = given.filter((s) => !(known as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`Unknown --${name} value(s): ${unknown.join(', ')}; use ${known.join(', ')}.\n\n${USAGE}`);
  return given as T[];
}

/**
 * Reads the benchmark's options from command line arguments.
 *
 * @example
 * parseBenchArgs(['--smoke', '--only', 'throughput,sdk']);
 */
export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      sizes: { type: 'string' },
      only: { type: 'string' },
      workloads: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const base = values.smoke ? SMOKE : FULL;
  const sections = listOf('only', values.only, SECTIONS);
  const workloads = listOf('workloads', values.workloads, WORKLOAD_IDS);
  const growthSizes = values.sizes ? values.sizes.split(',').map((s) => positiveNumber('sizes', s.trim(), 0)) : base.growthSizes;
  const smallest = Math.min(...growthSizes);
  if (smallest <= base.heavyCustomerOrders) {
    throw new Error(`Every --sizes value must exceed the ${base.heavyCustomerOrders} orders of the customer it reads.`);
  }
  return {
    ...base,
    smoke: values.smoke,
    publish: values.publish,
    rounds: Math.round(positiveNumber('rounds', values.rounds, base.rounds)),
    durationSeconds: positiveNumber('duration', values.duration, base.durationSeconds),
    warmupSeconds: positiveNumber('warmup', values.warmup, base.warmupSeconds),
    connections: Math.round(positiveNumber('connections', values.connections, base.connections)),
    growthSizes: growthSizes.map(Math.round).sort((a, b) => a - b),
    outDir: values.out ?? reportsDir,
    ...(values.from !== undefined && { from: values.from }),
    sections,
    workloads,
  };
}

export { USAGE };
