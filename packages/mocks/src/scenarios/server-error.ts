import type { Scenario } from './scenario.js';

/**
 * The backend is down: every operation, sign-in included, answers the 500 problem the contract documents for
 * an unexpected failure (the reference server's own message), so error pages can be built against it.
 */
export const serverError = {
  description: 'Every call is a 500 problem+json ("Something went wrong on our side. Please try again.").',
  faults: [{ status: 500 }],
} satisfies Scenario;
