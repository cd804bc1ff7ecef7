/**
 * The TypeScript snippets of every README in the repository, as a newcomer would paste them: each one its
 * own module, in a folder inside the workspace so that `@customer-portal/*` imports resolve to the built
 * packages, as they would from node_modules in an app.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface Snippet {
  /** `packages/mocks/README.md:42`, where the fence opens. */
  where: string;
  language: 'ts' | 'tsx';
  code: string;
  /** A test file (it imports vitest), run with vitest after it compiles. */
  isTest: boolean;
  /** Fenced as ```ts run: a self-contained program, run with Node after it compiles. */
  runs: boolean;
}

const FENCE = /^```(ts|tsx|typescript)\b([^\n]*)\n([\s\S]*?)^```\s*$/gm;

/** Every README.md that git knows of (new ones are picked up without touching this test). */
function readmes(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*README.md'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
}

function snippetsOf(file: string, text: string): Snippet[] {
  // A ```ts recipe block is one file of a recipe (its path on the first line), importing its neighbours and
  // tools this workspace does not install (Playwright's runner, Storybook's React framework): test/consumer
  // writes each at its path in an app outside the workspace and compiles and runs them there.
  return [...text.matchAll(FENCE)].filter((match) => !/\brecipe\b/.test(match[2] ?? '')).map((match) => {
    const [, language, info = '', code = ''] = match;
    const line = text.slice(0, match.index).split('\n').length;
    return {
      where: `${file}:${line}`,
      language: language === 'tsx' ? 'tsx' : 'ts',
      code,
      isTest: /from ['"]vitest['"]/.test(code),
      runs: /\brun\b/.test(info),
    };
  });
}

export function allSnippets(): Snippet[] {
  return readmes().flatMap((file) => snippetsOf(file, readFileSync(join(repoRoot, file), 'utf8')));
}
