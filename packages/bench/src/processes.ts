/**
 * Server processes: every contender runs in a child process of its own on 127.0.0.1, so that its CPU time and
 * memory are its own and it never shares an event loop with the load generator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { freePort } from '@customer-portal/contract';

export interface RunningServer {
  url: string;
  pid: number;
  /** Milliseconds from spawning the process to its first 200 on the probe. */
  readyMs: number;
  close(): Promise<void>;
}

const running = new Set<ChildProcess>();
// An interrupted or crashed run must not leave servers behind; Node skips 'exit' handlers on a signal.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
}

/**
 * Runs `node script` with `env` plus a free PORT, and polls `probePath` (with `headers`) until it answers 200.
 * stdout goes nowhere: a server that logs each request pays for writing it, as under any process manager.
 */
export async function spawnServer(name: string, script: string, env: Record<string, string>, probePath: string, headers: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [script], { env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  let ready = false;
  // A server that dies under load would read as 0 req/s: say why it died.
  child.once('exit', (code, signal) => ready && !stopping && console.error(`${name} exited (${code ?? signal}) during the run.\n${errors}`));
  let stopping = false;
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it answered.\n${errors}`);
    if (performance.now() > deadline) {
      await stopper(child)();
      throw new Error(`${name} did not answer 200 on ${probePath} within 60 s.\n${errors}`);
    }
    // A timeout: WORKERS=2's primary may accept a connection before a worker can take it, and hold it.
    const status = await fetch(url + probePath, { headers, signal: AbortSignal.timeout(1000) }).then(async (response) => (await response.arrayBuffer(), response.status), () => 0);
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  ready = true;
  const stop = stopper(child);
  return { url, pid: child.pid!, readyMs: performance.now() - started, close: () => ((stopping = true), stop()) };
}

/** `pid` and every process below it (Prism's CLI and WORKERS=2 serve from forked children). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${tree[i]}/task`)) {
        const children = readFileSync(`/proc/${tree[i]}/task/${task}/children`, 'utf8').trim();
        if (children) tree.push(...children.split(' ').map(Number));
      }
    } catch {
      // Gone, or no /proc: what we have is all we can know.
    }
  }
  return tree;
}

function readProc(pid: number): { rssBytes: number; cpuMicros: number } | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    // After the command name (which may hold spaces, hence the last ')'): utime is the 12th field, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Clock ticks are 100 a second on every Linux the benchmark runs on (USER_HZ).
    return { rssBytes: Number(kb ?? 0) * 1024, cpuMicros: (Number(fields[11]) + Number(fields[12])) * 10_000 };
  } catch {
    return undefined;
  }
}

/**
 * Samples the RSS of `pid`'s process tree every 50 ms until stopped, keeping the peak, and counts the CPU
 * time the tree uses meanwhile (NaN without /proc).
 */
export function sampleProcessTree(pid: number): { stop(): { peakRssMb: number; cpuMicros: number } } {
  const read = () => new Map(processTree(pid).flatMap((p) => {
    const figures = readProc(p);
    return figures ? [[p, figures] as const] : [];
  }));
  const before = read();
  const rssOf = (figures: ReturnType<typeof read>) => [...figures.values()].reduce((sum, f) => sum + f.rssBytes, 0);
  let peak = rssOf(before);
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(read()))), 50);
  return {
    stop() {
      clearInterval(timer);
      const after = read();
      let cpuMicros = after.size > 0 ? 0 : Number.NaN;
      for (const [p, figures] of after) cpuMicros += figures.cpuMicros - (before.get(p)?.cpuMicros ?? 0);
      return { peakRssMb: Math.max(peak, rssOf(after)) / 2 ** 20, cpuMicros };
    },
  };
}
