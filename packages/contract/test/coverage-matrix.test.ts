import { listOperations } from '@customer-portal/core';
import { describe, expect, it } from 'vitest';
import { buildCoverage, coverageTotals, documentedStatuses, missingResponses } from '../src/coverage/coverage-matrix.js';
import { formatCoverage } from '../src/coverage/format-coverage.js';

const operations = listOperations().filter((op) => op.operationId === 'login' || op.operationId === 'getDashboard');

describe('the coverage matrix', () => {
  it('counts the explicit statuses of each operation, never `default`', () => {
    const login = operations.find((op) => op.operationId === 'login')!;
    expect(documentedStatuses(login)).toEqual([200, 400, 401, 413, 415, 422, 429]);
  });

  it('records each response seen, and lists the documented ones never seen', () => {
    const matrix = buildCoverage(
      [
        { operationId: 'login', status: 200 },
        { operationId: 'login', status: 200 },
        { operationId: 'login', status: 401 },
        { operationId: 'getDashboard', status: 200 },
        { operationId: 'getDashboard', status: 401 },
        { operationId: undefined, status: 404 },
      ],
      operations,
    );
    expect(matrix.operations.find((row) => row.operationId === 'login')?.produced).toEqual({ 200: 2, 401: 1 });
    expect(missingResponses(matrix)).toEqual([
      { operationId: 'login', status: 400 },
      { operationId: 'login', status: 413 },
      { operationId: 'login', status: 415 },
      { operationId: 'login', status: 422 },
      { operationId: 'login', status: 429 },
    ]);
    expect(coverageTotals(matrix)).toEqual({ covered: 4, documented: 9 });
  });

  it('an undocumented status seen is recorded but covers nothing', () => {
    const matrix = buildCoverage([{ operationId: 'getDashboard', status: 500 }], operations);
    expect(matrix.operations.find((row) => row.operationId === 'getDashboard')?.produced).toEqual({ 500: 1 });
    expect(coverageTotals(matrix).covered).toBe(0);
  });

  it('prints operations down and documented statuses across: ✓ produced, · not, blank undocumented', () => {
    const matrix = buildCoverage([{ operationId: 'login', status: 200 }, { operationId: 'getDashboard', status: 401 }], operations);
    expect(formatCoverage(matrix).split('\n')).toEqual([
      'operation     200  400  401  413  415  422  429',
      'login          ✓    ·    ·    ·    ·    ·    ·',
      'getDashboard   ·         ✓',
      '2 of 9 documented responses produced (✓ produced, · never produced; `default` excluded)',
    ]);
  });
});
