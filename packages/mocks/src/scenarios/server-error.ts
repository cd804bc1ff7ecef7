import { internalError, problemResponse } from '@customer-portal/core';
import type { Scenario } from './scenario.js';

/**
 * The backend is down: every operation, sign-in included, answers the same 500 problem the reference server
 * sends for an unexpected failure, so error pages can be built against the real message.
 */
export const serverError = {
  description: 'Every call is a 500 problem+json ("Something went wrong on our side. Please try again.").',
  respond: () => problemResponse(internalError()),
} satisfies Scenario;
