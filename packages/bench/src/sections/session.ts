/**
 * What the sections share: a token for the sample account and the reference server's responses for bare
 * Koa to replay, both taken from one reference server on a throwaway copy of the seeded database.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshCopy, startReference } from '../contenders.js';
import { captureResponses } from '../servers/capture.js';
import { signIn, workloads } from '../workloads.js';
import type { SectionContext } from './context.js';

export interface Session {
  /** The sample account's token; valid on every reference server of the run (they share one secret). */
  token: string;
  /** The JSON file of canned responses bare Koa serves. */
  cannedFile: string;
}

/**
 * Starts a reference server once to sign in and capture its responses.
 *
 * @example
 * const session = await openSession(context);
 */
export async function openSession(context: SectionContext): Promise<Session> {
  // A copy, because capturing sends the POST of the write workloads.
  const server = await startReference(freshCopy(context.seededDatabase, join(context.workDir, 'session.sqlite')));
  try {
    const token = await signIn(server.url);
    const canned = await captureResponses(server.url, workloads(token).flatMap((w) => w.requests));
    const cannedFile = join(context.workDir, 'canned-responses.json');
    writeFileSync(cannedFile, JSON.stringify(canned));
    return { token, cannedFile };
  } finally {
    await server.close();
  }
}
