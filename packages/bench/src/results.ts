/** Everything one run of the benchmark measured: what results.json holds and the reports are made from. */
import type { Machine } from './machine.js';
import type { TargetCheck } from './report/targets.js';
import type { BreakdownResult } from './sections/breakdown.js';
import type { GrowthResult } from './sections/growth.js';
import type { MswResult } from './sections/msw-overhead.js';
import type { ProfileResult } from './sections/profile.js';
import type { SdkSizeResult } from './sections/sdk-size.js';
import type { StartupResult } from './sections/startup.js';
import type { ThroughputResult } from './sections/throughput.js';

export interface BenchSettings {
  smoke: boolean;
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  growthSizes: number[];
  loadGenerator: string;
}

export interface BenchResults {
  machine: Machine;
  settings: BenchSettings;
  /** Wall time of the whole run. */
  seconds: number;
  throughput?: ThroughputResult;
  startup?: StartupResult;
  growth?: GrowthResult;
  breakdown?: BreakdownResult;
  msw?: MswResult;
  sdk?: SdkSizeResult;
  profile?: ProfileResult;
  targets: TargetCheck[];
}
