/**
 * What the root README tells a frontend team to write and install, read from the README itself so that the
 * consumer test follows it as written: every ```ts / ```tsx block fenced `recipe` is a file, at the path its
 * first line names (`// src/open-tickets.tsx`); every `npm install` line of a ```sh block from "Mocks in the
 * browser" to the recipes' end is an install.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FENCE = /^```(\w+)([^\n]*)\n([\s\S]*?)^```\s*$/gm;

/** `{ files: [{ path, text }], dependencies: string[], devDependencies: string[] }` from README.md. */
export function readmeRecipes(repoRoot) {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('### Mocks in the browser');
  const end = readme.indexOf('\n## ', readme.indexOf('## Recipes'));
  if (start < 0 || end < 0) throw new Error('README.md: the "Mocks in the browser" or "Recipes" section is gone; update test/consumer.');
  const files = [];
  const dependencies = [];
  const devDependencies = [];
  for (const [, language, info, code] of readme.slice(start, end).matchAll(FENCE)) {
    if (/\brecipe\b/.test(info)) {
      const path = /^\/\/ (\S+)\n/.exec(code)?.[1];
      if (!path) throw new Error(`README.md: a recipe block does not name its file on its first line:\n${code}`);
      files.push({ path, text: code });
    } else if (language === 'sh') {
      for (const line of code.split('\n')) {
        const install = /^npm install (.+?)(?:\s+#.*)?$/.exec(line.trim());
        if (!install) continue;
        const words = install[1].split(/\s+/);
        const dev = words.includes('-D');
        (dev ? devDependencies : dependencies).push(...words.filter((word) => !word.startsWith('-')));
      }
    }
  }
  return { files, dependencies, devDependencies };
}
