/** SECURITY.md's OWASP table is a promise: every row that applies names tests, and each of them exists. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const text = readFileSync(new URL('SECURITY.md', root), 'utf8');
const rows = text
  .split('\n')
  .filter((line) => /^\| API\d+ /.test(line))
  .map((line) => {
    const [risk, does, shownBy] = line.split(' | ').map((cell) => cell.replace(/^\| |\|$/g, '').trim());
    return { risk: risk!, does: does!, shownBy: shownBy! };
  });

/** `` `file` › "test name" `` entries of a cell. */
function testsNamed(cell: string): { file: string; name: string }[] {
  return [...cell.matchAll(/`([^`]+)` › "([^"]+)"/g)].map(([, file, name]) => ({ file: file!, name: name! }));
}

describe('SECURITY.md', () => {
  it('has one row for each of the ten risks of the OWASP API Security Top 10 (2023)', () => {
    expect(rows.map((row) => row.risk.split(' ')[0])).toEqual(Array.from({ length: 10 }, (_, i) => `API${i + 1}`));
  });

  it.each(rows.map((row) => [row.risk, row] as const))('%s says what the server does and names a test that exists', (_risk, row) => {
    expect(row.does.length).toBeGreaterThan(40);
    if (row.shownBy === 'does not apply') {
      expect(row.does).toMatch(/^Does not apply:/);
      return;
    }
    const tests = testsNamed(row.shownBy);
    expect(tests.length).toBeGreaterThan(0);
    for (const { file, name } of tests) {
      const path = new URL(file, root);
      expect(existsSync(path), `${file} exists`).toBe(true);
      const source = readFileSync(path, 'utf8');
      // The name opens a test's title: `it('name…'`, `it.each(...)('name…'` or a template literal.
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const titled = new RegExp(`\\(\\s*['"\`]${escaped}`).test(source);
      expect(titled, `${file} has a test named "${name}"`).toBe(true);
    }
  });
});
