/** `customer-portal-server` (the built dist/bin.js) in a process of its own, as a deployment runs it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEST_JWT_SECRET } from './test-server.js';

const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  exit: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export function runServerProcess(env: Record<string, string>, args: string[] = []): ServerProcess {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx tsc --build packages/server\` first.`);
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, JWT_SECRET: '', WORKERS: '', DATABASE_URL: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  // 'close', not 'exit': the process can exit before its last output is read from the pipes, and a test that
  // checks what it said on its way out would then see part of it.
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exit,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}

/** Starts the server and waits for its start line; the URL it printed. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess & { url: string }> {
  const started = runServerProcess(env);
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(started.output())?.[1];
    if (url) return { ...started, url };
    if (started.child.exitCode !== null) throw new Error(`the server exited: ${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type RunningServerProcess = ServerProcess & { url: string };

/** A server over one SQLite file, sharing the tests' signing key so that tokens verify on every process. */
export function startServerOnFile(databasePath: string): Promise<RunningServerProcess> {
  return startServerProcess({ DATABASE_PATH: databasePath, HOST: '127.0.0.1', JWT_SECRET: TEST_JWT_SECRET });
}
