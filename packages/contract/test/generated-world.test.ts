/**
 * The suite against the reference server seeded from a generated world (`--world FILE`), signed in as two of
 * its customers: what applies passes, and the journeys that assert the sample world's figures are reported
 * not applicable, with the reason.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld, worldFileText } from '@customer-portal/core';
import { afterAll, describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../src/options.js';
import { runContract } from './support/run-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'contract-world-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const world = generateWorld({ seed: 7, customers: 8, ordersPerCustomer: [6, 30] });
const file = join(dir, 'generated.world.json');
const WORLD_JOURNEYS = ['dashboard', 'orders', 'tracking', 'returns', 'tickets', 'notifications', 'profile-and-settings', 'isolation'];
writeFileSync(file, worldFileText(world));

describe('the suite on a generated world', () => {
  it('signs in as the first two customers with orders, tickets and notifications to read', () => {
    const { accounts } = optionsFromEnv({ CONTRACT_WORLD: file }, dir);
    const has = (id: number) => ['orders', 'tickets', 'notifications'].every((kind) => (world[kind as 'orders'] as { customer_id: number }[]).some((r) => r.customer_id === id));
    const chosen = world.customers.filter((c) => has(c.id)).slice(0, 2).map(({ email, password }) => ({ email, password }));
    expect(accounts).toEqual(chosen);
  });

  it('is refused for a target that serves its own data', () => {
    expect(() => optionsFromEnv({ CONTRACT_WORLD: file, CONTRACT_TARGET: 'msw' }, dir)).toThrow('--world seeds the reference server; the msw target serves its own data.');
  });

  it('passes every journey that applies, and reports the sample world’s as not applicable', async () => {
    // The journeys that read the customers' data; sign-in throttling and bad requests do not depend on the world.
    const { code, report } = await runContract('reference', ['--world', file, ...WORLD_JOURNEYS]);
    expect(report?.failures).toEqual([]);
    expect(code).toBe(0);
    expect(report!.tests.passed).toBeGreaterThan(70);
    expect(report!.tests.notApplicable).toBeGreaterThan(0);
    for (const skipped of report!.notApplicable) expect(JSON.stringify(skipped)).toContain(`serves the world in ${file}, not the sample world`);
  }, 300_000);
});
