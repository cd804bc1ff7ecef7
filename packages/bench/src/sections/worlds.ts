/**
 * How fast core's world generator (behind `customer-portal-world generate` and the benchmark's own data)
 * makes orders: every record of a world of 100,000 orders, streamed and counted, no database.
 */
import { generateWorldRecords } from '@customer-portal/core';

export interface WorldsResult {
  orders: number;
  /** Every record: customers, orders, returns, tickets and notifications. */
  records: number;
  seconds: number;
}

export const WORLD_ORDERS = 100_000;

export function runWorlds(orders = WORLD_ORDERS): WorldsResult {
  const started = performance.now();
  let made = 0;
  let records = 0;
  for (const { kind } of generateWorldRecords({ seed: 1, customers: orders / 10, ordersPerCustomer: [10, 10] })) {
    records++;
    if (kind === 'orders') made++;
  }
  return { orders: made, records, seconds: (performance.now() - started) / 1000 };
}
