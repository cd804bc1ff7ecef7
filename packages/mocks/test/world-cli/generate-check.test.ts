/** `customer-portal-world generate` and `check`, run as a user runs them. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorldFile } from '@customer-portal/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runWorldCli } from './run-world-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'portal-world-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

describe('customer-portal-world generate', () => {
  it('writes the same file byte for byte for one seed, another world for another, each passing check', async () => {
    const runs = await Promise.all([
      runWorldCli(['generate', '--seed', '42', '--customers', '25', '--orders-per-customer', '2..6', '--out', at('a.json')]),
      runWorldCli(['generate', '--seed', '42', '--customers', '25', '--orders-per-customer', '2..6', '--out', at('b.json')]),
      runWorldCli(['generate', '--seed', '43', '--customers', '25', '--orders-per-customer', '2..6', '--out', at('c.json')]),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(runs[0]!.stdout).toMatch(/a\.json: 25 customers, \d+ orders, .*password customer123/);
    expect(readFileSync(at('a.json'), 'utf8')).toBe(readFileSync(at('b.json'), 'utf8'));
    expect(readFileSync(at('c.json'), 'utf8')).not.toBe(readFileSync(at('a.json'), 'utf8'));
    const { world } = readWorldFile(readFileSync(at('a.json'), 'utf8'));
    for (const customer of world.customers) {
      const orders = world.orders.filter((o) => o.customer_id === customer.id).length;
      expect(orders).toBeGreaterThanOrEqual(2);
      expect(orders).toBeLessThanOrEqual(6);
    }
    for (const file of ['a.json', 'c.json']) {
      const checked = await runWorldCli(['check', at(file)]);
      expect(checked).toMatchObject({ code: 0, stdout: expect.stringMatching(/a sound world of 25 customers/) });
    }
  });

  it.each([
    [['generate', '--customers', '3', '--out', 'x.json'], 'generate needs --seed N.'],
    [['generate', '--seed', 'seven', '--customers', '3', '--out', 'x.json'], '--seed must be a whole number, not "seven".'],
    [['generate', '--seed', '1', '--customers', '3', '--orders-per-customer', '9..2', '--out', 'x.json'], '--orders-per-customer must be MIN..MAX with MIN <= MAX'],
    [['generate', '--seed', '1', '--customers', '3'], 'generate needs --out FILE.'],
  ])('refuses %j in one sentence, writing nothing', async (args, message) => {
    const run = await runWorldCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toContain(message);
    expect(existsSync(at('x.json'))).toBe(false);
  });
});

describe('customer-portal-world check', () => {
  it('names the record and the field of each breach, and exits 1', async () => {
    const { world } = readWorldFile(readFileSync(at('a.json'), 'utf8'));
    world.orders[0]!.total += 1;
    world.tickets[0]!.messages[0]!.timestamp = '2001-01-01T00:00:00Z';
    writeFileSync(at('broken.json'), JSON.stringify({ format: 1, world, inferred: [] }));
    const run = await runWorldCli(['check', at('broken.json')]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${at('broken.json')} breaks 2 rules:`);
    expect(lines[1]).toMatch(/^ {2}orders\[0\] \(ORD1000\), field total: must be the sum of its items' subtotals/);
    expect(lines[2]).toMatch(/^ {2}tickets\[0\] \(TKT1\), field messages\[0\]\.timestamp: must not be before the ticket was opened/);
  });

  it.each([
    ['not JSON', '{"format": 1', /is not JSON \(.+\)\.$/],
    ['another format', '{"format": 3, "world": {}}', /is a world file of format 3, and this version reads format 1 only\.$/],
    ['not a world file', '[1, 2]', /is not a world file: it needs "format": 1/],
  ])('refuses a file that is %s in one sentence naming it, and exits 1', async (_name, text, message) => {
    writeFileSync(at('bad.json'), text);
    const run = await runWorldCli(['check', at('bad.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(new RegExp(`^${at('bad.json')} `));
    expect(run.stderr.trim()).toMatch(message);
  });

  it('leaves no partial files behind', () => {
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
