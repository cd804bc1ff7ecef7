// Node's types for this file alone: the package's browser sources stay free of them.
/// <reference types="node" />
import { readFile } from 'node:fs/promises';
import { readWorldFile, WorldFileError, type WorldFile } from '@customer-portal/core';

/**
 * Reads and checks a world file: what `setupPortalServer({ world })` and `customer-portal-server --world` serve.
 *
 * @throws WorldFileError (from core) with one sentence naming the file, the record and the field, when the
 * file cannot be read, is not JSON, is of another format or breaks a rule.
 *
 * @example
 * const server = setupPortalServer({ world: await loadWorld('fixtures/staging.world.json') });
 */
export async function loadWorld(path: string): Promise<WorldFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new WorldFileError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  return readWorldFile(text, path);
}
