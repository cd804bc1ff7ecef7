/** The benchmark's pure logic: what it measures with and how it judges a run. No timings are asserted. */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkWorld, sampleWorld, type SampleWorld } from '@customer-portal/core';
import { generateBatches } from '../src/data.js';
import { measure, median, ratio, summarise, type LoadRequest, type Measurement } from '../src/load.js';
import { checkTargets, problems, table, type Results } from '../src/report.js';
import { parseSettings, type Settings } from '../src/settings.js';
import { randomOrderUrls } from '../src/workloads.js';
import { describeUnless } from '../../../test/support/skipped.js';

// wrk drives the benchmark's load; `npm test` does not need it, and reports this part skipped without it.
const noWrk = spawnSync('wrk', ['--version']).error ? 'wrk is not installed (apt-get install wrk; .ci/run does)' : undefined;

const run = (over: Partial<Measurement> = {}): Measurement => ({ requestsPerSecond: 100, p50Ms: 1, p99Ms: 5, cpuMicrosPerRequest: 50, peakRssMb: 80, failures: 0, ...over });

describe('statistics', () => {
  it('takes medians of finite values and ratios only where they mean something', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 7])).toBe(7);
    expect(median([])).toBeNaN();
    expect(ratio(50, 100)).toBe(0.5);
    expect(ratio(50, 0)).toBeUndefined();
    expect(ratio(50, undefined)).toBeUndefined();
  });

  it('summarises rounds by their medians and sums their failures', () => {
    expect(summarise([run({ requestsPerSecond: 1, failures: 1 }), run({ requestsPerSecond: 9 }), run({ requestsPerSecond: 5, failures: 2 })])).toEqual(run({ requestsPerSecond: 5, failures: 3 }));
  });
});

describeUnless(noWrk, 'the load, driven by wrk', () => {
  it('sends the requests in turn, goes on where the last run stopped, and counts error statuses as failures', async () => {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
      response.statusCode = request.url === '/missing' ? 404 : 200;
      response.end('ok');
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const running = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, pid: process.pid, readyMs: 0, close: async () => {} };
    // More than a run of a second sends, so that the list never starts over within these runs.
    const requests: LoadRequest[] = Array.from({ length: 200_000 }, (_, i) => ({ method: 'GET', path: `/${i}`, headers: { Authorization: 'Bearer x' } }));
    const position = (line: string) => Number(line.split(' ')[1]!.slice(1));
    try {
      const first = await measure(running, requests, { connections: 1, durationSeconds: 1, warmupSeconds: 0 });
      expect(first.failures).toBe(0);
      expect(first.requestsPerSecond).toBeGreaterThan(0);
      expect(seen.length).toBeLessThan(requests.length);
      expect(seen.every((line) => line.endsWith(' Bearer x'))).toBe(true);
      // Each request is the one after the last (wrk asks its script for one request that it does not send).
      expect(seen.slice(1).every((line, i) => position(line) === position(seen[i]!) + 1)).toBe(true);
      const sentFirst = seen.length;
      await measure(running, requests, { connections: 1, durationSeconds: 1, warmupSeconds: 0 });
      // The second run goes on after the first, not from the start of the list.
      expect(position(seen[sentFirst]!) - position(seen[sentFirst - 1]!)).toBeGreaterThanOrEqual(1);
      expect(position(seen[sentFirst]!) - position(seen[sentFirst - 1]!)).toBeLessThanOrEqual(3);
      const broken = await measure(running, [{ method: 'GET', path: '/missing' }], { connections: 1, durationSeconds: 1, warmupSeconds: 0 });
      expect(broken.failures).toBeGreaterThan(0);
      expect(broken.requestsPerSecond).toBe(0);
    } finally {
      server.close();
    }
  });
  it('refuses a request that its request file cannot hold, before any load', async () => {
    const running = { url: 'http://127.0.0.1:9', pid: process.pid, readyMs: 0, close: async () => {} };
    await expect(measure(running, [{ method: 'POST', path: '/x', body: 'a\0b' }], { connections: 1, durationSeconds: 1, warmupSeconds: 0 })).rejects.toThrow(/cannot hold a NUL byte/);
  });
});

describe('the random filters and pages', () => {
  it('are the same distinct, valid URLs on every run', () => {
    const urls = randomOrderUrls(300);
    expect(urls).toEqual(randomOrderUrls(300));
    expect(new Set(urls).size).toBe(300);
    for (const url of urls) {
      const query = new URL(url, 'http://x').searchParams;
      const limit = Number(query.get('limit'));
      expect(limit).toBeGreaterThanOrEqual(1);
      expect(limit).toBeLessThanOrEqual(100);
      expect(Number(query.get('offset'))).toBeLessThanOrEqual(12);
    }
  });
});

describe('the generated data', () => {
  it('is the same on every run, with the heavy customer first and fresh ids', () => {
    const plan = { customers: 5, orders: 1400, heavyCustomerOrders: 1000 };
    const [batch] = [...generateBatches(plan)];
    expect(JSON.stringify([...generateBatches(plan)])).toBe(JSON.stringify([batch]));
    expect(batch!.customers).toHaveLength(5);
    expect(batch!.orders).toHaveLength(1400);
    expect(batch!.orders.filter((o) => o.customer_id === batch!.customers[0]!.id)).toHaveLength(1000);
    expect(batch!.orders[0]!.id).toBe('ORD1000000');
  });

  it('added to the sample world, keeps the contract and every rule between records (core checks it)', () => {
    const sample = sampleWorld();
    const batches = [...generateBatches({ customers: 30, orders: 4000, heavyCustomerOrders: 1000 })];
    expect(batches.length).toBeGreaterThan(0);
    const all = [sample, ...batches];
    const merged = Object.fromEntries((['customers', 'orders', 'returns', 'tickets', 'notifications'] as const).map((kind) => [kind, all.flatMap((w) => w[kind] as unknown[])]));
    expect(checkWorld(merged as unknown as SampleWorld)).toEqual([]);
  });
});

describe('settings', () => {
  it('shrinks a smoke run, takes PostgreSQL from the flag or the environment, and refuses unknown sections', () => {
    const smoke = parseSettings(['--smoke'], {}) as Settings;
    expect(smoke).toMatchObject({ smoke: true, rounds: 1, connections: 32, postgresUrl: undefined });
    expect((parseSettings([], { BENCH_DATABASE_URL: 'postgres://a/b' }) as Settings).postgresUrl).toBe('postgres://a/b');
    expect((parseSettings(['--postgres', 'postgres://c/d'], {}) as Settings).postgresUrl).toBe('postgres://c/d');
    expect(() => parseSettings(['--only', 'speed'], {})).toThrow(/Unknown section/);
  });
});

describe('judging a run', () => {
  const results = (rows: NonNullable<Results['throughput']>['rows'], mismatches: string[] = []): Results => ({
    machine: { cpu: 'x', cores: 2, memoryGb: 1, node: 'v20', platform: 'Linux', date: '2026-01-01' },
    settings: { smoke: true, rounds: 1, connections: 32, durationSeconds: 1, warmupSeconds: 1, growthSizes: [], postgres: false },
    seconds: 1,
    throughput: { rows, identity: { checked: 3, mismatches } },
  });

  it('finds failed requests, differing bytes and figures that are not numbers', () => {
    expect(problems(results([{ ...run(), workload: 'dashboard', label: 'GET /dashboard', contender: 'reference' }]))).toEqual([]);
    const broken = results([{ ...run({ failures: 2, p99Ms: Number.NaN }), workload: 'dashboard', label: 'GET /dashboard', contender: 'reference' }], ['GET /x: differs']);
    expect(problems(broken)).toEqual(['GET /dashboard on reference server: 2 failed requests', 'the naive handler answered differently: GET /x: differs', 'results.throughput.rows.0.p99Ms is NaN']);
  });

  it('checks the targets against the naive handler and bare Koa', () => {
    const targets = checkTargets(results([
      { ...run({ p99Ms: 12 }), workload: 'random-pages', label: 'pages', contender: 'reference', vsNaive: 1.2 },
      { ...run(), workload: 'same-request', label: 'same', contender: 'reference', vsKoa: 0.4 },
    ]));
    expect(targets.map((t) => t.pass)).toEqual([true, false, false, true]);
  });

  it('judges PostgreSQL against SQLite, and two processes against one, from the same run', () => {
    const at = (workload: 'random-pages' | 'dashboard', contender: 'reference' | 'postgres-1' | 'postgres-2', requestsPerSecond: number) =>
      ({ ...run({ requestsPerSecond }), workload, label: workload, contender });
    const targets = checkTargets(results([
      at('random-pages', 'reference', 1000), at('random-pages', 'postgres-1', 600), at('random-pages', 'postgres-2', 560),
      at('dashboard', 'reference', 10_000), at('dashboard', 'postgres-1', 1400), at('dashboard', 'postgres-2', 1400),
    ])).filter((t) => t.target.startsWith('PostgreSQL'));
    expect(targets.map((t) => [t.measured, t.pass])).toEqual([
      ['0.60 of SQLite (600 against 1,000 req/s)', true],
      ['0.14 of SQLite (1,400 against 10,000 req/s)', false],
      ['0.93 of 1 process (560 against 600 req/s)', false],
      ['1.00 of 1 process (1,400 against 1,400 req/s)', true],
    ]);
  });

  it('writes Markdown tables', () => {
    expect(table(['a', 'b'], [['1', '2']], 'lr')).toBe('| a | b |\n| :-- | --: |\n| 1 | 2 |');
  });
});
