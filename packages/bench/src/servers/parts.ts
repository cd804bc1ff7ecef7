/** The parts of the reference server the breakdown section can take out (see reference-parts.ts). */
export const PARTS = ['read-cache', 'response-validation', 'sqlite'] as const;
export type Part = (typeof PARTS)[number];

/** Environment variable listing, comma-separated, the parts the reference-parts child leaves out. */
export const WITHOUT_ENV = 'BENCH_WITHOUT';
