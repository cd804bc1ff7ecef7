import { describe, expect, it } from 'vitest';
import { renderAnalysis } from '../src/report/analysis.js';
import { checkTargets } from '../src/report/targets.js';
import type { BenchResults } from '../src/results.js';
import type { ThroughputRow } from '../src/sections/throughput.js';

const machine = { cpu: 'test CPU', cores: 2, memoryGb: 8, node: 'v20', platform: 'Linux', date: '2024-01-01T00:00:00.000Z' };
const settings = { smoke: false, rounds: 3, durationSeconds: 4, warmupSeconds: 1, connections: 32, growthSizes: [], loadGenerator: 'autocannon' };

function orders(contender: ThroughputRow['contender'], requestsPerSecond: number, cpuMicrosPerRequest: number): ThroughputRow {
  return { workload: 'orders', label: 'GET /orders', contender, requestsPerSecond, p50Ms: 5, p99Ms: 8, peakRssMb: 90, cpuMicrosPerRequest, vsKoa: requestsPerSecond / 30_000, vsPrism: requestsPerSecond / 2000, non2xx: 0, errors: 0 };
}

function results(referenceRps: number): BenchResults {
  const run: Omit<BenchResults, 'targets'> = {
    machine,
    settings,
    seconds: 1,
    throughput: { connections: 32, durationSeconds: 4, rounds: 3, samples: [], rows: [orders('reference', referenceRps, 300), orders('koa', 30_000, 20), orders('prism', 2000, 600)] },
    breakdown: {
      workload: 'GET /orders',
      steps: [
        { label: 'reference server, as shipped', removed: '', requestsPerSecond: 3000, cpuMicrosPerRequest: 300, partMicros: Number.NaN },
        { label: 'without response validation', removed: 'response validation (ajv)', requestsPerSecond: 3500, cpuMicrosPerRequest: 260, partMicros: 40 },
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
    expect(text).toContain('budget of about 40 µs for a whole request, which the SQLite store alone (160 µs) exceeds');
    expect(text).toContain('response validation (ajv) 40 µs, the SQLite store (better-sqlite3) 160 µs');
    expect(text).toContain('what remains serves 10,000 req/s: 0.20 of bare Koa, about 5.0× Prism');
  });

  it('says nothing when every target it explains is met', () => {
    expect(renderAnalysis(results(16_000))).toBeUndefined();
  });
});
