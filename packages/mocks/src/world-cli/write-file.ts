/// <reference types="node" />
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/**
 * Writes `text` to `path` whole or not at all: into a file beside it, then renamed over it, so that a command
 * that fails part way leaves no half-written world behind (and no file where there was none).
 */
export async function writeWhole(path: string, text: string | Iterable<string>): Promise<void> {
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    if (typeof text === 'string') await writeFile(partial, text);
    else await writePieces(partial, text);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw new Error(`${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

/** Writes the pieces as they come, about a megabyte at a time, waiting whenever the disk is behind. */
async function writePieces(path: string, pieces: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  let buffered: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!out.write(buffered.join(''))) await Promise.race([once(out, 'drain'), failed]);
    buffered = [];
    size = 0;
  };
  for (const piece of pieces) {
    buffered.push(piece);
    size += piece.length;
    if (size >= 1 << 20) await flush();
  }
  await flush();
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
