/**
 * The contract diff: every rule on a pair of contracts made here, both ways, each change listed once per
 * operation and field; compatible changes pass; the command's exit codes, formats, git revisions and worlds.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compareContracts, isBreaking, type ContractChange } from '../src/diff/contract-changes.js';
import { classificationOf, RULES, type RuleName } from '../src/diff/rules.js';

type Doc = Record<string, any>;

const withSchema = (schema: Doc) => ({ 'application/json': { schema } });

/** A small contract: a list, a create and a read of one strict `Item`, with a loose `meta` object inside. */
function baseContract(): Doc {
  return {
    openapi: '3.1.0',
    info: { title: 'Items', version: '1.0.0' },
    paths: {
      '/items': {
        get: {
          operationId: 'listItems',
          parameters: [{ name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } }],
          responses: {
            '200': {
              description: 'Items.',
              headers: { 'X-Total-Count': { required: true, schema: { type: 'integer' } } },
              content: withSchema({ type: 'array', items: { $ref: '#/components/schemas/Item' } }),
            },
            '401': { description: 'Not signed in.' },
          },
        },
        post: {
          operationId: 'createItem',
          requestBody: { required: true, content: withSchema({ $ref: '#/components/schemas/NewItem' }) },
          responses: { '201': { description: 'Made.', content: withSchema({ $ref: '#/components/schemas/Item' }) }, '422': { description: 'Invalid.' } },
        },
      },
      '/items/{id}': {
        get: {
          operationId: 'getItem',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'One item.', content: withSchema({ $ref: '#/components/schemas/Item' }) }, '404': { description: 'No such item.' } },
        },
      },
    },
    components: {
      schemas: {
        Item: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'status', 'price'],
          properties: {
            id: { type: 'string' },
            status: { type: 'string', enum: ['open', 'closed'] },
            price: { type: 'number', minimum: 0 },
            note: { type: 'string' },
            meta: { type: 'object', properties: { source: { type: 'string' } } },
          },
        },
        NewItem: {
          type: 'object',
          additionalProperties: false,
          required: ['status'],
          properties: { status: { type: 'string', enum: ['open', 'closed'] }, note: { type: 'string', maxLength: 100 } },
        },
      },
    },
  };
}

const S = (doc: Doc) => doc['components'].schemas;
const op = (doc: Doc, path: string, method: string) => doc['paths'][path][method];

/**
 * [rule, the change, the rule of the change undone (null: undoing it breaks nobody; with a field when that
 * differs), an operation and field it names]
 */
const RULE_CASES: [RuleName, (doc: Doc) => void, RuleName | [RuleName, string] | null, string, string][] = [
  ['operation-removed', (d) => delete d['paths']['/items/{id}'].get, 'operation-added', 'getItem', ''],
  ['status-removed', (d) => delete op(d, '/items/{id}', 'get').responses['404'], null, 'getItem', 'response.404'],
  ['success-status-removed', (d) => delete op(d, '/items', 'get').responses['200'], 'success-status-added', 'listItems', 'response.200'],
  ['parameter-removed', (d) => (op(d, '/items', 'get').parameters = []), 'parameter-added', 'listItems', 'query.status'],
  ['parameter-made-required', (d) => (op(d, '/items', 'get').parameters[0].required = true), 'parameter-made-optional', 'listItems', 'query.status'],
  [
    'required-parameter-added',
    (d) => op(d, '/items', 'get').parameters.push({ name: 'page', in: 'query', required: true, schema: { type: 'integer' } }),
    'parameter-removed',
    'listItems',
    'query.page',
  ],
  ['request-body-made-optional', (d) => (op(d, '/items', 'post').requestBody.required = false), 'request-body-made-required', 'createItem', 'request.body'],
  ['request-body-removed', (d) => delete op(d, '/items', 'post').requestBody, 'request-body-made-required', 'createItem', 'request.body'],
  ['request-field-removed', (d) => delete S(d).NewItem.properties.note, 'request-field-added', 'createItem', 'request.body.note'],
  ['request-field-made-required', (d) => S(d).NewItem.required.push('note'), 'request-field-made-optional', 'createItem', 'request.body.note'],
  [
    'required-request-field-added',
    (d) => {
      S(d).NewItem.properties.tag = { type: 'string' };
      S(d).NewItem.required.push('tag');
    },
    'request-field-removed',
    'createItem',
    'request.body.tag',
  ],
  ['request-enum-narrowed', (d) => (S(d).NewItem.properties.status.enum = ['open']), 'request-enum-widened', 'createItem', 'request.body.status'],
  ['request-type-changed', (d) => (S(d).NewItem.properties.note = { type: 'integer' }), 'request-type-changed', 'createItem', 'request.body.note'],
  ['request-type-widened', (d) => (S(d).NewItem.properties.note.type = ['string', 'null']), 'request-type-narrowed', 'createItem', 'request.body.note'],
  ['request-constraint-tightened', (d) => (S(d).NewItem.properties.note.maxLength = 50), 'request-constraint-loosened', 'createItem', 'request.body.note'],
  ['request-media-type-removed', (d) => (op(d, '/items', 'post').requestBody.content = { 'text/plain': { schema: { type: 'string' } } }), ['request-media-type-removed', 'request.body (text/plain)'], 'createItem', 'request.body (application/json)'],
  ['strict-response-field-removed', (d) => delete S(d).Item.properties.note, 'response-field-added', 'getItem', 'response.200.body.note'],
  ['response-field-removed', (d) => delete S(d).Item.properties.meta.properties.source, 'response-field-added', 'getItem', 'response.200.body.meta.source'],
  [
    'required-response-field-added',
    (d) => {
      S(d).Item.properties.created_at = { type: 'string' };
      S(d).Item.required.push('created_at');
    },
    'strict-response-field-removed',
    'getItem',
    'response.200.body.created_at',
  ],
  ['response-field-made-required', (d) => S(d).Item.required.push('note'), 'response-field-made-optional', 'getItem', 'response.200.body.note'],
  ['response-enum-widened', (d) => S(d).Item.properties.status.enum.push('archived'), 'response-enum-narrowed', 'getItem', 'response.200.body.status'],
  ['response-type-changed', (d) => (S(d).Item.properties.id.type = 'integer'), 'response-type-changed', 'getItem', 'response.200.body.id'],
  ['response-type-widened', (d) => (S(d).Item.properties.price.type = ['number', 'null']), 'response-type-narrowed', 'getItem', 'response.200.body.price'],
  ['response-constraint-tightened', (d) => (S(d).Item.properties.price.minimum = 1), 'response-constraint-loosened', 'getItem', 'response.200.body.price'],
  ['response-media-type-removed', (d) => (op(d, '/items/{id}', 'get').responses['200'].content = { 'text/plain': { schema: { type: 'string' } } }), ['response-media-type-removed', 'response.200.body (text/plain)'], 'getItem', 'response.200.body (application/json)'],
  ['response-header-removed', (d) => delete op(d, '/items', 'get').responses['200'].headers, 'response-header-added', 'listItems', 'response.200.headers.X-Total-Count'],
];

function changed(mutate: (doc: Doc) => void): Doc {
  const doc = baseContract();
  mutate(doc);
  return doc;
}

const ruleOf = (changes: ContractChange[], operationId: string, field: string) => changes.filter((c) => c.operationId === operationId && c.field === field).map((c) => c.rule);

describe('each rule, on a change and on the change undone', () => {
  it.each(RULE_CASES)('%s', (rule, mutate, reverse, operationId, field) => {
    const before = baseContract();
    const after = changed(mutate);
    const forward = compareContracts(before, after);
    expect(ruleOf(forward, operationId, field)).toEqual([rule]);
    expect(forward.find((c) => c.rule === rule)!.classification).toBe(classificationOf(rule));

    const backward = compareContracts(after, before);
    if (Array.isArray(reverse)) expect(ruleOf(backward, operationId, reverse[1])).toEqual([reverse[0]]);
    else if (reverse) expect(ruleOf(backward, operationId, field)).toEqual([reverse]);
    else expect(isBreaking(backward)).toBe(false);
  });

  it('names whom each rule breaks', () => {
    expect(classificationOf('operation-removed')).toBe('breaking-clients');
    expect(classificationOf('operation-added')).toBe('breaking-servers');
    expect(classificationOf('response-type-changed')).toBe('breaking-clients-and-servers');
    expect(classificationOf('response-field-added')).toBe('compatible');
  });
});

describe('a change of a shared schema', () => {
  it('is listed once per operation that uses it, and once per field', () => {
    const changes = compareContracts(baseContract(), changed((d) => delete S(d).Item.properties.note));
    // The property and its place in no `required` list: one change per operation.
    expect(changes.map((c) => `${c.operationId} ${c.field} ${c.rule}`)).toEqual([
      'createItem response.201.body.note strict-response-field-removed',
      'getItem response.200.body.note strict-response-field-removed',
      'listItems response.200.body[].note strict-response-field-removed',
    ]);
  });

  it('a required field removed is one change, not a removed property and a removed requirement', () => {
    const changes = compareContracts(
      baseContract(),
      changed((d) => {
        delete S(d).Item.properties.price;
        S(d).Item.required = ['id', 'status'];
      }),
    );
    expect(changes.filter((c) => c.operationId === 'getItem').map((c) => `${c.field} ${c.rule}`)).toEqual(['response.200.body.price strict-response-field-removed']);
  });
});

describe('compatible changes pass', () => {
  it.each([
    ['a description', (d: Doc) => (op(d, '/items', 'get').description = 'All the items.')],
    ['an optional response field', (d: Doc) => (S(d).Item.properties.color = { type: 'string' })],
    ['a new error status', (d: Doc) => (op(d, '/items/{id}', 'get').responses['410'] = { description: 'Gone.' })],
    ['an example', (d: Doc) => (S(d).Item.properties.id.examples = ['IT1'])],
  ])('%s', (_what, mutate) => {
    const changes = compareContracts(baseContract(), changed(mutate));
    expect(isBreaking(changes)).toBe(false);
  });
});

const BIN = fileURLToPath(new URL('../bin/contract.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'contract-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, doc: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, name.endsWith('.json') ? JSON.stringify(doc) : stringify(doc));
  return path;
}

function diff(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'diff', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('customer-portal-contract diff', () => {
  const base = file('base.yaml', baseContract());
  const breaking = file('breaking.yaml', changed((d) => S(d).NewItem.required.push('note')));
  const compatible = file('compatible.yaml', changed((d) => (S(d).Item.properties.color = { type: 'string' })));

  it('exits 1 on a breaking change, naming the operation, the field and the rule', async () => {
    const { code, stdout } = await diff([base, breaking]);
    expect(code).toBe(1);
    expect(stdout).toContain('Breaking clients (1):\n  createItem request.body.note: now required  [request-field-made-required]');
  });

  it('exits 0 on a breaking change with --allow-breaking, and on compatible changes', async () => {
    expect((await diff([base, breaking, '--allow-breaking'])).code).toBe(0);
    const { code, stdout } = await diff([base, compatible]);
    expect(code).toBe(0);
    expect(stdout).toContain('Compatible (3):');
  });

  it('--format json and markdown', async () => {
    const parsed = JSON.parse((await diff([base, breaking, '--format', 'json'])).stdout) as { breaking: boolean; changes: ContractChange[] };
    expect(parsed.breaking).toBe(true);
    expect(parsed.changes).toEqual([
      { operationId: 'createItem', operation: 'POST /items', field: 'request.body.note', rule: 'request-field-made-required', classification: 'breaking-clients', detail: 'now required' },
    ]);
    const { stdout } = await diff([base, breaking, '--format', 'markdown']);
    expect(stdout).toContain('#### Breaking clients\n\n| operation | field | change | rule |');
    expect(stdout).toContain('| `createItem` | `request.body.note` | now required | `request-field-made-required`: a request field is now required |');
  });

  it('--world names the records the new contract refuses (a world file, and a fixtures file)', async () => {
    // The portal's own contract: a world of orders, one of them PENDING, against a contract without PENDING.
    const portal = parse(readFileSync(fileURLToPath(new URL('../../../openapi.yaml', import.meta.url)), 'utf8')) as Doc;
    const narrowed = structuredClone(portal);
    S(narrowed).OrderStatus.enum = S(narrowed).OrderStatus.enum.filter((s: string) => s !== 'PENDING');
    const order = (id: string, status: string) => ({
      customer_id: 1,
      id,
      status,
      total: 10,
      created_at: '2024-01-01T00:00:00Z',
      estimated_delivery: null,
      tracking_number: null,
      items: [{ id: 'I1', product_name: 'Mug', quantity: 1, price: 10, subtotal: 10 }],
      shipment: null,
    });
    const world = file('world.json', { format: 1, world: { customers: [], orders: [order('ORD1', 'PENDING'), order('ORD2', 'SHIPPED')], returns: [], tickets: [], notifications: [] }, inferred: [] });
    const fixtures = file('orders.json', [order('ORD9', 'PENDING')]);
    const { code, stdout } = await diff([file('portal.yaml', portal), file('narrowed.yaml', narrowed), '--world', world, '--world', fixtures]);
    expect(code).toBe(1);
    expect(stdout).toContain(`World records the new contract refuses (2):`);
    expect(stdout).toContain(`${world}: orders status: must be equal to one of the allowed values ("PROCESSING", "SHIPPED", "DELIVERED", "CANCELLED", "RETURNED") (1: ORD1)`);
    expect(stdout).toContain(`${fixtures}: orders status: must be equal to one of the allowed values`);
  });

  it('reads a git revision of openapi.yaml', async () => {
    const repo = fileURLToPath(new URL('../../../', import.meta.url));
    const { code, stdout } = await diff(['HEAD', 'openapi.yaml'], repo);
    expect(stdout.split('\n')[0]).toMatch(/^Contract diff HEAD \(\d+\.\d+\.\d+\) -> openapi\.yaml \(\d+\.\d+\.\d+\): \d+ changes?, \d+ breaking$/);
    expect([0, 1]).toContain(code);
  });

  it.each([
    ['a missing file', ['no-such.yaml', 'openapi.yaml'], '"no-such.yaml" is neither a file nor a git revision with an openapi.yaml'],
    ['one version only', ['openapi.yaml'], 'diff compares two versions of the contract'],
    ['an unknown format', ['a', 'b', '--format', 'html'], 'Unknown format "html"; use one of text, json, markdown.'],
  ])('%s is a sentence and exit 2', async (_what, args, sentence) => {
    const { code, stderr } = await diff(args, dir);
    expect(code).toBe(2);
    expect(stderr).toContain(sentence);
  });
});

describe('the README', () => {
  it('lists every rule with its classification, as the diff applies it', () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (breaking-[a-z-]+|compatible) \|/gm)].map(([, rule, classification]) => [rule, classification]);
    expect(rows).toEqual(Object.keys(RULES).map((rule) => [rule, classificationOf(rule as RuleName)]));
  });
});
