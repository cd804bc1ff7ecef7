import type { Scenario } from './scenario.js';

/**
 * The fixtures behind a slow network: each response waits a random 400 to 1200 ms, long enough to see every
 * loading state and to catch double submits, short enough to click through the app.
 */
export const slow = {
  description: 'The sample world with realistic latency: every response takes 400 to 1200 ms.',
  faults: [{ latency: { min: 400, max: 1200 } }],
} satisfies Scenario;
