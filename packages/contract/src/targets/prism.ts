/** Prism's static mock of openapi.yaml: every answer is the spec's example for the operation. */
import type { Capability } from '../capabilities.js';
import type { ContractOptions } from '../options.js';
import { startPrism } from './prism-process.js';
import type { ContractTarget, RunningTarget } from './types.js';

const STATIC = 'Prism answers with the spec\u2019s static examples';

/** Why a static mock cannot do what the other hosts do: by design, not a failure. */
const PRISM_MOCK_LACKS: Partial<Record<Capability, string>> = {
  stateful: `${STATIC} and remembers no write`,
  rules: `${STATIC}: it has no data, filters, ownership checks or credentials to check`,
  isolation: `${STATIC}: it has no customers to tell apart`,
  'sample-world': `${STATIC}, not the sample world`,
};

export const prismTarget: ContractTarget = {
  name: 'prism',
  description: 'Prism\u2019s static mock of openapi.yaml (the cases a stateless mock can answer)',
  runsIn: 'main',
  async start(options: ContractOptions): Promise<RunningTarget> {
    const prism = await startPrism({ command: 'mock' });
    return {
      name: 'prism',
      baseUrl: prism.url,
      capabilities: ['direct', 'whole-origin'],
      missing: PRISM_MOCK_LACKS,
      accounts: options.accounts,
      stop: () => prism.stop(),
    };
  },
};
