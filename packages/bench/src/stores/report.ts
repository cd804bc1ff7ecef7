/** The stores benchmark as Markdown: both stores side by side, then PostgreSQL's growth series. */
import { count, decimal, markdownTable } from '../report/table.js';
import { STORE_CONTENDERS, STORE_LABELS } from './contenders.js';
import type { StoresResult } from './run-stores.js';

export function renderStores(result: StoresResult): string {
  const { settings } = result;
  const side = markdownTable(
    ['workload', ...STORE_CONTENDERS.map((c) => `${STORE_LABELS[c]} req/s`), 'PostgreSQL 1 / SQLite', 'PostgreSQL 2 / SQLite', 'p99 ms (SQLite / PG 1 / PG 2)'],
    [...new Set(result.rows.map((r) => r.workload))].map((workload) => {
      const of = (c: (typeof STORE_CONTENDERS)[number]) => result.rows.find((r) => r.workload === workload && r.contender === c)!;
      return [
        of('sqlite').label,
        ...STORE_CONTENDERS.map((c) => count(of(c).requestsPerSecond) + (of(c).failures > 0 ? ` (${of(c).failures} failed)` : '')),
        `${decimal(of('postgres').vsSqlite)}×`,
        `${decimal(of('postgres-2').vsSqlite)}×`,
        STORE_CONTENDERS.map((c) => decimal(of(c).p99Ms, 1)).join(' / '),
      ];
    }),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const lines = [
    '## SQLite or PostgreSQL, side by side',
    '',
    `The reference server as shipped on each store, ${settings.connections} connections, ${settings.durationSeconds} s per run after ` +
      `${settings.warmupSeconds} s of warm-up, median of ${settings.rounds} interleaved rounds (fresh servers and data each round). ` +
      'The PostgreSQL cluster runs on the same machine and its CPU time is not the server\'s: with two cores for everything, ' +
      'the figures say what one machine gives, not what a database on its own host would. ' +
      `Load average ${decimal(result.load.before, 1)} before and ${decimal(result.load.after, 1)} after, on ${result.load.cores} cores` +
      (result.load.before > result.load.cores ? ': the machine was busy with other work, so read the ratios as rough.' : '.'),
    '',
    side,
  ];
  if (result.growth.rows.length > 0) {
    const sizes = [...new Set(result.growth.rows.map((r) => r.totalOrders))];
    lines.push(
      '',
      '## Growth with data, on PostgreSQL',
      '',
      `The same customer (${count(result.growth.heavyCustomerOrders)} orders) read from PostgreSQL databases of increasing size ` +
        `(generated in ${sizes.map((s) => `${decimal(result.growth.generationSeconds[s] ?? Number.NaN, 1)} s`).join(', ')}). ` +
        'Slowdown is the smallest database\'s req/s over this one\'s: 1 is flat.',
      '',
      markdownTable(
        ['workload', 'orders in the database', 'req/s', 'p50 ms', 'p99 ms', 'slowdown'],
        result.growth.rows.map((r) => [r.label, count(r.totalOrders), count(r.requestsPerSecond), decimal(r.p50Ms, 1), decimal(r.p99Ms, 1), `${decimal(r.slowdown)}×`]),
        ['left', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  return lines.join('\n');
}
