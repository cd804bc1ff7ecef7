/**
 * What a target can do. A journey that needs a capability its target lacks is not run there, and the report
 * lists it as not applicable, with the target's reason: Prism's static mock cannot remember a write, and that
 * is by design, not a failure.
 */
export const CAPABILITIES = {
  stateful: 'remembers writes',
  rules: "answers from its own data and the portal's rules (filters, paging, ownership, credentials, returns)",
  isolation: 'serves a second customer, to prove each customer sees only their own data',
  'sample-world': 'serves the documented sample world of fixtures/, so its figures can be asserted',
  direct: 'every request reaches the host as sent (no proxy answering some of them itself)',
  'whole-origin': 'answers every path of its origin, not only the API\u2019s own',
  'sign-in-throttling': 'throttles repeated failed sign-ins with a 429 and Retry-After',
} as const;

export type Capability = keyof typeof CAPABILITIES;

export const ALL_CAPABILITIES = Object.keys(CAPABILITIES) as Capability[];
