import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listOperations } from '@customer-portal/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoverageGate } from '../src/coverage-gate.js';
import { writeReport, type ContractReport } from '../src/report/contract-report.js';
import { buildCoverage, documentedStatuses } from '../src/coverage/coverage-matrix.js';
import { optionsFromEnv, type TargetName } from '../src/options.js';

const reportDir = mkdtempSync(join(tmpdir(), 'contract-gate-'));
afterAll(() => rmSync(reportDir, { recursive: true, force: true }));

/** A report whose run produced every documented response except those listed. */
function reportWithout(target: TargetName, missing: { operationId: string; status: number }[]): ContractReport {
  const seen = listOperations().flatMap((op) =>
    documentedStatuses(op)
      .filter((status) => !missing.some((m) => m.operationId === op.operationId && m.status === status))
      .map((status) => ({ operationId: op.operationId, status })),
  );
  return {
    target,
    baseUrl: undefined,
    startedAt: new Date(0).toISOString(),
    finishedAt: new Date(0).toISOString(),
    durationMs: 0,
    passed: true,
    runFile: `runs/${target}-1970-01-01T00-00-00.000Z.json`,
    tests: { passed: 1, failed: 0, blocked: 0, notApplicable: 0 },
    cases: [],
    notApplicable: [],
    failures: [],
    breaches: [],
    excluded: {},
    coverage: buildCoverage(seen),
  };
}

describe('the coverage gate', () => {
  const options = { ...optionsFromEnv({}), reportDir };

  it('fails naming each documented response a gated host never produced', async () => {
    writeReport(reportDir, reportWithout('reference', []));
    writeReport(reportDir, reportWithout('msw', [{ operationId: 'login', status: 415 }]));
    expect(await runCoverageGate(options)).toMatchObject({ ok: false, failures: ['msw: login never answered 415, which the contract documents'] });
  });

  it('passes when both hosts produced everything, and the server answers no route the contract lacks', async () => {
    writeReport(reportDir, reportWithout('msw', []));
    expect(await runCoverageGate(options)).toMatchObject({ ok: true, failures: [] });
  });

  it('says which run of each gated host it read', async () => {
    const { read } = await runCoverageGate(options);
    expect(read).toEqual([
      `${join(reportDir, 'reference.json')} (runs/reference-1970-01-01T00-00-00.000Z.json, ended 1970-01-01T00:00:00.000Z)`,
      `${join(reportDir, 'msw.json')} (runs/msw-1970-01-01T00-00-00.000Z.json, ended 1970-01-01T00:00:00.000Z)`,
    ]);
  });

  it('fails when a gated host has not been run', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'contract-gate-empty-'));
    try {
      const { failures } = await runCoverageGate({ ...options, reportDir: empty });
      expect(failures).toEqual([
        `reference: no report in ${empty}; run the suite against reference first`,
        `msw: no report in ${empty}; run the suite against msw first`,
      ]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
