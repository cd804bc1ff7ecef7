import type { Scenario } from './scenario.js';

/**
 * A customer who has just joined: no orders, returns, tickets or notifications. The sample accounts keep
 * their credentials (Ali Jawad, `customer123`), so switching to this scenario never breaks the sign-in page
 * and every other page shows its empty state; profile and settings are the fixtures'.
 */
export const empty = {
  description: 'A new customer: the sample accounts sign in as usual but have no orders, returns, tickets or notifications.',
  world: (sample) => ({ ...sample, orders: [], returns: [], tickets: [], notifications: [] }),
} satisfies Scenario;
