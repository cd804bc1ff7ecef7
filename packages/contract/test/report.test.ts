/** The run's summary and JUnit XML, from a report: causes named once, breaches grouped, XML a CI can read. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCoverage } from '../src/coverage/coverage-matrix.js';
import { colours } from '../src/report/colours.js';
import { readReport, runFileName, writeReport, type ContractReport } from '../src/report/contract-report.js';
import { formatSummary, groupBreaches } from '../src/report/format-summary.js';
import { formatJunit } from '../src/report/junit.js';

const breach = (operationId: string, status: number, location: string, message: string) => ({
  test: 'suite/x.contract.ts > a case',
  method: 'GET',
  path: '/x',
  operationId,
  status,
  breaches: [{ location, message }],
});

function report(partial: Partial<ContractReport>): ContractReport {
  return {
    target: 'url',
    baseUrl: 'http://127.0.0.1:1',
    startedAt: '2026-12-07T09:00:00.000Z',
    finishedAt: '2026-12-07T09:00:01.000Z',
    durationMs: 1000,
    passed: false,
    runFile: 'runs/url-2026-12-07T09-00-00.000Z.json',
    tests: { passed: 0, failed: 0, blocked: 0, notApplicable: 0 },
    cases: [],
    notApplicable: [],
    failures: [],
    breaches: [],
    excluded: {},
    coverage: buildCoverage([]),
    ...partial,
  };
}

describe('groupBreaches', () => {
  it('counts each operation and field once, with the statuses that broke it, most frequent first', () => {
    const groups = groupBreaches([
      breach('getOrder', 200, 'response.body.total', 'Total is required.'),
      breach('listOrders', 200, 'response.body', 'Body must be a list.'),
      breach('getOrder', 404, 'response.body.total', 'Total is required.'),
      breach('getOrder', 200, 'response.body.total', 'Total is required.'),
    ]);
    expect(groups).toEqual([
      { operation: 'getOrder', field: 'response.body.total', statuses: [200, 404], message: 'Total is required.', count: 3 },
      { operation: 'listOrders', field: 'response.body', statuses: [200], message: 'Body must be a list.', count: 1 },
    ]);
  });
});

describe('formatSummary', () => {
  it('prints at most twenty breach groups and says how many more the report holds', () => {
    const breaches = Array.from({ length: 25 }, (_, i) => breach('getOrder', 200, `response.body.f${i}`, 'is required'));
    const text = formatSummary(report({ breaches }), { latest: '/r/url.json', run: '/r/runs/url.json' }, colours(false));
    expect(text.split('\n').filter((line) => /^ +1× getOrder/.test(line))).toHaveLength(20);
    expect(text).toContain('  … and 5 more fields in the report');
  });

  it('lists a failure that no breach explains on its own', () => {
    const text = formatSummary(
      report({ failures: [{ name: 'suite/orders.contract.ts > filters by status', message: 'expected 3 to be 2' }], cases: [{ file: 'suite/orders.contract.ts', name: 'filters by status', state: 'failed', message: 'expected 3 to be 2', durationMs: 1 }] }),
      { latest: '/r/url.json', run: '/r/runs/url.json' },
      colours(false),
    );
    expect(text).toContain('Other failures (1):\n  - suite/orders.contract.ts > filters by status: expected 3 to be 2');
  });
});

describe('formatJunit', () => {
  it('escapes XML and drops escape codes from messages', () => {
    const xml = formatJunit([
      {
        target: 'url',
        report: report({ cases: [{ file: 'suite/a.contract.ts', name: 'a <b> & "c"', state: 'failed', message: '\u001b[31mexpected\u001b[39m <1>', durationMs: 2 }] }),
      },
    ]);
    expect(xml).toContain('<testcase classname="url.suite/a.contract.ts" name="a &lt;b&gt; &amp; &quot;c&quot;" time="0.002">');
    expect(xml).toContain('<failure message="expected &lt;1&gt;">expected &lt;1&gt;</failure>');
    expect(xml).not.toContain('\u001b');
  });
});

describe('writeReport', () => {
  it('keeps each run in its own file, and <target>.json is the latest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-runs-'));
    try {
      const first = report({ startedAt: '2026-12-07T09:00:00.000Z', runFile: runFileName('url', '2026-12-07T09:00:00.000Z'), passed: false });
      const second = report({ startedAt: '2026-12-07T09:05:00.000Z', runFile: runFileName('url', '2026-12-07T09:05:00.000Z'), passed: true });
      writeReport(dir, first);
      expect(writeReport(dir, second)).toEqual({ latest: join(dir, 'url.json'), run: join(dir, 'runs', 'url-2026-12-07T09-05-00.000Z.json') });
      expect(readdirSync(join(dir, 'runs')).sort()).toEqual(['url-2026-12-07T09-00-00.000Z.json', 'url-2026-12-07T09-05-00.000Z.json']);
      expect(readReport(dir, 'url')).toEqual(second);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
