/**
 * The results as Markdown: tables of figures and the targets, between fixed, hand-written text. No sentence
 * here is made from a figure: what the figures say, a reader sees in the tables.
 */
import { LABELS } from './contenders.js';
import type { GrowthDatabase, GrowthRow } from './sections/growth.js';
import type { MswResult } from './sections/msw.js';
import { SDK_BUDGET_BYTES } from './sections/sdk-size.js';
import type { ThroughputResult } from './sections/throughput.js';
import type { WorldsResult } from './sections/worlds.js';
import type { Settings } from './settings.js';

export interface Results {
  machine: { cpu: string; cores: number; memoryGb: number; node: string; platform: string; date: string };
  settings: Pick<Settings, 'smoke' | 'rounds' | 'connections' | 'durationSeconds' | 'warmupSeconds' | 'growthSizes'> & { postgres: boolean };
  seconds: number;
  throughput?: ThroughputResult;
  growth?: { databases: GrowthDatabase[]; rows: GrowthRow[] };
  msw?: MswResult;
  mocksSize?: { withMocksBytes: number; withMswBytes: number };
  sdk?: { withSdkBytes: number; withOpenapiFetchBytes: number; addedBytes: number };
  worlds?: WorldsResult;
}

export interface Target {
  target: string;
  measured: string;
  pass: boolean;
}

/** The mocks' speed in Node against a plain msw handler replying the same JSON. */
const MOCKS_SPEED_TARGET = 0.8;

const count = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? 'n/a' : Math.round(n).toLocaleString('en'));
const decimal = (n: number | undefined, digits = 2) => (n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits));
const ms = (n: number | undefined) => decimal(n, 1);

/**
 * A Markdown table; `align` has one 'l' or 'r' per column.
 */
export function table(headers: string[], rows: string[][], align: string): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map((_, i) => (align[i] === 'r' ? '--:' : ':--'))), ...rows.map(line)].join('\n');
}

/**
 * The targets, for the sections that ran.
 */
export function checkTargets(results: Results): Target[] {
  const targets: Target[] = [];
  const row = (workload: string, contender = 'reference') => results.throughput?.rows.find((r) => r.workload === workload && r.contender === contender);
  const pages = row('random-pages');
  if (pages) {
    targets.push({ target: 'random filters and pages: at least the naive handler\'s req/s', measured: `${decimal(pages.vsNaive)}× the naive handler`, pass: (pages.vsNaive ?? 0) >= 1 });
    targets.push({ target: `random filters and pages: p99 under 10 ms at 32 connections`, measured: `${ms(pages.p99Ms)} ms at ${results.settings.connections}`, pass: pages.p99Ms < 10 && results.settings.connections === 32 });
  }
  const same = row('same-request');
  if (same) targets.push({ target: 'the same request repeated: at least 0.5 of bare Koa\'s req/s', measured: `${decimal(same.vsKoa)} of bare Koa`, pass: (same.vsKoa ?? 0) >= 0.5 });
  targets.push(...postgresTargets(row));
  const identity = results.throughput?.identity;
  if (identity) targets.push({ target: 'the naive handler answers the same bytes', measured: `${identity.checked - identity.mismatches.length} of ${identity.checked} requests`, pass: identity.mismatches.length === 0 });
  const smallest = results.growth?.databases.find((d) => d.store === 'SQLite');
  if (smallest) targets.push({ target: 'start to first 200 under 300 ms', measured: `${count(smallest.startMs)} ms (SQLite, ${count(smallest.totalOrders)} orders)`, pass: smallest.startMs < 300 });
  const million = results.growth?.databases.find((d) => d.store === 'SQLite' && d.totalOrders >= 1_000_000);
  if (million) targets.push({ target: '1,000,000 orders generated in under 60 s', measured: `${decimal(million.generationSeconds, 1)} s`, pass: million.generationSeconds < 60 });
  if (results.msw) {
    const speed = results.msw.plainMswMicros / results.msw.mswMicros;
    targets.push({ target: `a mocked request in Node at least ${MOCKS_SPEED_TARGET} of a plain msw handler's speed`, measured: decimal(speed), pass: speed >= MOCKS_SPEED_TARGET });
  }
  if (results.worlds) targets.push({ target: '100,000 orders generated (core\'s world generator) within a few seconds', measured: `${decimal(results.worlds.seconds, 1)} s`, pass: results.worlds.seconds < 5 });
  if (results.sdk) targets.push({ target: `the SDK adds at most ${SDK_BUDGET_BYTES} B (min+gzip)`, measured: `${results.sdk.addedBytes} B`, pass: results.sdk.addedBytes <= SDK_BUDGET_BYTES });
  return targets;
}

/**
 * PostgreSQL beside SQLite, from the same run: one process against the reference server on SQLite, two
 * processes against one, on the workloads where a shared server's customers spend their requests.
 */
function postgresTargets(row: (workload: string, contender?: string) => ThroughputResult['rows'][number] | undefined): Target[] {
  const targets: Target[] = [];
  const against = (workload: string, contender: string, base: string, least: number, target: string, of: string) => {
    const [measured, baseline] = [row(workload, contender), row(workload, base)];
    if (!measured || !baseline) return;
    const share = measured.requestsPerSecond / baseline.requestsPerSecond;
    targets.push({ target, measured: `${decimal(share)} of ${of} (${count(measured.requestsPerSecond)} against ${count(baseline.requestsPerSecond)} req/s)`, pass: share >= least });
  };
  against('random-pages', 'postgres-1', 'reference', 0.5, 'PostgreSQL, 1 process: random filters and pages at least 0.5 of SQLite\'s req/s', 'SQLite');
  against('dashboard', 'postgres-1', 'reference', 0.15, 'PostgreSQL, 1 process: the same dashboard asked again at least 0.15 of SQLite\'s req/s', 'SQLite');
  against('random-pages', 'postgres-2', 'postgres-1', 0.95, 'PostgreSQL, 2 processes: random filters and pages within 5 % of 1 process or better', '1 process');
  against('dashboard', 'postgres-2', 'postgres-1', 0.95, 'PostgreSQL, 2 processes: the same dashboard within 5 % of 1 process or better', '1 process');
  return targets;
}

/**
 * What makes a smoke run fail: a failed request, an answer of the naive handler that differs from the
 * reference server's, a figure that is not a finite number.
 */
export function problems(results: Results): string[] {
  const found: string[] = [];
  for (const r of results.throughput?.rows ?? []) if (r.failures > 0) found.push(`${r.label} on ${LABELS[r.contender]}: ${r.failures} failed requests`);
  for (const r of results.growth?.rows ?? []) if (r.failures > 0) found.push(`${r.label} on ${r.store} ${r.totalOrders} orders: ${r.failures} failed requests`);
  for (const m of results.throughput?.identity.mismatches ?? []) found.push(`the naive handler answered differently: ${m}`);
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'number' && !Number.isFinite(value)) found.push(`${path} is ${value}`);
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
  };
  walk(results, 'results');
  return found;
}

function throughputTables(t: ThroughputResult): string[] {
  const rows = t.rows.map((r) => [r.label, LABELS[r.contender], count(r.requestsPerSecond), ms(r.p50Ms), ms(r.p99Ms), count(r.cpuMicrosPerRequest), count(r.peakRssMb), decimal(r.vsNaive), decimal(r.vsKoa), decimal(r.vsPrism), r.failures ? String(r.failures) : '']);
  const out = [
    '## Throughput',
    '',
    'Every server in its own process on 127.0.0.1, the same requests with the same `Authorization` header to all; wrk (one thread) in a process of its own. The reference server runs as users run it (`customer-portal-server`, response validation on). The naive handler (`src/naive-handler.ts`) is Koa + @koa/router + better-sqlite3 + jsonwebtoken + ajv answering the same bytes, checked before the load. Bare Koa replays the reference server\'s captured answers: the framework\'s ceiling. Prism mocks openapi.yaml from its examples. CPU µs/req is the server\'s CPU time (all its processes and threads) per successful request and RSS its peak: they move less than req/s on a shared machine. Random filters and pages are Ali\'s (twelve orders), tens of thousands of distinct URLs taken in turn by all connections, so that a page is rarely asked twice (the server remembers repeated answers); bare Koa has no captured answer for most of them and sits that workload out. Login is slow on purpose (scrypt).',
    '',
    table(['workload', 'server', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'RSS MB', '× naive', '× bare Koa', '× Prism', 'failed'], rows, 'llrrrrrrrrr'),
  ];
  if (t.rows.some((r) => r.contender === 'postgres-1')) {
    const side = (['random-pages', 'dashboard', 'message'] as const).flatMap((workload) => {
      const of = (c: string) => t.rows.find((r) => r.workload === workload && r.contender === c);
      const [sqlite, one, two] = [of('reference'), of('postgres-1'), of('postgres-2')];
      if (!sqlite || !one) return [];
      return [[sqlite.label, count(sqlite.requestsPerSecond), count(one.requestsPerSecond), count(two?.requestsPerSecond), decimal(one.requestsPerSecond / sqlite.requestsPerSecond), decimal(two && two.requestsPerSecond / one.requestsPerSecond)]];
    });
    out.push(
      '', '## SQLite or PostgreSQL', '',
      'The reference server on SQLite and on PostgreSQL with one and two processes (`WORKERS=2`), from the table above, side by side; the cluster runs on the same machine, and its CPU time is not in the server\'s.',
      '', table(['workload', 'SQLite req/s', 'PostgreSQL 1 req/s', 'PostgreSQL 2 req/s', '1 over SQLite', '2 over 1'], side, 'lrrrrr'),
      '', CHOOSING_A_STORE,
    );
  }
  return out;
}

/** Fixed text: when to choose which store. */
const CHOOSING_A_STORE = `**When to choose which.** SQLite (the default) for one developer's machine, a CI job that starts its own server, or the example app: nothing to install, the data is one file, every read is a function call in the server's process, no round trip. PostgreSQL (\`DATABASE_URL\`) when several processes or hosts must share one world: a team's shared server, test environments behind a load balancer, \`WORKERS\` above 1; its invariants hold across processes. Each query is a round trip, so one process on PostgreSQL is slower than on SQLite; a second process pays off only with cores to spare beside the database and the load.`;

function growthTables(g: NonNullable<Results['growth']>): string[] {
  return [
    '## Growth with data',
    '',
    'Databases of growing size (the sample world plus generated customers of about a hundred orders each), the median time from spawning `customer-portal-server` on each until an authenticated GET /orders answers 200, and one customer with a thousand orders read from each, by a server started with `REMEMBER_RESPONSES=false` so that every request is worked out. × smallest is CPU time per request over the smallest database\'s on the same store: 1 is flat.',
    '',
    table(['store', 'orders', 'customers', 'generated in s', 'start to first 200 ms'], g.databases.map((d) => [d.store, count(d.totalOrders), count(d.customers), decimal(d.generationSeconds, 1), count(d.startMs)]), 'lrrrr'),
    '',
    table(['read', 'store', 'orders', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', '× smallest', 'failed'], g.rows.map((r) => [r.label, r.store, count(r.totalOrders), count(r.requestsPerSecond), ms(r.p50Ms), ms(r.p99Ms), count(r.cpuMicrosPerRequest), decimal(r.vsSmallest), r.failures ? String(r.failures) : '']), 'llrrrrrrr'),
  ];
}

/**
 * The whole report.
 */
export function renderMarkdown(results: Results): string {
  const { machine: m, settings: s } = results;
  const out = [
    table(['CPU', 'cores', 'RAM GB', 'Node', 'OS', 'date'], [[m.cpu, String(m.cores), decimal(m.memoryGb, 1), m.node, m.platform, m.date.slice(0, 10)]], 'lrrlll'),
    '',
    table(['rounds', 'connections', 's per run', 's warm-up', 'smoke', 'run took s'], [[String(s.rounds), String(s.connections), String(s.durationSeconds), String(s.warmupSeconds), String(s.smoke), count(results.seconds)]], 'rrrrlr'),
    '',
    '## Targets',
    '',
    table(['target', 'measured', 'result'], checkTargets(results).map((t) => [t.target, t.measured, t.pass ? 'pass' : 'FAIL']), 'lll'),
  ];
  if (results.throughput) out.push('', ...throughputTables(results.throughput));
  if (results.growth) out.push('', ...growthTables(results.growth));
  if (results.msw) {
    const { directMicros, mswMicros, plainMswMicros } = results.msw;
    out.push('', '## MSW in Node', '', 'GET /orders three ways, in five alternating rounds (medians): `portal.serve()` called directly on an in-memory store; the mocks (`createHandlers`) and a plain msw handler replying the same JSON for the same path, both in one msw server, each timed as the second handler (a request passes the other one first), through `fetch`. Speed against plain msw is the plain handler\'s time over the mocks\' (1 is as fast as msw itself).', '');
    out.push(table(['direct µs', 'mocks µs', 'plain msw µs', 'mocks ÷ direct', 'speed against plain msw'], [[count(directMicros), count(mswMicros), count(plainMswMicros), decimal(mswMicros / directMicros), decimal(plainMswMicros / mswMicros)]], 'rrrrr'));
  }
  if (results.mocksSize) {
    const { withMocksBytes, withMswBytes } = results.mocksSize;
    out.push('', '## Mocks size', '', 'A page\'s mock start-up bundled (esbuild, minified, gzipped) with the mocks (`startPortalWorker`) and with msw alone (its worker and one handler).', '');
    out.push(table(['with the mocks B', 'msw alone B', 'added B'], [[String(withMocksBytes), String(withMswBytes), String(withMocksBytes - withMswBytes)]], 'rrr'));
  }
  if (results.sdk) {
    out.push('', '## SDK size', '', 'The same small app bundled (esbuild, minified, gzipped) with the SDK and with openapi-fetch alone.', '');
    out.push(table(['with the SDK B', 'openapi-fetch alone B', 'added B', 'budget B'], [[String(results.sdk.withSdkBytes), String(results.sdk.withOpenapiFetchBytes), String(results.sdk.addedBytes), String(SDK_BUDGET_BYTES)]], 'rrrr'));
  }
  if (results.worlds) {
    const w = results.worlds;
    out.push('', '## Generated worlds', '', 'Every record of a world of 100,000 orders from `generateWorldRecords` (what `customer-portal-world generate` writes and the benchmark seeds), streamed, no database.', '');
    out.push(table(['orders', 'records', 's', 'orders/s'], [[count(w.orders), count(w.records), decimal(w.seconds), count(w.orders / w.seconds)]], 'rrrr'));
  }
  return out.join('\n');
}

/** docs/performance.md: the report between fixed text. */
export function performanceDoc(results: Results): string {
  return [
    '# Performance',
    '',
    'How fast the reference server is against a hand-written naive handler, bare Koa (the framework\'s ceiling) and Prism; how it grows with data; how fast it starts; what MSW costs in Node; what the SDK adds to a bundle; and SQLite against PostgreSQL. Generated by `npm run bench -- --publish` (with `--postgres <url>` for the PostgreSQL figures); do not edit by hand.',
    '',
    '```sh',
    'npm run bench                                  # the full run: about ten minutes',
    'npm run bench -- --postgres "$TEST_DATABASE_URL" # with PostgreSQL (eval "$(.ci/postgres start)")',
    'npm run bench -- --smoke                       # a minute or two: what .ci/run runs',
    '```',
    '',
    renderMarkdown(results),
    ...(results.settings.postgres ? [] : ['', '## SQLite or PostgreSQL', '', 'This run had no PostgreSQL cluster; run with `--postgres <url>` for the side-by-side figures.', '', CHOOSING_A_STORE]),
    '',
  ].join('\n');
}
