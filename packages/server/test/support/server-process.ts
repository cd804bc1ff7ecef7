/**
 * The built server (dist/bin.js) in a process of its own, as `npm start` runs it: for tests that need
 * several processes on one database file, or that kill one with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEST_JWT_SECRET } from './test-server.js';

export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
  /** SIGTERM, and waits for the process to end. */
  stop(): Promise<void>;
}

/** Starts dist/bin.js on a free port over `databasePath` and waits for its start line. */
export async function startServerProcess(databasePath: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx tsc --build packages/server\` first.`);
  const child = spawn(process.execPath, [BIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, JWT_SECRET: TEST_JWT_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (url) {
      return {
        child,
        url,
        output: () => output,
        exit,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exit;
        },
      };
    }
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
