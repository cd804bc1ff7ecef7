/** The mocks serve a world file: its text or its parsed JSON as the `world` option, or read with loadWorld(path). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld, sampleWorld, worldFileText } from '@customer-portal/core';
import { totalCount } from '@customer-portal/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../src/create-handlers.js';
import { loadWorld, setupPortalServer } from '../src/node.js';
import { MOCK_URL, signedIn } from './accounts.js';

const world = generateWorld({ seed: 11, customers: 3, ordersPerCustomer: [30, 30] });
const [first] = world.customers;
const dir = mkdtempSync(join(tmpdir(), 'portal-worlds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe.each([
  ['the text of a world file', () => worldFileText(world)],
  ['a world file parsed already (a JSON import)', () => JSON.parse(worldFileText(world))],
  ['a world file read with loadWorld(path)', () => loadWorld(fileWith('served.world.json', worldFileText(world)))],
])('the world option takes %s', (_name, option) => {
  it("serves that world's customers and orders, not the sample world", async () => {
    const server = setupPortalServer({ baseUrl: MOCK_URL, world: await option() });
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const customer = await signedIn({ email: first!.email, password: first!.password });
      const { data, response } = await customer.GET('/api/v1/customer/orders', { params: { query: { limit: 5 } } });
      expect(totalCount(response)).toBe(30);
      expect(data?.[0]?.id).toBe(world.orders.filter((o) => o.customer_id === first!.id).at(-1)!.id);
    } finally {
      server.close();
    }
  });
});

describe('a world file the mocks cannot serve', () => {
  it.each([
    ['not JSON', 'world: yes', /^The world option is not JSON/],
    ['of another format', JSON.stringify({ format: 2, world: sampleWorld() }), /^The world option is a world file of format 2/],
    [
      'breaking a rule between records',
      worldFileText({ ...world, returns: [{ ...world.returns[0]!, order_id: world.orders.find((o) => o.status === 'CANCELLED')!.id }] }),
      /^The world option breaks a rule in returns\[0\] \(RET1\), field order_id: names ORD\d+, which is CANCELLED/,
    ],
  ])('is refused when the handlers are made: %s', (_name, text, message) => {
    expect(() => createHandlers({ world: text })).toThrow(message);
  });

  it('is refused by loadWorld naming the file when it is missing, not JSON or breaks a rule', async () => {
    await expect(loadWorld(join(dir, 'missing.json'))).rejects.toThrow(`${join(dir, 'missing.json')} cannot be read (ENOENT).`);
    const notJson = fileWith('not.json', '{');
    await expect(loadWorld(notJson)).rejects.toThrow(new RegExp(`^${notJson} is not JSON`));
    const broken = fileWith('broken.json', worldFileText({ ...world, customers: [{ ...first!, email: 'not an email' }, ...world.customers.slice(1)] }));
    await expect(loadWorld(broken)).rejects.toThrow(`${broken} breaks a rule in customers[0] (not an email), field email: Email must be an email address`);
  });
});
