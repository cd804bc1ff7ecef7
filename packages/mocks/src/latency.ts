import { delay } from 'msw';

/**
 * How long a mocked response takes: a fixed number of milliseconds, msw's `'realistic'` server time
 * (100 to 400 ms in a browser, a few ms in Node), or a random time in a range.
 */
export type Latency = number | 'realistic' | { min: number; max: number };

/**
 * The milliseconds to wait for one response, or `'realistic'` to leave the choice to msw.
 *
 * @example
 * latencyFor({ min: 400, max: 1200 }, () => 0.5); // 800
 */
export function latencyFor(latency: Latency | undefined, random: () => number = Math.random): number | 'realistic' {
  if (latency === undefined || latency === 'realistic' || typeof latency === 'number') return latency ?? 0;
  return Math.round(latency.min + random() * (latency.max - latency.min));
}

/** Waits as long as the latency says; no latency answers at once, without a timer. */
export async function waitFor(latency: Latency | undefined): Promise<void> {
  const ms = latencyFor(latency);
  if (ms === 'realistic') await delay('real');
  else if (ms > 0) await delay(ms);
}
