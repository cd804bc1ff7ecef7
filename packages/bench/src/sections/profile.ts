/**
 * Where the reference server's time goes under GET /orders: a V8 CPU profile of the server process
 * (node --cpu-prof), its self time summed by package. This is the "why" behind the ratios: what the reference
 * server does per request that bare Koa does not.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReference, freshCopy } from '../contenders.js';
import { runLoad } from '../load.js';
import { signIn, workloads } from '../workloads.js';
import type { SectionContext } from './context.js';

export interface ProfileShare {
  name: string;
  /** Share of the busy (non-idle) time, 0 to 1. */
  share: number;
}

export interface ProfileResult {
  workload: string;
  busyMs: number;
  byPackage: ProfileShare[];
  topFunctions: ProfileShare[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Which package a frame belongs to, from its script URL. */
export function packageOf(url: string, functionName: string): string {
  if (url === '') {
    if (/^\((garbage collector|program|idle|root)\)$/.test(functionName)) return functionName;
    // ajv compiles each schema to a function with no script of its own.
    if (/^validate\d*$/.test(functionName)) return 'ajv (compiled validators)';
    return 'native (V8 built-ins, bindings)';
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? url);
  }
  const workspace = /\/packages\/([^/]+)\//.exec(url);
  if (workspace) return `@customer-portal/${workspace[1]}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).replace(/^internal\//, '').split('/')[0]}`;
  return url;
}

/** Self time by package and by function, as shares of the busy time. */
export function summariseProfile(profile: CpuProfile, top = 12): Omit<ProfileResult, 'workload'> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const micros = profile.timeDeltas[i] ?? 0;
    if (!frame || frame.functionName === '(idle)') return;
    busy += micros;
    const pkg = packageOf(frame.url, frame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
    const fn = `${frame.functionName || '(anonymous)'} · ${pkg}`;
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
  });
  const shares = (map: Map<string, number>) =>
    [...map]
      .map(([name, micros]) => ({ name, share: busy > 0 ? micros / busy : 0 }))
      .sort((a, b) => b.share - a.share)
      .slice(0, top);
  return { busyMs: busy / 1000, byPackage: shares(packages), topFunctions: shares(functions) };
}

/**
 * Profiles the reference server under GET /orders for one run of the configured duration.
 *
 * @example
 * const { byPackage } = await runProfile(context); // [{ name: 'ajv (compiled validators)', share: 0.18 }, ...]
 */
export async function runProfile(context: SectionContext): Promise<ProfileResult> {
  const dir = join(context.workDir, 'cpu-profile');
  mkdirSync(dir, { recursive: true });
  const database = freshCopy(context.seededDatabase, join(context.workDir, 'profile.sqlite'));
  const server = await startReference(database, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  let label = '';
  try {
    const orders = workloads(await signIn(server.url))[0]!;
    label = orders.label;
    const { connections, durationSeconds } = context.options;
    await runLoad({ url: server.url, requests: orders.requests, connections, durationSeconds });
  } finally {
    await server.close();
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('The reference server wrote no CPU profile: it must exit cleanly on SIGTERM.');
  const summary = summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile);
  context.log(`profile · ${label}: ${summary.byPackage.slice(0, 4).map((p) => `${p.name} ${Math.round(p.share * 100)}%`).join(', ')}`);
  return { workload: label, ...summary };
}
