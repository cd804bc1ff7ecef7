import type { BenchOptions } from '../options.js';

/** What every section of the benchmark is given. */
export interface SectionContext {
  options: BenchOptions;
  /** A scratch folder for databases and files of this run. */
  workDir: string;
  /** A database holding the sample world, migrated and seeded by the server's own code. */
  seededDatabase: string;
  /** Progress for the person watching (stderr). */
  log(line: string): void;
}
