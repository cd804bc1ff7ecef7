/**
 * The examples in openapi.yaml are what a reader of the contract believes the API answers, and what Prism
 * serves: every documented response has one, it keeps its schema (headers too), and every record it shows is
 * the record the fixtures serve.
 */
import { describe, expect, it } from 'vitest';
import { createContractValidator, listOperations, type Operation } from '../src/index.js';
import { portalUnderTest } from './portal-under-test.js';

const validator = createContractValidator();

const documented = listOperations().flatMap((operation) =>
  Object.entries(operation.responses).map(([status, response]) => ({ name: `${operation.operationId} ${status}`, operation, status, response })),
);

/** The path parameters of the operation's own examples, e.g. `{ order_id: 'ORD123' }`. */
function pathExamples(operation: Operation): Record<string, string> {
  return Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, String(p.example)]));
}

/** The body example of a documented response (every response of this contract has a body). */
function responseExample(operation: Operation, status: string): unknown {
  return operation.responses[status]?.example;
}

describe('every documented response has an example that keeps the contract', () => {
  it.each(documented)('$name', ({ operation, status, response }) => {
    const example = responseExample(operation, status);
    expect(example, 'a body example').toBeDefined();
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, header]) => [name, String(header.example)]));
    headers['Content-Type'] = response.contentType!;
    const code = status === 'default' ? 500 : Number(status);
    expect(validator.checkResponse(operation.operationId, code, headers, example)).toEqual([]);
  });

  it.each(listOperations().filter((o) => o.requestBody).map((operation) => [operation.operationId, operation] as const))(
    'the request example of %s is a valid request',
    (_id, operation) => {
      const body = operation.requestBody?.example;
      expect(body).toBeDefined();
      expect(() => validator.validateRequest(operation.operationId, { path: pathExamples(operation), query: {}, body })).not.toThrow();
    },
  );
});

/**
 * `example` is `served` as far as it goes: a list in an example may show fewer records than the list it stands
 * for (the dashboard's five recent orders, a page of twelve), and each record it shows, found by its `id`, is
 * the served one, field for field.
 */
function expectShown(example: unknown, served: unknown, where: string): void {
  if (Array.isArray(example)) {
    expect(Array.isArray(served), where).toBe(true);
    const list = served as unknown[];
    example.forEach((item, i) => {
      const id = (item as { id?: unknown } | null)?.id;
      const counterpart = id === undefined ? list[i] : list.find((record) => (record as { id?: unknown } | null)?.id === id);
      expect(counterpart, `${where}[${id === undefined ? i : String(id)}] is served`).toBeDefined();
      expectShown(item, counterpart, `${where}[${id === undefined ? i : String(id)}]`);
    });
  } else if (example !== null && typeof example === 'object') {
    expect(Object.keys(served ?? {}).sort(), `${where}: its fields`).toEqual(Object.keys(example).sort());
    for (const [key, value] of Object.entries(example)) expectShown(value, (served as Record<string, unknown>)[key], `${where}.${key}`);
  } else {
    expect(served, where).toEqual(example);
  }
}

describe('every record an example shows is the one the fixtures serve', () => {
  const reads = listOperations().filter((o) => o.method === 'get' && o.responses['200']);

  it.each(reads.map((operation) => [operation.operationId, operation] as const))('%s', async (_id, operation) => {
    const example = responseExample(operation, '200');
    const { call } = portalUnderTest();
    const served = await call(operation.operationId, { path: pathExamples(operation) });
    expect(served.status).toBe(200);
    expectShown(example, served.body, 'body');
  });
});
