import { createContractValidator, listOperations } from '@customer-portal/core';
import { describe, expect, it } from 'vitest';
import { documentedProblem, isDocumented } from '../src/documented.js';

const validator = createContractValidator();
const operations = listOperations();
const everyDocumentedError = operations.flatMap((operation) =>
  [...Object.keys(operation.responses).filter((s) => s !== 'default').map(Number), 500, 503]
    .filter((status) => status >= 400 && isDocumented(operation, status))
    .map((status) => [operation.operationId, status, operation] as const),
);

describe('the problem a fault or Prefer: code= answers', () => {
  it.each(everyDocumentedError)('%s %s keeps the contract: body and required headers', (operationId, status, operation) => {
    const { headers, body } = documentedProblem(operation, status);
    expect(validator.checkResponse(operationId, status, headers, body)).toEqual([]);
    expect(body).toMatchObject({ status });
  });

  it("is the contract's own example for the status, so a page shows what the real API sends", () => {
    const login = operations.find((o) => o.operationId === 'login')!;
    expect(documentedProblem(login, 401).body).toEqual({
      type: 'https://customer-portal.example.com/problems/invalid-credentials',
      title: 'Invalid credentials',
      status: 401,
      detail: 'The email or password is incorrect.',
    });
  });

  it('says when to try again on a 503, as the server does, and not on a 500', () => {
    const dashboard = operations.find((o) => o.operationId === 'getDashboard')!;
    expect(documentedProblem(dashboard, 503).headers).toMatchObject({ 'Retry-After': '5' });
    expect(documentedProblem(dashboard, 500).headers).not.toHaveProperty('Retry-After');
  });

  it('counts a 5xx as documented through `default`, and nothing else the operation does not list', () => {
    const dashboard = operations.find((o) => o.operationId === 'getDashboard')!;
    expect([500, 503, 401, 404, 422].map((s) => isDocumented(dashboard, s))).toEqual([true, true, true, false, false]);
  });
});
