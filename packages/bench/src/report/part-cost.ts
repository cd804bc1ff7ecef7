/**
 * Words for what one step of the breakdown section removed, so that the report never prints a negative cost.
 */
import type { BreakdownStep } from '../sections/breakdown.js';

/** Below this many µs a difference between two steps is noise between rounds, not a cost. */
const MEASURABLE_MICROS = 1;

/**
 * What a step's removed part costs, in words that never print a negative cost: a part whose removal made
 * requests dearer "saves" time (a cache does), and a difference under a microsecond is "no measurable cost".
 *
 * @example
 * describePart({ partMicros: -120 }); // 'saves 120 µs' (a cache)
 * describePart({ partMicros: 0.4 }); // 'no measurable cost'
 */
export function describePart(step: Pick<BreakdownStep, 'partMicros'>): string {
  const micros = Math.round(step.partMicros);
  if (!Number.isFinite(micros)) return '';
  if (Math.abs(micros) < MEASURABLE_MICROS) return 'no measurable cost';
  return micros > 0 ? `costs ${micros.toLocaleString('en')} µs` : `saves ${(-micros).toLocaleString('en')} µs`;
}
