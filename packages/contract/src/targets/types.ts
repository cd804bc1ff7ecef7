import type { Capability } from '../capabilities.js';
import type { Account, ContractOptions, TargetName } from '../options.js';

/** A host the suite runs against, ready for requests. */
export interface RunningTarget {
  name: TargetName;
  /** Where the API is, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  capabilities: Capability[];
  /** Why each capability the target lacks is missing; the not-applicable list quotes it. */
  missing: Partial<Record<Capability, string>>;
  /** The customer the journeys sign in as, and a second one. */
  accounts: [Account, Account];
  /** Set when every exchange also passes a validator written by nobody here. */
  independentValidator?: 'prism-proxy';
  stop(): Promise<void>;
}

/** What vitest's workers receive about the target (everything but `stop`). */
export type TargetInfo = Omit<RunningTarget, 'stop'>;

export interface ContractTarget {
  name: TargetName;
  /** One line for `--help`. */
  description: string;
  /**
   * Where the host runs: `main` starts once for the whole run (vitest's globalSetup), `worker` inside each test
   * process, for hosts that live in the process that makes the requests (MSW patches that process's fetch).
   */
  runsIn: 'main' | 'worker';
  start(options: ContractOptions): Promise<RunningTarget>;
  /** For a `worker` target, started only inside vitest: what the CLI checks first (its peers installed). */
  preflight?: (options: ContractOptions) => Promise<void>;
  /** Why this machine cannot run the target (a service it needs is missing); `--ci` outside CI then skips it, saying so. */
  unavailable?: () => string | undefined;
}

export function infoOf(target: RunningTarget): TargetInfo {
  const { stop: _stop, ...info } = target;
  return info;
}
