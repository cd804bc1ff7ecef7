/**
 * The seed's examples are valid answers: every JSON example in the seed document (copied verbatim into
 * test/seed/) keeps the contract's schema for the request or response it documents. What our hosts add
 * beyond the seed is optional in openapi.yaml, so a backend that answers exactly as the seed shows passes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContractValidator, type OperationId } from '../packages/core/src/index.js';

const seed = readFileSync(new URL('./seed/customer-portal-api.md', import.meta.url), 'utf8');
const validator = createContractValidator();

interface SeedExample {
  /** The heading it sits under, e.g. "GET /api/v1/customer/dashboard". */
  endpoint: string;
  kind: 'request' | 'response';
  body: unknown;
}

/** Every ```json block of the seed, with the endpoint heading above it and whether it is a request or a response. */
function seedExamples(markdown: string): SeedExample[] {
  const examples: SeedExample[] = [];
  let endpoint = '';
  let kind: SeedExample['kind'] | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^### `(GET|POST|PUT|DELETE|PATCH) ([^`]+)`/.exec(line);
    if (heading) [endpoint, kind] = [`${heading[1]} ${heading[2]}`, undefined];
    if (/^\*\*Response:\*\*/.test(line)) kind = 'response';
    if (/^\*\*Request Body:\*\*/.test(line)) kind = 'request';
    if (line.trim() === '```json') {
      const end = lines.indexOf('```', i + 1);
      if (!kind) throw new Error(`a JSON example under ${endpoint} is neither a request nor a response`);
      examples.push({ endpoint, kind, body: JSON.parse(lines.slice(i + 1, end).join('\n')) });
      i = end;
    }
  }
  return examples;
}

/** The contract's operation for a seed heading, and the status its success answers with. */
function operationOf(endpoint: string): { operationId: OperationId; status: number; pathValues: Record<string, string> } {
  const [method, path] = endpoint.split(' ') as [string, string];
  for (const operation of validator.operations) {
    if (operation.method.toUpperCase() !== method || operation.path !== path) continue;
    const status = Number(Object.keys(operation.responses).find((code) => /^2\d\d$/.test(code)));
    const pathValues = Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, name === 'notification_id' ? '1' : 'X1']));
    return { operationId: operation.operationId, status, pathValues };
  }
  throw new Error(`the seed documents ${endpoint}, which the contract does not have`);
}

const examples = seedExamples(seed);

describe('the seed document’s examples', () => {
  it('are all found: twelve JSON examples, requests and responses', () => {
    expect(examples.map(({ endpoint, kind }) => `${kind} ${endpoint}`)).toEqual([
      'response GET /api/v1/customer/dashboard',
      'response GET /api/v1/customer/orders',
      'response GET /api/v1/customer/orders/track/{order_id}',
      'request POST /api/v1/customer/orders/return',
      'request POST /api/v1/customer/tickets',
      'response GET /api/v1/customer/tickets/{ticket_id}',
      'request POST /api/v1/customer/tickets/{ticket_id}/messages',
      'response GET /api/v1/customer/profile',
      'request PUT /api/v1/customer/profile',
      'response GET /api/v1/customer/settings',
      'request PUT /api/v1/customer/settings',
      'response GET /api/v1/customer/notifications',
    ]);
  });

  it.each(examples.map((example) => [`${example.kind} of ${example.endpoint}`, example] as const))(
    'the %s keeps the contract',
    (_name, { endpoint, kind, body }) => {
      const { operationId, status, pathValues } = operationOf(endpoint);
      if (kind === 'request') {
        expect(() => validator.validateRequest(operationId, { path: pathValues, query: {}, body })).not.toThrow();
      } else {
        // The seed shows bodies, not headers: only what it shows is checked.
        const breaches = validator.checkResponse(operationId, status, {}, body).filter((e) => e.location.startsWith('response.body'));
        expect(breaches).toEqual([]);
      }
    },
  );
});
