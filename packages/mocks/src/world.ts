/**
 * Worlds: the data a handler set starts from and `reset()` returns to. A world is the sample world of
 * fixtures/ or a function from it, and it is checked when the handlers are made, so a record that breaks the
 * contract fails the test that wrote it, naming the record and the field, instead of a request much later.
 */
import {
  checkWorld,
  describeBreach,
  looksLikeWorldFile,
  readWorldFile,
  sampleWorld,
  type SampleWorld,
  type WorldFile,
} from '@customer-portal/core';

export type { SampleWorld, WorldFile } from '@customer-portal/core';
// Worlds of any size from a seed, for a test or a story: the generator behind customer-portal-world generate.
export { generateWorld, type GenerateWorldOptions } from '@customer-portal/core';

/**
 * A world, a world file's content (its text or its parsed JSON, e.g. `import world from './staging.world.json'`),
 * or how to make one from a fresh copy of the sample world (which it may change and return).
 */
export type WorldOption = SampleWorld | WorldFile | string | ((sample: SampleWorld) => SampleWorld);

function worldOf(option: Exclude<WorldOption, (sample: SampleWorld) => SampleWorld>): SampleWorld {
  // A file's content is checked as a file (format, then records): its error names the option, the record and the field.
  if (typeof option === 'string' || looksLikeWorldFile(option)) return structuredClone(readWorldFile(option, 'The world option').world);
  return structuredClone(option);
}

/**
 * The world the options describe, checked: each option in turn, starting from a fresh sample world (a function
 * gets the world so far, a world or a world file replaces it). Throws an Error listing every record that breaks
 * a schema or a rule between records (core's checkWorld), naming the record and the field.
 *
 * @example
 * resolveWorld((w) => ({ ...w, tickets: [] })); // the sample world without tickets
 * resolveWorld(myWorld, scenarios.empty.world); // my world, emptied
 */
export function resolveWorld(...options: (WorldOption | undefined)[]): SampleWorld {
  let world = sampleWorld();
  // The sample world itself is proven against the contract by core's tests: checking it here would only
  // compile the schemas in every process that imports the mocks.
  if (options.every((option) => option === undefined)) return world;
  for (const option of options) {
    if (option) world = typeof option === 'function' ? option(world) : worldOf(option);
  }
  const breaches = checkWorld(world);
  if (breaches.length > 0) {
    throw new Error(`The mock world breaks the contract or a rule between its records:\n  ${breaches.map(describeBreach).join('\n  ')}`);
  }
  return world;
}
