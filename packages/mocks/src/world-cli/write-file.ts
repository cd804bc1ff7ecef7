/// <reference types="node" />
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/**
 * Writes `text` to `path` whole or not at all: into a file beside it, then renamed over it, so that a command
 * that fails part way leaves no half-written world behind (and no file where there was none).
 */
export async function writeWhole(path: string, text: string): Promise<void> {
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    await writeFile(partial, text);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw new Error(`${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}
