import { describe, expect, it } from 'vitest';
import { renderAnalysis } from '../src/report/analysis.js';
import { memoryParagraph } from '../src/report/memory.js';
import { describePart } from '../src/report/part-cost.js';
import { checkTargets } from '../src/report/targets.js';
import type { BenchResults } from '../src/results.js';
import type { ThroughputRow } from '../src/sections/throughput.js';

const machine = { cpu: 'test CPU', cores: 2, memoryGb: 8, node: 'v20', platform: 'Linux', date: '2024-01-01T00:00:00.000Z' };
const settings = { smoke: false, rounds: 3, durationSeconds: 4, warmupSeconds: 1, connections: 32, growthSizes: [], loadGenerator: 'autocannon' };

function orders(contender: ThroughputRow['contender'], requestsPerSecond: number, cpuMicrosPerRequest: number, workload: ThroughputRow['workload'] = 'orders'): ThroughputRow {
  return { workload, label: workload === 'orders' ? 'GET /orders' : 'GET /orders (read cache off)', contender, requestsPerSecond, p50Ms: 5, p99Ms: 8, peakRssMb: 90, cpuMicrosPerRequest, vsKoa: requestsPerSecond / 30_000, vsPrism: requestsPerSecond / 2000, non2xx: 0, errors: 0 };
}

function results(referenceRps: number, extraRows: ThroughputRow[] = []): BenchResults {
  const run: Omit<BenchResults, 'targets'> = {
    machine,
    settings,
    seconds: 1,
    throughput: { connections: 32, durationSeconds: 4, rounds: 3, samples: [], rows: [orders('reference', referenceRps, 300), orders('koa', 30_000, 20), orders('prism', 2000, 600), ...extraRows] },
    breakdown: {
      workload: 'GET /orders',
      steps: [
        { label: 'reference server, as shipped', removed: '', requestsPerSecond: 3000, cpuMicrosPerRequest: 300, partMicros: Number.NaN },
        { label: 'without the read cache', removed: 'the read cache', requestsPerSecond: 2500, cpuMicrosPerRequest: 420, partMicros: -120 },
        { label: '… and without response validation', removed: 'response validation (ajv)', requestsPerSecond: 3500, cpuMicrosPerRequest: 380, partMicros: 40 },
        { label: '… and the in-memory store', removed: 'the SQLite store (better-sqlite3)', requestsPerSecond: 10_000, cpuMicrosPerRequest: 100, partMicros: 160 },
        { label: 'bare Koa, canned response', removed: 'core, routing and JSON serialisation', requestsPerSecond: 50_000, cpuMicrosPerRequest: 20, partMicros: 80 },
      ],
    },
  };
  return { ...run, targets: checkTargets(run) };
}

describe('renderAnalysis', () => {
  it("explains a missed throughput target with the run's own figures", () => {
    const text = renderAnalysis(results(3000))!;
    expect(text).toContain('## Why targets are missed (or nearly)');
    expect(text).toContain('budget of about 40 µs for a whole request.');
    expect(text).toContain('The reference server takes 300 µs (260 µs over the budget)');
    expect(text).toContain('the read cache saves 120 µs; without it, response validation (ajv) costs 40 µs, the SQLite store (better-sqlite3) costs 160 µs');
    expect(text).toContain('what remains serves 10,000 req/s: 0.20 of bare Koa, about 5.0× Prism');
    expect(text).not.toMatch(/-\d+ µs/);
  });

  it('sets the cached GET /orders figure beside the same server with its read cache off', () => {
    const text = renderAnalysis(results(3000, [orders('reference', 1500, 600, 'orders-uncached')]))!;
    expect(text).toContain('with it off, the same server serves 1,500 req/s, 0.05 of bare Koa and 0.75× Prism, at 600 µs of CPU a request');
  });

  it('says by how much the memory target is missed', () => {
    const mixed: ThroughputRow = { ...orders('reference', 3000, 300), workload: 'mixed', label: 'mixed (4 reads : 1 write)', peakRssMb: 125 };
    const text = renderAnalysis(results(3000, [mixed]))!;
    expect(text).toContain('peaks at 125 MB on mixed (4 reads : 1 write), 5 MB over the 120 MB target');
    expect(text).toContain("most of what is above the live heap is V8's young generation");
  });

  it('says nothing when every target it explains is met', () => {
    expect(renderAnalysis(results(16_000))).toBeUndefined();
  });
});

describe('describePart', () => {
  it('never prints a negative cost', () => {
    expect(describePart({ partMicros: 40.2 })).toBe('costs 40 µs');
    expect(describePart({ partMicros: -58 })).toBe('saves 58 µs');
    expect(describePart({ partMicros: -0.3 })).toBe('no measurable cost');
  });
});

describe('memoryParagraph', () => {
  it("names the reference server's highest peak, login left out, beside bare Koa's", () => {
    const row = (workload: ThroughputRow['workload'], label: string, peakRssMb: number, contender: ThroughputRow['contender'] = 'reference'): ThroughputRow => ({
      ...orders(contender, 3000, 300),
      workload,
      label,
      peakRssMb,
    });
    const text = memoryParagraph(
      results(3000, [row('mixed', 'mixed (4 reads : 1 write)', 112), row('login', 'POST /auth/login', 190), row('mixed', 'mixed (4 reads : 1 write)', 79, 'koa')]),
    );
    expect(text).toContain('The reference server peaks at 112 MB (mixed (4 reads : 1 write)), bare Koa at 90 MB.');
  });

  it('is empty when the throughput section did not run', () => {
    expect(memoryParagraph({ ...results(3000), throughput: undefined })).toBe('');
  });
});
