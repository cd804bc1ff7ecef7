/**
 * Field error messages in words a customer understands: a whole sentence naming the field ("Subject must
 * not be blank."), never ajv's own text, a regular expression or a schema keyword. A frontend shows them
 * beside their fields as they are.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';

// Words that read better in capitals or spelt out than as their JSON names.
const words: Record<string, string> = { id: 'ID', url: 'URL' };

/**
 * What a customer calls the field at `location`: its last name, in words. `body.preferences.theme` →
 * `Theme`; an entry of a list is named with its position, `body.items.0` → `Item 1 of items`.
 */
function fieldLabel(location: string): string {
  const segments = location.split('.');
  const last = segments.at(-1) ?? '';
  if (segments.length === 3 && segments[0] === 'response' && segments[1] === 'headers') return `The ${last} header`;
  if (segments.length === 1) return last === 'body' ? 'The request body' : last === 'response' ? 'The response' : humanize(last);
  if (/^\d+$/.test(last)) {
    const list = segments.length > 2 ? humanize(segments.at(-2) ?? '').toLowerCase() : 'the list';
    return `Entry ${Number(last) + 1} of ${list}`;
  }
  return humanize(last);
}

function humanize(name: string): string {
  const text = name
    .split(/[_-]/)
    .filter(Boolean)
    .map((word) => words[word.toLowerCase()] ?? word.toLowerCase())
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const typeNames: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of named fields',
  null: 'empty',
};

const formatNames: Record<string, string> = {
  email: 'an email address',
  uri: 'a web address',
  'date-time': 'a date and time',
  date: 'a date',
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What is wrong with the field, as the rest of a sentence that starts with its name. */
function predicate(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'is not an accepted field';
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'type': {
      const types = String(params.type).split(',');
      return `must be ${types.map((type) => typeNames[type] ?? type).join(' or ')}`;
    }
    case 'pattern':
      if (typeof parent?.['x-pattern-message'] === 'string') return parent['x-pattern-message'];
      if (params.pattern === '\\S') return 'must not be blank';
      return 'is not in the expected form';
    case 'format':
      return `must be ${formatNames[String(params.format)] ?? 'in the expected form'}`;
    case 'minLength':
      return Number(params.limit) === 1 ? 'must not be empty' : `must be at least ${plural(Number(params.limit), 'character')} long`;
    case 'maxLength':
      return `must be at most ${plural(Number(params.limit), 'character')} long`;
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(params.limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(params.limit)}`;
    case 'multipleOf':
      return `must be a multiple of ${String(params.multipleOf)}`;
    case 'minItems':
      return `must include at least ${plural(Number(params.limit), 'item')}`;
    case 'maxItems':
      return `must include at most ${plural(Number(params.limit), 'item')}`;
    case 'uniqueItems':
      return 'must not include the same item twice';
    case 'minProperties':
      return `must have at least ${plural(Number(params.limit), 'field')}`;
    case 'maxProperties':
      return `must have at most ${plural(Number(params.limit), 'field')}`;
    default:
      return 'is not valid';
  }
}

/** The sentence for one ajv error about the field at `location`. */
export function fieldMessage(location: string, error: ErrorObject): string {
  return sentence(location, predicate(error));
}

/** `sentence('body.subject', 'is required')` → `Subject is required.` */
export function sentence(location: string, rest: string): string {
  return `${fieldLabel(location)} ${rest}.`;
}
