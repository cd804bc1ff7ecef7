/** What vitest's globalSetup hands to the test processes (`provide`/`inject`). */
import type { ContractOptions } from '../options.js';
import type { TargetInfo } from '../targets/types.js';

interface ProvidedContract {
  options: ContractOptions;
  /** The running target, when it runs in the main process; undefined when each test process starts its own. */
  target: TargetInfo | undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    contract: ProvidedContract;
  }
}
