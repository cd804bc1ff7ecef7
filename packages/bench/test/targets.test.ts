import { describe, expect, it } from 'vitest';
import { checkTargets } from '../src/report/targets.js';
import type { BenchResults } from '../src/results.js';
import type { ThroughputRow } from '../src/sections/throughput.js';

const machine = { cpu: 'test CPU', cores: 2, memoryGb: 8, node: 'v20', platform: 'Linux', date: '2024-01-01T00:00:00.000Z' };
const settings = { smoke: false, rounds: 3, durationSeconds: 5, warmupSeconds: 1, connections: 32, growthSizes: [], loadGenerator: 'autocannon' };

function row(workload: ThroughputRow['workload'], fields: Partial<ThroughputRow>): ThroughputRow {
  return {
    workload,
    label: workload,
    contender: 'reference',
    requestsPerSecond: 1000,
    p50Ms: 3,
    p99Ms: 8,
    peakRssMb: 90,
    cpuMicrosPerRequest: 300,
    vsKoa: 0.6,
    vsPrism: 5,
    non2xx: 0,
    errors: 0,
    ...fields,
  };
}

function results(rows: ThroughputRow[], extra: Partial<BenchResults> = {}): Omit<BenchResults, 'targets'> {
  return { machine, settings, seconds: 1, throughput: { connections: 32, durationSeconds: 5, rounds: 3, samples: [], rows }, ...extra };
}

const byId = (checks: ReturnType<typeof checkTargets>) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe('checkTargets', () => {
  it('passes what reaches its goal', () => {
    const checks = byId(checkTargets(results([row('orders', {})])));
    expect(checks['orders-vs-koa']!.status).toBe('pass');
    expect(checks['orders-vs-prism']!.status).toBe('pass');
    expect(checks['orders-p99']!.status).toBe('pass');
    expect(checks['rss']!.status).toBe('pass');
  });

  it('says by how much a target is missed', () => {
    const checks = byId(checkTargets(results([row('orders', { vsKoa: 0.4, vsPrism: 3, p99Ms: 25 })])));
    expect(checks['orders-vs-koa']).toMatchObject({ status: 'miss', shortfall: '20% below the goal' });
    expect(checks['orders-vs-prism']).toMatchObject({ status: 'miss', shortfall: '25% below the goal' });
    expect(checks['orders-p99']).toMatchObject({ status: 'miss', shortfall: '15 ms over' });
  });

  it("judges memory on the worst workload, leaving login's scrypt memory out but showing it", () => {
    const check = byId(checkTargets(results([row('orders', { peakRssMb: 100 }), row('mixed', { peakRssMb: 130 }), row('login', { peakRssMb: 180 })])))['rss']!;
    expect(check).toMatchObject({ status: 'miss', shortfall: '10 MB over' });
    expect(check.measured).toContain('login: 180 MB');
  });

  it('leaves out what the run did not measure rather than passing it', () => {
    const checks = byId(checkTargets(results([row('orders', {})])));
    expect(checks['startup']!.status).toBe('not measured');
    expect(checks['growth-flat']!.status).toBe('not measured');
    expect(checks['sdk-size']!.status).toBe('not measured');
  });

  it('does not judge p99 measured at another number of connections', () => {
    const run = results([row('orders', {})]);
    run.throughput!.connections = 8;
    expect(byId(checkTargets(run))['orders-p99']!.status).toBe('not measured');
  });

  it('checks the SDK budget', () => {
    const sdk = { withSdk: { minifiedBytes: 9000, gzipBytes: 5000 }, withOpenapiFetch: { minifiedBytes: 7000, gzipBytes: 2800 }, addedGzipBytes: 2200, budgetBytes: 2048 };
    expect(byId(checkTargets(results([], { sdk })))['sdk-size']).toMatchObject({ status: 'miss', shortfall: '152 B over' });
  });
});
