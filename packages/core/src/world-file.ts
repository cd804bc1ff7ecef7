/**
 * The world file: one format that every host and tool reads and writes, so that a world recorded from a
 * staging backend, generated from a seed or written by hand is served alike by the mocks and the server.
 *
 * ```json
 * { "format": 1, "world": { "customers": [], "orders": [], "returns": [], "tickets": [], "notifications": [] }, "inferred": [] }
 * ```
 *
 * Records keep the order they have in the file: where two rows tie (the same `created_at`), a host lists
 * them as the file does.
 */
import type { WorldRecord } from './generate-world.js';
import type { SampleWorld } from './sample-world-types.js';
import { checkWorld, describeBreach, type WorldBreach } from './world-checks.js';

/** The format version this code reads and writes. */
export const WORLD_FORMAT = 1;

/** A record that no answer showed, added so that the answers that were seen still hold (see `record`). */
export interface WorldInference {
  /** The record as `checkWorld` names records, e.g. `returns[4] (RET5)`. */
  record: string;
  /** Why it is there, in a sentence. */
  reason: string;
}

export interface WorldFile {
  format: typeof WORLD_FORMAT;
  world: SampleWorld;
  inferred: WorldInference[];
}

/** A world file that cannot be served: its message is one sentence naming the file, the record and the field. */
export class WorldFileError extends Error {
  override name = 'WorldFileError';
  constructor(
    message: string,
    /** Every breach of the contract or of a rule between records; empty when the file was not a world at all. */
    readonly breaches: WorldBreach[] = [],
  ) {
    super(message);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` has the shape of a world file (`format` and `world`), whatever its version or content. */
export function looksLikeWorldFile(value: unknown): value is { format: unknown; world: unknown } {
  return isObject(value) && 'format' in value && 'world' in value;
}

/**
 * Parses and checks a world file's content (its text, or the value `JSON.parse` made of it).
 *
 * @param source how to name the file in an error, e.g. its path.
 * @throws WorldFileError when it is not JSON, not a world file, of another format, or breaks a rule.
 *
 * @example
 * const file = readWorldFile(await readFile('staging.world.json', 'utf8'), 'staging.world.json');
 * file.world.orders.length; // 312
 */
export function readWorldFile(content: unknown, source = 'the world file'): WorldFile {
  let value = content;
  if (typeof content === 'string') {
    try {
      value = JSON.parse(content);
    } catch (error) {
      throw new WorldFileError(`${source} is not JSON (${(error as Error).message.replace(/\.$/, '')}).`);
    }
  }
  if (!looksLikeWorldFile(value)) {
    throw new WorldFileError(`${source} is not a world file: it needs "format": ${WORLD_FORMAT} and a "world" with customers, orders, returns, tickets and notifications.`);
  }
  if (value.format !== WORLD_FORMAT) {
    throw new WorldFileError(`${source} is a world file of format ${JSON.stringify(value.format)}, and this version reads format ${WORLD_FORMAT} only.`);
  }
  const inferred = (value as { inferred?: unknown }).inferred ?? [];
  if (!Array.isArray(inferred)) throw new WorldFileError(`${source} has an "inferred" that is not a list.`);
  const breaches = checkWorld(value.world as SampleWorld);
  if (breaches.length > 0) {
    const more = breaches.length > 1 ? ` (and ${breaches.length - 1} more; customer-portal-world check lists them all)` : '';
    throw new WorldFileError(`${source} breaks a rule in ${describeBreach(breaches[0]!)}${more}.`, breaches);
  }
  return { format: WORLD_FORMAT, world: value.world as SampleWorld, inferred: inferred as WorldInference[] };
}

const KINDS = ['customers', 'orders', 'returns', 'tickets', 'notifications'] as const;

/** `value` as two-space JSON, every line after the first indented by `indent` more. */
const indented = (value: unknown, indent: string) => JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);

/**
 * The world file's text in pieces, for a world too big to be one string: one pass over `records()` per kind
 * of record, each record written as it comes. The pieces join to exactly `JSON.stringify(file, null, 2)`
 * and a final newline, so a world has one text however it is written.
 *
 * @example
 * for (const piece of worldFileTextPieces(() => generateWorldRecords({ seed: 7, customers: 100_000 }))) out.write(piece);
 */
export function* worldFileTextPieces(records: () => Iterable<WorldRecord>, inferred: WorldInference[] = []): Generator<string> {
  yield `{\n  "format": ${WORLD_FORMAT},\n  "world": {\n`;
  for (const [k, kind] of KINDS.entries()) {
    yield `    "${kind}": [`;
    let first = true;
    for (const record of records()) {
      if (record.kind !== kind) continue;
      yield `${first ? '' : ','}\n      ${indented(record.record, '      ')}`;
      first = false;
    }
    yield `${first ? '' : '\n    '}]${k < KINDS.length - 1 ? ',' : ''}\n`;
  }
  yield `  },\n  "inferred": ${indented(inferred, '  ')}\n}\n`;
}

/** The records of a world, kind by kind, in their order. */
function* recordsOf(world: SampleWorld): Generator<WorldRecord> {
  for (const kind of KINDS) for (const record of world[kind]) yield { kind, record } as WorldRecord;
}

/**
 * The world file's text: two-space JSON and a final newline, the same bytes for the same world.
 *
 * @example
 * await writeFile('my.world.json', worldFileText(generateWorld({ seed: 7, customers: 3 })));
 */
export function worldFileText(world: SampleWorld, inferred: WorldInference[] = []): string {
  return [...worldFileTextPieces(() => recordsOf(world), inferred)].join('');
}
