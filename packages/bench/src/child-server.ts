/**
 * Server processes for the benchmark: each contender runs in its own child process, so that its memory is
 * measured alone and it never shares an event loop with the load generator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { parseReadyLine } from './servers/ready-line.js';

export interface RunningServer {
  url: string;
  pid: number;
  /** Stops the process and waits for it to exit. */
  close(): Promise<void>;
}

export interface SpawnOptions {
  /** What to call the process in error messages. */
  name: string;
  /** The script `node` runs. */
  script: string;
  args?: string[];
  /** Options for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();
// A benchmark that crashes or is interrupted must not leave servers behind. Node skips 'exit' handlers when
// a signal ends it, hence the signal handlers.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.forEach((child) => child.kill('SIGKILL'));
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

function launch({ script, args = [], nodeArgs = [], env = {} }: SpawnOptions): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function tail(lines: string[], line: string): void {
  lines.push(line);
  if (lines.length > 20) lines.shift();
}

function closer(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
}

/**
 * Starts a child that announces its URL with a ready line (see servers/ready-line.ts).
 *
 * @example
 * const server = await spawnAnnouncingServer({ name: 'bare Koa', script: benchEntry('servers/bare-koa') });
 */
export async function spawnAnnouncingServer(options: SpawnOptions): Promise<RunningServer> {
  const child = launch(options);
  const output: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  createInterface({ input: child.stderr! }).on('line', (line) => tail(output, line));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(failure(options, 'did not announce itself in time', output)), options.timeoutMs ?? 20_000);
    lines.on('line', (line) => {
      const announced = parseReadyLine(line);
      if (announced === undefined) return tail(output, line);
      clearTimeout(timer);
      resolve(announced);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(failure(options, `exited with code ${code} before it was ready`, output));
    });
  });
  return { url, pid: child.pid!, close: closer(child) };
}

export interface PolledServerOptions extends SpawnOptions {
  /** The URL to poll until it answers `200`. */
  probe: string;
  headers?: Record<string, string>;
  intervalMs?: number;
}

/**
 * Starts a child and polls `probe` until it answers 200; resolves with the time that took, in milliseconds.
 * This is "start to first 200" as a user sees it: process start, module loading, database opening, listening.
 *
 * @example
 * const { server, readyMs } = await spawnPolledServer({ name: 'Prism', script: prismCli(), args, probe });
 */
export async function spawnPolledServer(options: PolledServerOptions): Promise<{ server: RunningServer; readyMs: number }> {
  const started = performance.now();
  const child = launch(options);
  const output: string[] = [];
  // Drain both streams: a child blocked on a full pipe would look like a slow server.
  createInterface({ input: child.stdout! }).on('line', (line) => tail(output, line));
  createInterface({ input: child.stderr! }).on('line', (line) => tail(output, line));
  const deadline = started + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw failure(options, `exited with code ${child.exitCode} before it answered`, output);
    if (performance.now() > deadline) {
      await closer(child)();
      throw failure(options, `did not answer 200 on ${options.probe} in time`, output);
    }
    const status = await fetch(options.probe, { headers: options.headers ?? {} }).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 5));
  }
  const readyMs = performance.now() - started;
  return { server: { url: new URL(options.probe).origin, pid: child.pid!, close: closer(child) }, readyMs };
}

function failure(options: SpawnOptions, what: string, output: string[]): Error {
  return new Error(`${options.name} ${what}.${output.length ? `\nLast output:\n${output.join('\n')}` : ''}`);
}

/** A TCP port that was free a moment ago, for servers that cannot listen on port 0 and report it (Prism). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('Could not find a free port.');
  return address.port;
}
