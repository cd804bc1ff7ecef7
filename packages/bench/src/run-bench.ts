/**
 * The whole benchmark: each selected section in turn, on servers it starts itself, in a scratch folder it
 * removes afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSampleDatabase } from './generator/build-database.js';
import { describeMachine } from './machine.js';
import type { BenchOptions } from './options.js';
import { checkTargets } from './report/targets.js';
import type { BenchResults } from './results.js';
import type { SectionContext } from './sections/context.js';
import { runBreakdown } from './sections/breakdown.js';
import { runGrowth } from './sections/growth.js';
import { runMswOverhead } from './sections/msw-overhead.js';
import { runProfile } from './sections/profile.js';
import { measureSdkSize } from './sections/sdk-size.js';
import { openSession } from './sections/session.js';
import { runStartup } from './sections/startup.js';
import { runThroughput } from './sections/throughput.js';

/**
 * Runs the sections `options` selects and returns every figure, with the targets checked.
 *
 * @example
 * const results = await runBench(parseBenchArgs(['--smoke']) as BenchOptions);
 */
export async function runBench(options: BenchOptions, log: (line: string) => void = (line) => console.error(line)): Promise<BenchResults> {
  const started = performance.now();
  const wants = (section: BenchOptions['sections'][number]) => options.sections.includes(section);
  const workDir = mkdtempSync(join(tmpdir(), 'customer-portal-bench-'));
  // Also on Ctrl+C (child-server.ts exits on signals): the growth databases take hundreds of MB.
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  process.once('exit', removeWorkDir);
  try {
    const context: SectionContext = { options, workDir, seededDatabase: join(workDir, 'seeded.sqlite'), log };
    seedSampleDatabase(context.seededDatabase);
    const results: Omit<BenchResults, 'targets'> = {
      machine: describeMachine(),
      settings: {
        smoke: options.smoke,
        rounds: options.rounds,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
        connections: options.connections,
        growthSizes: options.growthSizes,
        loadGenerator: 'autocannon 8 (programmatic API)',
      },
      seconds: 0,
    };
    if (wants('sdk')) results.sdk = await measureSdkSize();
    if (wants('msw')) results.msw = await runMswOverhead(context);
    if (wants('throughput') || wants('startup') || wants('breakdown')) {
      const session = await openSession(context);
      if (wants('throughput')) results.throughput = await runThroughput(context, session);
      if (wants('startup')) results.startup = await runStartup(context, session.token);
      if (wants('breakdown')) results.breakdown = await runBreakdown(context, session);
    }
    if (wants('profile')) results.profile = await runProfile(context);
    if (wants('growth')) results.growth = await runGrowth(context);
    results.seconds = (performance.now() - started) / 1000;
    return { ...results, targets: checkTargets(results) };
  } finally {
    process.off('exit', removeWorkDir);
    removeWorkDir();
  }
}
