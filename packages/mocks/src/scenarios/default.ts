import type { Scenario } from './scenario.js';

/** The documented sample world of fixtures/, answering at once. */
export const defaultScenario = {
  description: 'The sample world of fixtures/: Ali Jawad and Sara Khan with their orders, returns, tickets and notifications.',
} satisfies Scenario;
