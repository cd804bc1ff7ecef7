/**
 * Benchmarks of the Customer Portal: the reference server against bare Koa and Prism, its growth with data,
 * the cost of MSW in Node and the size of the SDK. Run it with `npm run bench`; this module exports the
 * pieces for tests and scripts.
 *
 * @example
 * import { buildDatabase } from '@customer-portal/bench';
 * const built = buildDatabase('data/bench/portal.db', { customers: 100, orders: 10_000, heavyCustomerOrders: 1000 });
 */
export { buildDatabase, seedSampleDatabase, type BuiltDatabase } from './generator/build-database.js';
export { generateData, type DataCounts, type DataPlan, type GeneratedData } from './generator/generate.js';
export { parseBenchArgs, SECTIONS, type BenchOptions, type SectionId } from './options.js';
export { renderMarkdown } from './report/markdown.js';
export { checkTargets, TARGETS, type TargetCheck } from './report/targets.js';
export type { BenchResults } from './results.js';
export { runBench } from './run-bench.js';
export { median, ratio, round } from './stats.js';
