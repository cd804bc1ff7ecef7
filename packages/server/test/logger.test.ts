/**
 * The log a server writes to stdout: the lines of a turn of the event loop in one write, none lost when the
 * process exits or crashes, and each line stamped with the time it was logged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, turnLines } from '../src/logger.js';

const BUILT = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A sink that keeps every write it was given. */
function sink() {
  const writes: string[] = [];
  return { writes, write: (text: string) => (writes.push(text), true), flushSync: () => {} };
}

describe('turnLines', () => {
  it('gives the lines of one turn to the sink in one write, when the turn ends', async () => {
    const out = sink();
    const log = createLogger({ format: 'json', destination: turnLines(out) });
    for (const n of [1, 2, 3]) log.info({ n }, 'a line');
    expect(out.writes).toEqual([]);
    await nextTurn();
    expect(out.writes).toHaveLength(1);
    expect(out.writes[0]!.split('\n').filter(Boolean).map((line) => JSON.parse(line).n)).toEqual([1, 2, 3]);
  });

  it('gives the lines of a later turn in a write of their own', async () => {
    const out = sink();
    const log = createLogger({ format: 'json', destination: turnLines(out) });
    log.info('first');
    await nextTurn();
    log.info('second');
    await nextTurn();
    expect(out.writes.map((text) => JSON.parse(text).msg)).toEqual(['first', 'second']);
  });
});

describe('the log on stdout', () => {
  // The built server, as a deployment runs it: its lines on a pipe, as a container's log reads them.
  const run = (end: string) => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npx tsc --build packages/server\` first.`);
    const script = `import { createLogger } from ${JSON.stringify(BUILT)};
      const log = createLogger({ format: 'json' });
      for (let n = 1; n <= 3; n++) log.info({ n }, 'a line');
      ${end}`;
    return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  };
  const numbers = (stdout: string) => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line).n);

  it.each([
    ['exits in the turn that logged them', 'process.exit(0);', 0],
    ['crashes in the turn that logged them', "throw new Error('boom');", 1],
    ['ends with nothing left to do', '', 0],
  ])('writes every line when the process %s', (_when, end, status) => {
    const { stdout, status: exitCode } = run(end);
    expect(exitCode).toBe(status);
    expect(numbers(stdout)).toEqual([1, 2, 3]);
  });
});

describe('the time of a line', () => {
  afterEach(() => void vi.useRealTimers());

  it('is the millisecond it was logged in, in ISO 8601', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const out = sink();
    const log = createLogger({ format: 'json', destination: { write: (line: string) => out.write(line) } });
    for (const at of ['2026-12-07T09:12:03.123Z', '2026-12-07T09:12:03.123Z', '2026-12-07T09:12:03.124Z', '2026-12-08T00:00:00.000Z']) {
      vi.setSystemTime(new Date(at));
      log.info('a line');
    }
    expect(out.writes.map((line) => JSON.parse(line).time)).toEqual([
      '2026-12-07T09:12:03.123Z',
      '2026-12-07T09:12:03.123Z',
      '2026-12-07T09:12:03.124Z',
      '2026-12-08T00:00:00.000Z',
    ]);
  });
});
