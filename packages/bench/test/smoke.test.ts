/**
 * `npm run bench -- --smoke`, run for real (the built CLI, real servers, real load), so that the benchmark
 * cannot rot. It asserts that every section produced sane figures, never how fast anything was: the machine
 * running the tests is shared and noisy.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchEntry } from '../src/paths.js';
import type { BenchResults } from '../src/results.js';
import { WORKLOAD_IDS } from '../src/workloads.js';

const run = promisify(execFile);

describe('npm run bench -- --smoke', () => {
  let out: string;
  let results: BenchResults;
  let markdown: string;
  let printed: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    // The timeout's SIGTERM makes the benchmark stop the servers it started.
    const { stdout } = await run(process.execPath, [benchEntry('bench'), '--smoke', '--out', out], { maxBuffer: 16 * 2 ** 20, timeout: 220_000 });
    printed = stdout;
    results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as BenchResults;
    markdown = readFileSync(join(out, 'results.md'), 'utf8');
  }, 240_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('describes the machine it ran on', () => {
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(results.settings.smoke).toBe(true);
  });

  it('measures every workload on every contender, without failed requests', () => {
    const { rows } = results.throughput!;
    expect(rows).toHaveLength(WORKLOAD_IDS.length * 3);
    for (const row of rows) {
      expect(row.requestsPerSecond, `${row.label} on ${row.contender}`).toBeGreaterThan(0);
      expect(row.non2xx + row.errors, `${row.label} on ${row.contender}`).toBe(0);
      expect(row.peakRssMb).toBeGreaterThan(0);
      expect(Number.isFinite(row.vsKoa) && Number.isFinite(row.vsPrism)).toBe(true);
    }
    const koa = rows.find((r) => r.contender === 'koa' && r.workload === 'orders')!;
    expect(koa.vsKoa).toBe(1);
  });

  it('sets GET /orders with the read cache off beside the cached figure', () => {
    const uncached = results.throughput!.rows.find((r) => r.contender === 'reference' && r.workload === 'orders-uncached')!;
    expect(uncached.requestsPerSecond).toBeGreaterThan(0);
    expect(markdown).toContain('The GET /orders figure relies on the server\'s read cache');
    expect(markdown).toContain(`serves ${Math.round(uncached.requestsPerSecond).toLocaleString('en')} req/s`);
  });

  it('times start to first 200', () => {
    expect(results.startup!.reference.medianMs).toBeGreaterThan(0);
    expect(results.startup!.prism.medianMs).toBeGreaterThan(0);
  });

  it('generates a database per size and reads one customer from each', () => {
    const growth = results.growth!;
    expect(growth.sizes.map((s) => s.totalOrders)).toEqual(results.settings.growthSizes);
    expect(growth.rows).toHaveLength(3 * results.settings.growthSizes.length);
    for (const row of growth.rows) expect(row.requestsPerSecond).toBeGreaterThan(0);
  });

  it('prices each part of the reference server by taking it out', () => {
    const { steps } = results.breakdown!;
    expect(steps.map((s) => s.label).slice(0, 2)).toEqual(['reference server, as shipped', 'without the read cache']);
    expect(markdown).not.toMatch(/: -\d/);
    for (const step of steps) {
      expect(step.requestsPerSecond).toBeGreaterThan(0);
      // CPU time comes from /proc: Linux only.
      if (existsSync('/proc/self/stat')) expect(step.cpuMicrosPerRequest).toBeGreaterThan(0);
    }
  });

  it('compares MSW with a direct call', () => {
    expect(results.msw!.directMicros).toBeGreaterThan(0);
    expect(results.msw!.ratio).toBeGreaterThan(0);
  });

  it('weighs the SDK against openapi-fetch alone', () => {
    const sdk = results.sdk!;
    expect(sdk.withOpenapiFetch.gzipBytes).toBeGreaterThan(0);
    expect(sdk.addedGzipBytes).toBe(sdk.withSdk.gzipBytes - sdk.withOpenapiFetch.gzipBytes);
  });

  it("profiles the reference server's time by package", () => {
    expect(results.profile!.byPackage.length).toBeGreaterThan(0);
  });

  it('checks every target of the issue', () => {
    expect(results.targets.map((t) => t.id)).toEqual(['orders-vs-koa', 'orders-vs-prism', 'orders-p99', 'startup', 'rss', 'growth-flat', 'generation', 'sdk-size']);
    // A smoke run's databases are far below a million orders, so the generator's target is not judged.
    expect(results.targets.find((t) => t.id === 'generation')!.status).toBe('not measured');
  });

  it('prints the report and writes it as Markdown, but publishes nothing without --publish', () => {
    const headings = ['## Targets', '## Throughput', '## Start to first 200', '## What each part costs', '## Growth with data', '## MSW in Node', '## SDK size'];
    for (const heading of headings) {
      expect(markdown).toContain(heading);
      expect(printed).toContain(heading);
    }
    expect(existsSync(join(out, 'performance.md'))).toBe(false);
  });
});
