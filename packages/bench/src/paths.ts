/**
 * Where things are. Resolved from this file so that the benchmark runs from any working directory, and from
 * the package root so that `src/` (tests) and `dist/` (the CLI) find the same compiled child entries.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/bench: one level above both src/ and dist/. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packageRoot, '../..');
export const openapiPath = join(repoRoot, 'openapi.yaml');
/** The default output folder for results (git-ignored). */
export const reportsDir = join(repoRoot, 'reports', 'bench');
export const performanceDoc = join(repoRoot, 'docs', 'performance.md');

/** A compiled child-process entry of this package, e.g. `servers/bare-koa`. */
export function benchEntry(name: string): string {
  return join(packageRoot, 'dist', `${name}.js`);
}

const require = createRequire(import.meta.url);

/** Prism's CLI script, run with `node` directly so that the process we measure is Prism itself. */
export function prismCli(): string {
  return require.resolve('@stoplight/prism-cli/dist/index.js');
}

/** The reference server's own command line entry (what `npm start` runs). */
export function serverBin(): string {
  return join(repoRoot, 'packages', 'server', 'dist', 'bin.js');
}
