/**
 * The contract suite's own vitest config: one target per run (CONTRACT_TARGET, set by bin/contract.js),
 * started once by the globalSetup; the files run one after another against it.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['suite/**/*.contract.ts'],
    globalSetup: ['src/runtime/global-setup.ts'],
    setupFiles: ['src/runtime/worker-setup.ts'],
    // The contract reporter alone: it names each cause once, where vitest's default would repeat every failure.
    reporters: ['src/runtime/reporter.ts'],
    // The files share one host (and its data), so they take turns, in one test process that keeps its modules:
    // the contract is compiled once, the clients sign in once, and an in-process host (MSW) starts once.
    fileParallelism: false,
    isolate: false,
    // A file whose every case needs what the target lacks (isolation on Prism) registers no test: that is a
    // not-applicable list, not a failure.
    passWithNoTests: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
