/**
 * The command line of `npm run bench`: every size and duration comes from here; `--smoke` shrinks them all
 * to a run of a minute or two, which CI runs so that the benchmark cannot rot.
 */
import { parseArgs } from 'node:util';
import type { DataPlan } from './data.js';

export const SECTIONS = ['throughput', 'growth', 'msw', 'mocks-size', 'sdk', 'worlds'] as const;
export type SectionId = (typeof SECTIONS)[number];

export interface Settings {
  smoke: boolean;
  publish: boolean;
  sections: SectionId[];
  /** A PostgreSQL cluster where the benchmark may create and drop databases: adds the PostgreSQL contenders. */
  postgresUrl: string | undefined;
  /** Interleaved rounds; every figure is the median across them. */
  rounds: number;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** The database of the throughput section. */
  throughputData: DataPlan;
  /** Distinct URLs of the random-pages workload. */
  randomUrls: number;
  /** Total orders of each growth database. */
  growthSizes: number[];
  /** Starts timed per database (median). */
  startups: number;
  mswRequests: number;
}

const HEAVY = 1000;
const FULL: Omit<Settings, 'smoke' | 'publish' | 'sections' | 'postgresUrl'> = {
  rounds: 3, connections: 32, durationSeconds: 3, warmupSeconds: 1,
  throughputData: { customers: 200, orders: 20_000, heavyCustomerOrders: HEAVY }, randomUrls: 20_000,
  growthSizes: [10_000, 100_000, 1_000_000], startups: 5, mswRequests: 2000,
};
const SMOKE: typeof FULL = {
  rounds: 1, connections: 32, durationSeconds: 1, warmupSeconds: 0,
  throughputData: { customers: 10, orders: 2_000, heavyCustomerOrders: HEAVY }, randomUrls: 50,
  growthSizes: [1_500, 3_000], startups: 1, mswRequests: 50,
};

export const USAGE = `Usage: npm run bench -- [options]

  --smoke             a short run that checks the benchmark works: exits non-zero on any failed request,
                      any body the naive handler answers differently, any figure that is not a number
  --publish           also write docs/performance.md
  --only a,b          sections: ${SECTIONS.join(', ')} (default all)
  --postgres URL      a PostgreSQL cluster (or BENCH_DATABASE_URL): adds the reference server on PostgreSQL
                      with 1 and 2 processes, and the growth series on PostgreSQL
  --rounds N          interleaved rounds (default 3)
  --duration S        seconds of load per run (default 3)
  --sizes A,B         total orders of the growth databases (default 10000,100000,1000000)`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not '${value}'.\n\n${USAGE}`);
  return n;
}

export function parseSettings(argv: string[], env: NodeJS.ProcessEnv = process.env): Settings | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
      only: { type: 'string' },
      postgres: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      sizes: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const base = values.smoke ? SMOKE : FULL;
  const sections = values.only === undefined ? [...SECTIONS] : values.only.split(',').map((s) => s.trim());
  const unknown = sections.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`Unknown section(s): ${unknown.join(', ')}.\n\n${USAGE}`);
  const growthSizes = values.sizes === undefined ? base.growthSizes : values.sizes.split(',').map((s) => Math.round(positive('sizes', s, 0)));
  if (growthSizes.some((size) => size <= HEAVY)) throw new Error(`Every --sizes value must exceed the ${HEAVY} orders of the customer the growth section reads.`);
  return {
    ...base,
    smoke: values.smoke,
    publish: values.publish,
    sections: sections as SectionId[],
    postgresUrl: values.postgres || env.BENCH_DATABASE_URL || undefined,
    rounds: Math.round(positive('rounds', values.rounds, base.rounds)),
    durationSeconds: positive('duration', values.duration, base.durationSeconds),
    growthSizes: [...growthSizes].sort((a, b) => a - b),
  };
}
