/**
 * What changed between two versions of the contract, once per operation and field. api-smart-diff compares the
 * documents (it resolves every `$ref`, so a schema used by three operations changes in three places); we
 * group its differences by operation and field and classify each with our rules, for clients and servers.
 */
import { apiCompare, type Diff } from 'api-smart-diff';
import { classificationOf, type Classification, type RuleName } from './rules.js';

type Doc = Record<string, any>;
type Path = (string | number)[];

export interface ContractChange {
  operationId: string;
  /** `GET /api/v1/customer/orders/{order_id}` */
  operation: string;
  /** Where in the operation: `request.body.priority`, `query.limit`, `response.200.body.total`, `response.404`, or '' for the operation itself. */
  field: string;
  rule: RuleName;
  classification: Classification;
  /** What changed, in words: `"PENDING" no longer allowed`. */
  detail: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const CONSTRAINT_UPPER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
const CONSTRAINT_LOWER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];
const CONSTRAINT_OTHER = ['pattern', 'format', 'multipleOf', 'uniqueItems', 'const'];

/** The value at `path` in `doc`, following `$ref`s on the way (the diff's paths run through resolved references). */
function valueAt(doc: Doc, path: Path): any {
  let node: any = doc;
  for (const key of path) {
    node = deref(doc, node);
    if (node === undefined || node === null) return undefined;
    node = node[key];
  }
  return deref(doc, node);
}

function deref(doc: Doc, node: any): any {
  let seen = 0;
  while (node && typeof node === 'object' && typeof node.$ref === 'string' && node.$ref.startsWith('#/') && seen++ < 20) {
    node = node.$ref
      .slice(2)
      .split('/')
      .map((part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((at: any, part: string) => (at === undefined ? undefined : at[part]), doc);
  }
  return node;
}

const quote = (value: unknown) => JSON.stringify(value);

interface Found {
  operationId: string;
  operation: string;
  field: string;
  rule: RuleName;
  detail: string;
}

/** Reads one schema difference at `rest` (the path below `schema`) into a field and a rule. */
function schemaChange(d: Diff, rest: Path, base: string, side: 'request' | 'response', schemaPath: Path, docs: { before: Doc; after: Doc }): Omit<Found, 'operationId' | 'operation'> | undefined {
  let field = base;
  let i = 0;
  const combinators = ['allOf', 'anyOf', 'oneOf'];
  for (; i < rest.length; i++) {
    const key = rest[i]!;
    if (key === 'properties' && i + 1 < rest.length) {
      field = `${field}.${String(rest[++i])}`;
      if (i === rest.length - 1) {
        // A property added or removed as a whole.
        const name = String(rest[i]);
        if (d.action === 'add') {
          const required: string[] = valueAt(docs.after, [...schemaPath, ...rest.slice(0, i - 1), 'required']) ?? [];
          const isRequired = required.includes(name);
          const rule: RuleName = side === 'request' ? (isRequired ? 'required-request-field-added' : 'request-field-added') : isRequired ? 'required-response-field-added' : 'response-field-added';
          return { field, rule, detail: `${isRequired ? 'required' : 'optional'} field added` };
        }
        if (d.action === 'remove') {
          if (side === 'request') return { field, rule: 'request-field-removed', detail: 'field removed' };
          const parent = valueAt(docs.before, [...schemaPath, ...rest.slice(0, i - 1)]) ?? {};
          const strict = parent.additionalProperties === false || parent.unevaluatedProperties === false;
          return { field, rule: strict ? 'strict-response-field-removed' : 'response-field-removed', detail: 'field removed' };
        }
        return { field, rule: `${side}-type-changed`, detail: 'schema replaced' };
      }
      continue;
    }
    if (key === 'items') {
      field = `${field}[]`;
      continue;
    }
    if (key === 'additionalProperties') {
      field = `${field}.*`;
      continue;
    }
    if (combinators.includes(String(key))) {
      // A branch of anyOf/oneOf added or removed widens or narrows what the value may be.
      if (i + 2 === rest.length && typeof rest[i + 1] === 'number' && key !== 'allOf') {
        if (d.action === 'replace') return { field, rule: `${side}-type-changed`, detail: `a ${String(key)} branch changed` };
        const widened = d.action === 'add';
        return { field, rule: `${side}-type-${widened ? 'widened' : 'narrowed'}`, detail: `${String(key)} branch ${widened ? 'added' : 'removed'}` };
      }
      i++;
      continue;
    }
    break;
  }
  const keyword = rest[i];
  const tail = rest.slice(i + 1);
  if (keyword === undefined) return { field, rule: `${side}-type-changed`, detail: 'schema replaced' };
  if (keyword === 'required') {
    const names: string[] = [];
    const removed: string[] = [];
    if (tail.length === 0) {
      // The whole list added, removed or replaced.
      const before: string[] = Array.isArray(d.before) ? d.before : [];
      const after: string[] = Array.isArray(d.after) ? d.after : [];
      names.push(...after.filter((n) => !before.includes(n)));
      removed.push(...before.filter((n) => !after.includes(n)));
    } else {
      if (d.action !== 'remove' && typeof d.after === 'string') names.push(d.after);
      if (d.action !== 'add' && typeof d.before === 'string') removed.push(d.before);
    }
    // A required name whose property came or went with it is read at the property: here only the change of status.
    const name = names[0] ?? removed[0];
    if (name === undefined) return undefined;
    const madeRequired = names.length > 0;
    const rule: RuleName = side === 'request' ? (madeRequired ? 'request-field-made-required' : 'request-field-made-optional') : madeRequired ? 'response-field-made-required' : 'response-field-made-optional';
    return { field: `${field}.${name}`, rule, detail: madeRequired ? 'now required' : 'no longer required' };
  }
  if (keyword === 'enum' || keyword === 'type') {
    const before = valueAt(docs.before, [...schemaPath, ...rest.slice(0, i + 1)]);
    const after = valueAt(docs.after, [...schemaPath, ...rest.slice(0, i + 1)]);
    const list = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
    const was = list(before);
    const now = list(after);
    if (keyword === 'type' && (!was || !now || !was.some((t) => now.includes(t)))) {
      return { field, rule: `${side}-type-changed`, detail: `type ${was ? was.join(' | ') : 'any'} -> ${now ? now.join(' | ') : 'any'}` };
    }
    // No enum means any value: adding one narrows, removing one widens.
    const gone = was && now ? was.filter((v) => !now.includes(v)) : [];
    const added = was && now ? now.filter((v) => !was.includes(v)) : [];
    const narrowed = (was === undefined && now !== undefined) || gone.length > 0;
    const what = keyword === 'enum' ? 'allowed' : 'a type';
    const kind = keyword === 'enum' ? 'enum' : 'type';
    const detail = [gone.length ? `${gone.map(quote).join(', ')} no longer ${what}` : '', added.length ? `${added.map(quote).join(', ')} now ${what}` : '', !was ? `now limited to ${now!.map(quote).join(', ')}` : '', !now ? 'no longer limited' : '']
      .filter(Boolean)
      .join('; ');
    return { field, rule: `${side}-${kind}-${narrowed ? 'narrowed' : 'widened'}`, detail };
  }
  if ([...CONSTRAINT_UPPER, ...CONSTRAINT_LOWER, ...CONSTRAINT_OTHER].includes(String(keyword)) && tail.length === 0) {
    let tightened = d.action === 'add' || d.action === 'replace';
    if (d.action === 'remove') tightened = false;
    if (d.action === 'replace' && typeof d.before === 'number' && typeof d.after === 'number') {
      tightened = CONSTRAINT_UPPER.includes(String(keyword)) ? d.after < d.before : CONSTRAINT_LOWER.includes(String(keyword)) ? d.after > d.before : true;
    }
    const detail = `${String(keyword)} ${d.before === undefined ? '(none)' : quote(d.before)} -> ${d.after === undefined ? '(none)' : quote(d.after)}`;
    return { field, rule: tightened ? `${side}-constraint-tightened` : `${side}-constraint-loosened`, detail };
  }
  // Descriptions, examples, titles: documentation, not the contract's shape.
  return undefined;
}

/** The change one difference inside an operation makes, or undefined for documentation. */
function operationChange(d: Diff, rest: Path, opPath: Path, docs: { before: Doc; after: Doc }): Omit<Found, 'operationId' | 'operation'> | undefined {
  const [part, ...below] = rest;
  if (part === 'parameters' && typeof below[0] === 'number') {
    const index = below[0];
    const doc = d.action === 'remove' ? docs.before : docs.after;
    const other = d.action === 'remove' ? docs.after : docs.before;
    const param = valueAt(doc, [...opPath, 'parameters', index]) ?? valueAt(other, [...opPath, 'parameters', index]) ?? {};
    const field = `${param.in ?? 'parameter'}.${param.name ?? index}`;
    if (below.length === 1) {
      if (d.action === 'remove') return { field, rule: 'parameter-removed', detail: 'parameter removed' };
      if (d.action === 'add') return param.required ? { field, rule: 'required-parameter-added', detail: 'required parameter added' } : { field, rule: 'parameter-added', detail: 'optional parameter added' };
      return { field, rule: 'request-type-changed', detail: 'parameter replaced' };
    }
    if (below[1] === 'required' && below.length === 2) {
      const now = d.action !== 'remove' && d.after === true;
      return { field, rule: now ? 'parameter-made-required' : 'parameter-made-optional', detail: now ? 'now required' : 'no longer required' };
    }
    if (below[1] === 'schema') return schemaChange(d, below.slice(2), field, 'request', [...opPath, 'parameters', index, 'schema'], docs);
    return undefined;
  }
  if (part === 'requestBody') {
    if (below.length === 0) return d.action === 'remove' ? { field: 'request.body', rule: 'request-body-removed', detail: 'request body removed' } : { field: 'request.body', rule: 'request-body-made-required', detail: 'request body added' };
    if (below[0] === 'required' && below.length === 1) {
      const now = d.action !== 'remove' && d.after === true;
      return now
        ? { field: 'request.body', rule: 'request-body-made-required', detail: 'now required' }
        : { field: 'request.body', rule: 'request-body-made-optional', detail: 'no longer required' };
    }
    if (below[0] === 'content' && below.length === 2) {
      return d.action === 'remove' ? { field: `request.body (${String(below[1])})`, rule: 'request-media-type-removed', detail: 'media type removed' } : undefined;
    }
    if (below[0] === 'content' && below[2] === 'schema') {
      return schemaChange(d, below.slice(3), 'request.body', 'request', [...opPath, 'requestBody', 'content', below[1]!, 'schema'], docs);
    }
    return undefined;
  }
  if (part === 'responses' && below.length >= 1) {
    const status = String(below[0]);
    const success = /^2/.test(status);
    const at = `response.${status}`;
    if (below.length === 1) {
      if (d.action === 'remove') return { field: at, rule: success ? 'success-status-removed' : 'status-removed', detail: `${status} no longer documented` };
      if (d.action === 'add') return { field: at, rule: success ? 'success-status-added' : 'status-added', detail: `${status} now documented` };
      return { field: at, rule: 'response-type-changed', detail: `${status} replaced` };
    }
    if (below[1] === 'content' && below.length === 3) {
      return d.action === 'remove' ? { field: `${at}.body (${String(below[2])})`, rule: 'response-media-type-removed', detail: 'media type removed' } : undefined;
    }
    if (below[1] === 'content' && below[3] === 'schema') {
      return schemaChange(d, below.slice(4), `${at}.body`, 'response', [...opPath, 'responses', below[0]!, 'content', below[2]!, 'schema'], docs);
    }
    if (below[1] === 'headers' && below.length === 2) {
      // Every header at once: read as its first one (a response rarely documents more than one).
      const headers = Object.entries(deref(d.action === 'remove' ? docs.before : docs.after, d.action === 'remove' ? d.before : d.after) ?? {});
      const required = headers.filter(([, h]: [string, any]) => deref(docs.after, h)?.required);
      if (d.action === 'remove' && headers.length > 0) return { field: `${at}.headers.${headers[0]![0]}`, rule: 'response-header-removed', detail: 'header removed' };
      if (d.action === 'add' && required.length > 0) return { field: `${at}.headers.${required[0]![0]}`, rule: 'response-header-added', detail: 'required header added' };
      return undefined;
    }
    if (below[1] === 'headers' && below.length >= 3) {
      const field = `${at}.headers.${String(below[2])}`;
      if (below.length === 3) {
        if (d.action === 'remove') return { field, rule: 'response-header-removed', detail: 'header removed' };
        const header = valueAt(docs.after, [...opPath, 'responses', below[0]!, 'headers', below[2]!]) ?? {};
        return header.required ? { field, rule: 'response-header-added', detail: 'required header added' } : undefined;
      }
      if (below[3] === 'required' && below.length === 4) {
        const now = d.action !== 'remove' && d.after === true;
        return { field, rule: now ? 'response-header-added' : 'response-header-removed', detail: now ? 'now required' : 'no longer required' };
      }
      if (below[3] === 'schema') return schemaChange(d, below.slice(4), field, 'response', [...opPath, 'responses', below[0]!, 'headers', below[2]!, 'schema'], docs);
    }
    return undefined;
  }
  return undefined;
}

function operationsOf(pathItem: any): string[] {
  return pathItem && typeof pathItem === 'object' ? METHODS.filter((m) => m in pathItem) : [];
}

/** Every difference, as the operations and fields it touches. */
function found(d: Diff, docs: { before: Doc; after: Doc }): Found[] {
  if (d.path[0] !== 'paths' || d.path.length < 2) return [];
  const urlPath = String(d.path[1]);
  const describe = (doc: Doc, method: string) => {
    const op = valueAt(doc, ['paths', urlPath, method]) ?? {};
    return { operationId: String(op.operationId ?? `${method.toUpperCase()} ${urlPath}`), operation: `${method.toUpperCase()} ${urlPath}` };
  };
  if (d.path.length === 2) {
    // A whole path: each of its operations added or removed.
    const added = d.action === 'add' ? operationsOf(d.after) : [];
    const removed = d.action === 'remove' ? operationsOf(d.before) : [];
    return [
      ...removed.map((m) => ({ ...describe(docs.before, m), field: '', rule: 'operation-removed' as const, detail: 'operation removed' })),
      ...added.map((m) => ({ ...describe(docs.after, m), field: '', rule: 'operation-added' as const, detail: 'operation added' })),
    ];
  }
  const method = String(d.path[2]);
  if (!METHODS.includes(method)) return [];
  if (d.path.length === 3) {
    if (d.action === 'remove') return [{ ...describe(docs.before, method), field: '', rule: 'operation-removed', detail: 'operation removed' }];
    if (d.action === 'add') return [{ ...describe(docs.after, method), field: '', rule: 'operation-added', detail: 'operation added' }];
    return [];
  }
  const change = operationChange(d, d.path.slice(3), ['paths', urlPath, method], docs);
  if (!change) return [];
  const who = describe(d.action === 'remove' ? docs.before : docs.after, method);
  return [{ ...who, ...change }];
}

/**
 * The changes from `before` to `after`, one per operation, field and rule, breaking ones first.
 *
 * @example
 * compareContracts(baseline, current).filter((c) => c.classification !== 'compatible');
 */
export function compareContracts(before: Doc, after: Doc): ContractChange[] {
  // api-smart-diff rewrites the documents it is given (it normalises their schemas in place): it gets copies, so
  // that one document can be compared twice, as the release gate compares the baseline with the release before
  // it and then with the contract being worked on.
  const { diffs } = apiCompare(structuredClone(before), structuredClone(after));
  const docs = { before, after };
  const byKey = new Map<string, ContractChange>();
  const removedFields = new Set<string>();
  const all = diffs.flatMap((d) => found(d, docs));
  // A field removed or added with its `required` entry is one change, read at the property.
  for (const f of all) if (/field-removed$|field-added$/.test(f.rule)) removedFields.add(`${f.operationId} ${f.field}`);
  for (const f of all) {
    if (/field-made-(required|optional)$/.test(f.rule) && removedFields.has(`${f.operationId} ${f.field}`)) continue;
    const key = `${f.operationId}\u0000${f.field}\u0000${f.rule}`;
    const seen = byKey.get(key);
    if (seen) {
      if (!seen.detail.includes(f.detail)) seen.detail = `${seen.detail}; ${f.detail}`;
      continue;
    }
    byKey.set(key, { operationId: f.operationId, operation: f.operation, field: f.field, rule: f.rule, classification: classificationOf(f.rule), detail: f.detail });
  }
  // A value whose type changed has new limits too: the type change says it once.
  const retyped = new Set([...byKey.values()].filter((c) => /-type-changed$/.test(c.rule)).map((c) => `${c.operationId} ${c.field}`));
  for (const [key, c] of byKey) if (/-constraint-/.test(c.rule) && retyped.has(`${c.operationId} ${c.field}`)) byKey.delete(key);
  const order: Classification[] = ['breaking-clients-and-servers', 'breaking-clients', 'breaking-servers', 'compatible'];
  return [...byKey.values()].sort(
    (a, b) => order.indexOf(a.classification) - order.indexOf(b.classification) || a.operationId.localeCompare(b.operationId) || a.field.localeCompare(b.field),
  );
}

/** Whether any change breaks clients or servers. */
export function isBreaking(changes: ContractChange[]): boolean {
  return changes.some((c) => c.classification !== 'compatible');
}

