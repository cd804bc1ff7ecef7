/**
 * The results as Markdown: printed to the terminal, written to results.md and, with --publish, into
 * docs/performance.md.
 */
import { CONTENDER_LABELS } from '../contenders.js';
import type { BenchResults } from '../results.js';
import { renderAnalysis } from './analysis.js';
import { describePart } from './part-cost.js';
import { memoryParagraph } from './memory.js';
import { readCacheSentence } from './read-cache.js';
import { count, decimal, markdownTable } from './table.js';

function machine({ machine, settings, seconds }: BenchResults): string {
  return [
    '## Machine',
    '',
    markdownTable(
      ['CPU', 'cores', 'RAM', 'Node', 'OS', 'date'],
      [[machine.cpu, String(machine.cores), `${machine.memoryGb} GB`, machine.node, machine.platform, machine.date.slice(0, 10)]],
    ),
    '',
    `Load generator: ${settings.loadGenerator} on the same machine, over loopback. ${settings.smoke ? '**Smoke run**: durations and sizes are tiny; the figures prove the benchmark works, not how fast anything is. ' : ''}` +
      `${settings.rounds} interleaved round(s) of ${settings.durationSeconds} s per run after ${settings.warmupSeconds} s of warm-up, ${settings.connections} connections; ` +
      `every figure is the median across rounds. The run took ${Math.round(seconds)} s.`,
  ].join('\n');
}

function targets({ targets }: BenchResults): string {
  const result = (t: BenchResults['targets'][number]) => (t.status === 'miss' ? `**miss**: ${t.shortfall}` : t.status);
  return ['## Targets', '', markdownTable(['target', 'measured', 'result'], targets.map((t) => [t.goal, t.measured, result(t)]))].join('\n');
}

function throughput(results: BenchResults): string | undefined {
  const { throughput } = results;
  if (!throughput) return undefined;
  const rows = throughput.rows.map((r) => [
    r.label,
    CONTENDER_LABELS[r.contender],
    count(r.requestsPerSecond),
    String(r.p50Ms),
    String(r.p99Ms),
    count(r.peakRssMb),
    count(r.cpuMicrosPerRequest),
    decimal(r.vsKoa),
    decimal(r.vsPrism),
    r.non2xx + r.errors > 0 ? `${r.non2xx} non-2xx, ${r.errors} errors` : '',
  ]);
  return [
    '## Throughput',
    '',
    `Every server in its own process; the same requests and the same \`Authorization\` header to all. ` +
      'Bare Koa replays the reference server\'s own responses (captured before the run): the ceiling of the framework. ' +
      'Prism mocks openapi.yaml from its examples, logging warnings only. RSS is the peak during the run and CPU µs/req the CPU ' +
      'time (user + system, all threads) per successful request, both summed over the server\'s processes (Prism\'s CLI ' +
      'serves from a child it forks). CPU time per request barely moves when other processes share the machine; req/s does.',
    '',
    markdownTable(
      ['workload', 'server', 'req/s', 'p50 ms', 'p99 ms', 'RSS MB', 'CPU µs/req', '× bare Koa', '× Prism', 'failures'],
      rows,
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    '',
    ...[readCacheSentence(results)].filter(Boolean).flatMap((sentence) => [sentence, '']),
    'Latency is in whole milliseconds (autocannon\'s resolution). **Login** is slow on purpose: each sign-in runs ' +
      'scrypt (N = 2^14, r = 8, p = 1, about 40 ms of CPU and 16 MB of memory per hash, on libuv\'s thread pool), ' +
      'so a machine signs in at most about 25 customers a second per core; that is what makes guessing passwords expensive. ' +
      'Prism and bare Koa hand out a canned token.',
    ...[memoryParagraph(results)].filter(Boolean).flatMap((paragraph) => ['', paragraph]),
  ].join('\n');
}

function startup({ startup }: BenchResults): string | undefined {
  if (!startup) return undefined;
  const row = (name: string, t: { medianMs: number; samplesMs: number[] }) => [name, count(t.medianMs), t.samplesMs.map((s) => count(s)).join(', ')];
  return [
    '## Start to first 200',
    '',
    'From spawning the process (`node packages/server/dist/bin.js`, as `npm start` does) on an existing seeded database ' +
      'until an authenticated `GET /orders` answers 200, after one unrecorded start that warms the file cache.',
    '',
    markdownTable(['server', 'median ms', 'runs ms'], [row('reference server', startup.reference), row('Prism mock', startup.prism)], ['left', 'right', 'left']),
  ].join('\n');
}

function growth({ growth }: BenchResults): string | undefined {
  if (!growth) return undefined;
  const sizes = growth.sizes.map((s) => [
    count(s.totalOrders),
    count(s.customers),
    count(s.counts.orderItems),
    count(s.counts.tickets),
    count(s.counts.messages),
    count(s.fileMb),
    decimal(s.generationSeconds, 1),
    count(s.startupMs),
  ]);
  const rows = growth.rows.map((r) => [
    r.label,
    count(r.totalOrders),
    count(r.requestsPerSecond),
    String(r.p50Ms),
    String(r.p99Ms),
    count(r.cpuMicrosPerRequest),
    decimal(r.slowdown),
  ]);
  return [
    '## Growth with data',
    '',
    `Generated databases (\`npm run bench:data\`), each with the sample world plus one customer with ` +
      `${count(growth.heavyCustomerOrders)} orders, whose reads are measured; the other orders are spread over about 100 per customer. ` +
      'The reads are measured on the reference server with its read cache off (as in "GET /orders (read cache off)"): with ' +
      'it on, every repeat of a request is answered from memory whatever the size of the database.',
    '',
    markdownTable(
      ['orders', 'customers', 'items', 'tickets', 'messages', 'file MB', 'generated in s', 'start to first 200 ms'],
      sizes,
      ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    markdownTable(
      ['workload (one customer)', 'orders in database', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'slower than smallest'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  ].join('\n');
}

function msw({ msw }: BenchResults): string | undefined {
  if (!msw) return undefined;
  return [
    '## MSW in Node',
    '',
    `\`GET /orders\` through \`setupPortalServer\` and \`fetch\`, against \`portal.handle()\` called directly (core over the ` +
      `memory store, response validation on in both); median of ${msw.batches} batches of ${count(msw.requestsPerBatch)} sequential requests.`,
    '',
    markdownTable(
      ['path', 'µs per request', 'requests/s'],
      [
        ['portal.handle() directly', count(msw.directMicros), count(1e6 / msw.directMicros)],
        ['MSW + fetch', count(msw.mswMicros), count(1e6 / msw.mswMicros)],
      ],
      ['left', 'right', 'right'],
    ),
    '',
    `Going through MSW costs ${decimal(msw.ratio, 1)}× the direct call: the difference is fetch, MSW's interception and the handler's reading and writing of HTTP.`,
  ].join('\n');
}

function sdk({ sdk }: BenchResults): string | undefined {
  if (!sdk) return undefined;
  return [
    '## SDK size',
    '',
    'The same small app (sign in, two typed calls) bundled with esbuild (minified, browser platform), gzipped with node:zlib at level 9.',
    '',
    markdownTable(
      ['app', 'minified B', 'min+gzip B'],
      [
        ['with @customer-portal/sdk', count(sdk.withSdk.minifiedBytes), count(sdk.withSdk.gzipBytes)],
        ['with openapi-fetch alone', count(sdk.withOpenapiFetch.minifiedBytes), count(sdk.withOpenapiFetch.gzipBytes)],
      ],
      ['left', 'right', 'right'],
    ),
    '',
    `The SDK adds ${count(sdk.addedGzipBytes)} B gzipped (budget ${count(sdk.budgetBytes)} B).`,
  ].join('\n');
}

function breakdown({ breakdown }: BenchResults): string | undefined {
  if (!breakdown) return undefined;
  const rows = breakdown.steps.map((s) => [s.label, count(s.requestsPerSecond), count(s.cpuMicrosPerRequest), s.removed ? `${s.removed}: ${describePart(s)}` : '']);
  return [
    "## What each part costs",
    '',
    `${breakdown.workload} on the reference server assembled from its own exported parts, taking one part out at a time; ` +
      'the CPU time a step saves is what the part it removes costs a request. Taking the read cache out makes each request ' +
      'dearer, so its line says what it saves (the same server over `createSqliteStore(db, { rememberReads: false })`). ' +
      'Every step verifies tokens as the shipped server does: once per token, then remembered until it expires.',
    '',
    markdownTable(['server', 'req/s', 'CPU µs/req', 'part removed: what it does to CPU µs/req'], rows, ['left', 'right', 'right', 'left']),
  ].join('\n');
}

function profile({ profile }: BenchResults): string | undefined {
  if (!profile) return undefined;
  const share = (s: { share: number }) => `${(s.share * 100).toFixed(1)}%`;
  return [
    "## Where the reference server's time goes",
    '',
    `A V8 CPU profile of the reference server (\`node --cpu-prof\`) under ${profile.workload}: self time by package, as a share of ` +
      `the ${count(profile.busyMs)} ms it was busy (start-up included).`,
    '',
    markdownTable(['package', 'share'], profile.byPackage.map((p) => [p.name, share(p)]), ['left', 'right']),
    '',
    markdownTable(['function', 'share'], profile.topFunctions.map((p) => [p.name, share(p)]), ['left', 'right']),
  ].join('\n');
}

/**
 * The whole report, section by section (sections that did not run are left out).
 *
 * @example
 * console.log(renderMarkdown(results));
 */
export function renderMarkdown(results: BenchResults): string {
  return [machine, targets, renderAnalysis, throughput, startup, breakdown, profile, growth, msw, sdk]
    .map((section) => section(results))
    .filter((text): text is string => text !== undefined)
    .join('\n\n');
}
