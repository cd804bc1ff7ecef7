import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    // README snippets pasted by test/readme-snippets, run there in their own vitest.
    exclude: ['**/node_modules/**', 'test/readme-snippets/.pasted/**'],
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      tsconfig: 'tsconfig.tests.json',
    },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
