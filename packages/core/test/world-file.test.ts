/** The world file: read and checked alike by every host; bad input refused in one sentence naming file, record and field. */
import { describe, expect, it } from 'vitest';
import { generateWorld, generateWorldRecords, readWorldFile, sampleWorld, WorldFileError, worldFileText, worldFileTextPieces } from '../src/index.js';

describe('worldFileText', () => {
  it('is the file as two-space JSON with a final newline, an empty list and inferred records included', () => {
    const world = { ...sampleWorld(), returns: [] };
    const inferred = [{ record: 'returns[0] (RET1)', reason: 'the dashboard counts it' }];
    expect(worldFileText(world, inferred)).toBe(`${JSON.stringify({ format: 1, world, inferred }, null, 2)}\n`);
  });

  it('is the same text when written record by record from a generator (a world too big for one string)', () => {
    const options = { seed: 3, customers: 20 };
    expect([...worldFileTextPieces(() => generateWorldRecords(options))].join('')).toBe(worldFileText(generateWorld(options)));
  });
});

describe('readWorldFile', () => {
  it('reads what worldFileText wrote, records in the order they were written', () => {
    const world = sampleWorld();
    world.orders.reverse();
    const file = readWorldFile(worldFileText(world, [{ record: 'returns[0] (RET1)', reason: 'the dashboard counts it' }]), 'a.world.json');
    expect(file.world).toEqual(world);
    expect(file.inferred).toEqual([{ record: 'returns[0] (RET1)', reason: 'the dashboard counts it' }]);
  });

  it('takes a file parsed already (a JSON import)', () => {
    expect(readWorldFile(JSON.parse(worldFileText(sampleWorld()))).world).toEqual(sampleWorld());
  });

  const broken = (() => {
    const world = sampleWorld();
    world.orders[2]!.total = 1;
    return worldFileText(world);
  })();

  it.each([
    ['text that is not JSON', '{"format": 1,', /^staging\.json is not JSON \(.+\)\.$/],
    ['JSON that is not a world file', '{"customers": []}', /^staging\.json is not a world file: it needs "format": 1 and a "world"/],
    ['a world file of another format', '{"format": 2, "world": {}}', /^staging\.json is a world file of format 2, and this version reads format 1 only\.$/],
    ['a world that breaks a rule', broken, /^staging\.json breaks a rule in orders\[2\] \(ORD121\), field total: must be the sum of its items' subtotals \(223\.99\), not 1\.$/],
  ])('refuses %s in one sentence', (_name, content, message) => {
    let error: unknown;
    try {
      readWorldFile(content, 'staging.json');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(WorldFileError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.split(/(?<=\.)\s+(?=[A-Z])/)).toHaveLength(1);
  });

  it('keeps every breach of a broken world for the tool that lists them', () => {
    const world = sampleWorld();
    world.orders[0]!.total = 1;
    world.returns[0]!.order_id = 'ORD999';
    try {
      readWorldFile(worldFileText(world), 'x.json');
      expect.unreachable();
    } catch (error) {
      expect((error as WorldFileError).breaches.map((b) => b.record)).toEqual(['orders[0] (ORD123)', 'returns[0] (RET1)']);
      expect((error as Error).message).toContain('(and 1 more; customer-portal-world check lists them all)');
    }
  });
});
