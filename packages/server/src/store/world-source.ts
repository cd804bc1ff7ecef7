/**
 * Which world a database is seeded from: the sample world of fixtures/, or a world file (`--world FILE`,
 * `WORLD=FILE`). A world file is known by the SHA-256 of its bytes, so that a server can tell whether a
 * database holds this file's world without parsing the file again; the database records it beside the data.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readWorldFile, sampleWorld, WorldFileError, type SampleWorld } from '@customer-portal/core';

export interface WorldOrigin {
  /** How to name it in a sentence: `the sample world` or the file's path as it was given. */
  name: string;
  /** The file's absolute path; null for the sample world. */
  path: string | null;
  /** `sample`, or the SHA-256 (hex) of the file's bytes. */
  digest: string;
}

export interface WorldSource extends WorldOrigin {
  /** The world, parsed and checked (core's readWorldFile): only when a database is seeded from it. */
  world(): SampleWorld;
}

const SAMPLE_ORIGIN: WorldOrigin = { name: 'the sample world', path: null, digest: 'sample' };

/**
 * The world a server serves: the file at `path`, or the sample world when there is none.
 *
 * @throws WorldFileError with one sentence naming the file when it cannot be read (and, from world(), when
 * it is not JSON, of another format or breaks a rule).
 */
export function worldSource(path: string | undefined): WorldSource {
  if (path === undefined) return { ...SAMPLE_ORIGIN, world: sampleWorld };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new WorldFileError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  return {
    name: path,
    path: resolve(path),
    digest: createHash('sha256').update(bytes).digest('hex'),
    world: () => readWorldFile(bytes.toString('utf8'), path).world,
  };
}

/**
 * Refuses to serve `database` with `wanted` when it was seeded from another world; a database that recorded
 * no world was seeded from the sample world (servers before world files seeded nothing else).
 *
 * @throws Error with one sentence saying which world the database holds and what to do.
 */
export function assertSameWorld(database: string, recorded: WorldOrigin | undefined, wanted: WorldOrigin): void {
  const holds = recorded ?? SAMPLE_ORIGIN;
  if (holds.digest === wanted.digest) return;
  const changed = holds.path !== null && holds.path === wanted.path;
  throw new Error(
    changed
      ? `${database} was seeded from ${wanted.name} before the file changed; run customer-portal-server db:reset --world ${wanted.name} to seed it as it is now.`
      : `${database} was seeded from ${holds.name}, not from ${wanted.name}; serve it with ${holds.path ? `--world ${holds.name}` : 'no --world'}, reset it with customer-portal-server db:reset --world ${wanted.name}, or choose another database.`,
  );
}

/**
 * The world a database recorded, to seed it again (db:reset): the sample world when it recorded none.
 *
 * @throws Error with one sentence when the file is gone or has changed since the database was seeded from it.
 */
export function recordedSource(database: string, recorded: WorldOrigin | undefined): WorldSource {
  if (!recorded || recorded.path === null) return worldSource(undefined);
  const source = { ...worldSource(recorded.path), name: recorded.name };
  if (source.digest !== recorded.digest) {
    throw new Error(`${recorded.name} has changed since ${database} was seeded from it; run customer-portal-server db:reset --world ${recorded.name} to seed it as it is now.`);
  }
  return source;
}
