/// <reference types="node" />
/** `customer-portal-world record`: a world from a running backend, read through its API as its customers. */
import { parseArgs } from 'node:util';
import { worldFileText } from '@customer-portal/core';
import { buildWorld, InconsistentRecording, type BuiltWorld } from './build-world.js';
import { readOf, type AccountRecording } from './exchanges.js';
import { createRecorder } from './recorder.js';
import { replayDifferences } from './replay.js';
import { UsageError } from './usage-error.js';
import { writeWhole } from './write-file.js';

export async function record(args: string[], print: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'base-url': { type: 'string' },
      email: { type: 'string', multiple: true },
      password: { type: 'string', multiple: true },
      out: { type: 'string' },
      'keep-passwords': { type: 'boolean', default: false },
      pace: { type: 'string', default: '25' },
    },
  });
  const emails = values.email ?? [];
  const passwords = values.password ?? [];
  if (!values['base-url'] || !/^https?:\/\//.test(values['base-url'])) throw new UsageError('record needs --base-url http(s)://… (the backend to record).');
  if (emails.length === 0 || emails.length !== passwords.length) throw new UsageError('record needs one --password after each --email.');
  if (!values.out) throw new UsageError('record needs --out FILE.');
  if (!/^\d{1,5}$/.test(values.pace)) throw new UsageError(`--pace must be milliseconds between requests, not "${values.pace}".`);

  const recorder = createRecorder({ baseUrl: values['base-url'], paceMs: Number(values.pace), say: print });
  const recordings: AccountRecording[] = [];
  for (const [i, email] of emails.entries()) recordings.push(await recorder.recordAccount(email, passwords[i]!));
  const built = buildWorld(recordings, { keepPasswords: values['keep-passwords'] });
  await assertSameAnswers(built, recordings);
  await writeWhole(values.out, worldFileText(built.world, built.inferred));
  report(values.out, built, recordings.reduce((n, r) => n + r.exchanges.length, 0), print, values['keep-passwords']);
  return 0;
}

/** Served by the mocks, the world must answer every recorded GET as the backend did; else nothing is written. */
export async function assertSameAnswers(built: BuiltWorld, recordings: AccountRecording[], strict = true): Promise<string[]> {
  // Each recording signs in as the customer its profile answer names.
  const accounts = recordings.flatMap((recording) => {
    const profile = recording.exchanges.find((e) => e.status === 200 && readOf(e.path).read === 'profile')?.body as { email?: string } | undefined;
    const account = built.passwords.find((p) => p.email === profile?.email);
    return account ? [{ recording, ...account }] : [];
  });
  const differences = await replayDifferences(built.world, built.inferred, accounts);
  if (strict && differences.length > 0) {
    throw new InconsistentRecording(
      `The recorded world would answer ${differences.length} of the recorded GETs otherwise (first ${differences[0]}), so no world file was written.`,
    );
  }
  return differences;
}

export function report(out: string, { world, inferred, unseen, passwords }: BuiltWorld, exchanges: number, print: (line: string) => void, kept: boolean): void {
  print(
    `${out}: ${world.customers.length} customers, ${world.orders.length} orders, ${world.returns.length} returns, ${world.tickets.length} tickets, ` +
      `${world.notifications.length} notifications from ${exchanges} answers; served by the mocks it gives every one of them again.`,
  );
  if (inferred.length > 0) print(`Inferred (no answer shows them):\n${inferred.map((i) => `  ${i.record}: ${i.reason}`).join('\n')}`);
  if (unseen.length > 0) print(`Not seen:\n${unseen.map((line) => `  ${line}`).join('\n')}`);
  if (!kept) print(`Sign in to the recorded world with development passwords (--keep-passwords stores the real ones):\n${passwords.map((p) => `  ${p.email} / ${p.password}`).join('\n')}`);
}
