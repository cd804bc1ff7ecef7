/**
 * Resident memory and CPU time of another process and its children, read while it is under load. Each server
 * runs in its own process so that these are its figures alone, not the load generator's; children count
 * because Prism's CLI serves from a process it forks.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** `pid` and every process below it (Linux); just `pid` where /proc cannot tell. */
export function processTree(pid: number): number[] {
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

/** Resident set size of `pid` in bytes, or undefined when the process is gone. */
export function readRss(pid: number): number | undefined {
  try {
    // Linux: one small file read, cheap enough to do every few milliseconds.
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return readRssWithPs(pid);
  }
}

function readRssWithPs(pid: number): number | undefined {
  try {
    const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isFinite(kb) && kb > 0 ? kb * 1024 : undefined;
  } catch {
    return undefined;
  }
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

/**
 * CPU time `pid` has used so far (user + system, all its threads), in microseconds; undefined where /proc
 * is not available. Unlike req/s, CPU time per request barely moves when other processes share the machine.
 */
export function readCpuMicros(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicks();
  } catch {
    return undefined;
  }
}

export interface ProcessSampler {
  /** Stops sampling; returns the highest RSS seen (bytes) and the CPU time used meanwhile (µs, NaN if unknown). */
  stop(): { peakRssBytes: number; cpuMicros: number };
}

function treeRss(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + (readRss(p) ?? 0), 0);
}

function treeCpu(pids: number[]): Map<number, number> {
  return new Map(pids.flatMap((p) => {
    const micros = readCpuMicros(p);
    return micros === undefined ? [] : [[p, micros] as const];
  }));
}

/**
 * Samples the RSS of `pid` and its children every `intervalMs` until stopped, keeping the peak of their sum,
 * and counts the CPU time they use meanwhile.
 *
 * @example
 * const sampler = sampleProcess(child.pid);
 * await runLoad(...);
 * const { peakRssBytes, cpuMicros } = sampler.stop();
 */
export function sampleProcess(pid: number, intervalMs = 50): ProcessSampler {
  const cpuBefore = treeCpu(processTree(pid));
  let peak = treeRss(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const cpuAfter = treeCpu(processTree(pid));
      // CPU of the processes alive at both ends; a server does not fork per request.
      let cpuMicros = cpuAfter.size > 0 ? 0 : Number.NaN;
      for (const [p, after] of cpuAfter) cpuMicros += after - (cpuBefore.get(p) ?? 0);
      return { peakRssBytes: Math.max(peak, treeRss(pid)), cpuMicros };
    },
  };
}
