/**
 * The records of a team's worlds that a new contract refuses: each record of a world file (or of the fixtures
 * folder) is checked against the schema the API would answer it with, under the old contract and the new; a
 * record the old one accepted and the new one refuses is named, with the field and why.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { SetupError } from '../setup-error.js';

const addFormats = ajvFormats.default;

export interface WorldBreak {
  /** The world file (or fixtures folder) as given. */
  world: string;
  /** `orders ORD123`, `customers ali.jawad@example.com (settings)` */
  record: string;
  /** Where in the record: `total`, `items[0].price`, or '' for the record itself. */
  field: string;
  message: string;
}

type Records = Record<string, unknown[]>;

/** Each collection of a world: its records as the API answers them, and the schema that answers them. */
const COLLECTIONS: Record<string, { schema: string; shown: (record: any) => { key: string; value: unknown }[] }> = {
  orders: { schema: 'Order', shown: ({ customer_id: _c, shipment: _s, ...order }) => [{ key: String(order.id), value: order }] },
  tickets: { schema: 'Ticket', shown: ({ customer_id: _c, ...ticket }) => [{ key: String(ticket.id), value: ticket }] },
  notifications: { schema: 'Notification', shown: ({ customer_id: _c, ...notification }) => [{ key: String(notification.id), value: notification }] },
  returns: { schema: 'Return', shown: (record) => [{ key: String(record.id), value: record }] },
  customers: {
    schema: 'Preferences',
    shown: (customer) => [{ key: `${String(customer.email)} (preferences)`, value: customer.preferences }],
  },
  'customers.settings': { schema: 'Settings', shown: (customer) => [{ key: `${String(customer.email)} (settings)`, value: customer.settings }] },
};

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SetupError(`--world ${path} is not JSON: ${(error as Error).message}`);
  }
}

/** A world file (`{ format: 1, world: {...} }`), a fixtures folder, or one fixtures file (`orders.json`). */
export function readWorld(path: string): Records {
  if (!existsSync(path)) throw new SetupError(`--world ${path}: no such file or folder.`);
  if (statSync(path).isDirectory()) {
    const world: Records = {};
    for (const name of readdirSync(path).filter((n) => n.endsWith('.json'))) {
      const records = readJson(join(path, name));
      if (Array.isArray(records)) world[basename(name, '.json')] = records;
    }
    return world;
  }
  const data = readJson(path) as { format?: unknown; world?: unknown } | unknown[];
  if (Array.isArray(data)) return { [basename(path, '.json')]: data };
  if (data && typeof data === 'object' && 'world' in data && data.world && typeof data.world === 'object') {
    if (data.format !== 1) throw new SetupError(`--world ${path} is a world file of format ${String(data.format)}; this version reads format 1.`);
    return data.world as Records;
  }
  throw new SetupError(`--world ${path} is neither a world file ({ "format": 1, "world": {...} }) nor a fixtures file (a list of records).`);
}

function validators(document: Record<string, any>): (schema: string) => ValidateFunction | undefined {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'contract' });
  const cache = new Map<string, ValidateFunction | undefined>();
  return (schema) => {
    if (!cache.has(schema)) cache.set(schema, document.components?.schemas?.[schema] ? ajv.compile({ $ref: `contract#/components/schemas/${schema}` }) : undefined);
    return cache.get(schema);
  };
}

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
  const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
  const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
  const name = missing ?? extra;
  return name ? (path ? `${path}.${name}` : name) : path;
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'required') return 'missing, and now required';
  if (error.keyword === 'additionalProperties') return 'no longer a field of the contract';
  if (error.keyword === 'enum') return `${error.message} (${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`;
  return error.message ?? error.keyword;
}

/**
 * The records of `world` that `before` accepted and `after` refuses.
 *
 * @example
 * worldBreaks('fixtures', readWorld('fixtures'), baseline, current); // [{ record: 'orders ORD123', field: 'total', ... }]
 */
export function worldBreaks(name: string, world: Records, before: Record<string, any>, after: Record<string, any>): WorldBreak[] {
  const old = validators(before);
  const now = validators(after);
  const breaks: WorldBreak[] = [];
  for (const [collection, { schema, shown }] of Object.entries(COLLECTIONS)) {
    const records = world[collection.split('.')[0]!];
    if (!Array.isArray(records)) continue;
    const validateOld = old(schema);
    const validateNow = now(schema);
    if (!validateNow) continue;
    for (const record of records) {
      for (const { key, value } of shown(record)) {
        if (validateOld && !validateOld(value)) continue;
        if (validateNow(value)) continue;
        for (const error of validateNow.errors ?? []) {
          breaks.push({ world: name, record: `${collection.split('.')[0]} ${key}`, field: fieldOf(error), message: messageOf(error) });
        }
      }
    }
  }
  return breaks;
}
