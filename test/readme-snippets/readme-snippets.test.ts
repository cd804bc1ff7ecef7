/**
 * Every TypeScript snippet in the READMEs compiles as pasted (imports included), and the ones that can run
 * do: test snippets pass under vitest, and snippets fenced ```ts run exit 0. A snippet cannot rot.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allSnippets, repoRoot, type Snippet } from './snippets.js';

// Inside the workspace, so that imports resolve like an app's (git- and lint-ignored).
const DIR = join(repoRoot, 'test', 'readme-snippets', '.pasted');
const snippets = allSnippets();

/** `packages/mocks/README.md:42` -> `packages-mocks-README-md-42.test.ts` */
function fileOf(snippet: Snippet): string {
  const name = snippet.where.replace(/[^a-zA-Z0-9]+/g, '-');
  return join(DIR, `${name}${snippet.isTest ? '.test' : ''}.${snippet.language}`);
}

// What a Vite + React + TypeScript app's tsconfig says (its src/vite-env.d.ts included), plus Node's types
// for server and test snippets.
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  moduleDetection: ts.ModuleDetectionKind.Force,
  types: ['node'],
};

let diagnostics: Map<string, string[]>;

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  for (const snippet of snippets) writeFileSync(fileOf(snippet), snippet.code);
  writeFileSync(join(DIR, 'package.json'), '{ "type": "module" }\n');
  // Its own (empty) vitest config, or vitest would find the repository's one above the folder.
  writeFileSync(join(DIR, 'vitest.config.mjs'), 'export default {};\n');
  writeFileSync(join(DIR, 'vite-env.d.ts'), '/// <reference types="vite/client" />\n');
  const program = ts.createProgram([join(DIR, 'vite-env.d.ts'), ...snippets.map(fileOf)], OPTIONS);
  diagnostics = new Map(snippets.map((s) => [fileOf(s), []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? '';
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    const message = `line ${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    (diagnostics.get(file) ?? diagnostics.set('(global)', []).get('(global)')!).push(message);
  }
}, 120_000);

afterAll(() => void (process.env.KEEP_SNIPPETS || rmSync(DIR, { recursive: true, force: true })));

describe('README snippets', () => {
  it('finds the snippets of every README, the packages\u2019 ones included', () => {
    const files = new Set(snippets.map((s) => s.where.replace(/:\d+$/, '')));
    expect([...files]).toEqual(expect.arrayContaining(['README.md', 'packages/sdk/README.md', 'packages/core/README.md', 'packages/mocks/README.md']));
  });

  it('leaves no compiler complaint outside the snippets', () => {
    expect(diagnostics.get('(global)') ?? []).toEqual([]);
  });

  it.each(snippets.map((s) => [s.where, s] as const))('%s compiles as pasted', (_where, snippet) => {
    expect(diagnostics.get(fileOf(snippet))).toEqual([]);
  });

  const testSnippets = snippets.filter((s) => s.isTest);
  it.runIf(testSnippets.length > 0)(
    'the test snippets pass under vitest',
    () => {
      // Its own vitest run, rooted in the snippets' folder, as in the app the snippet is pasted into.
      execFileSync(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--root', DIR], {
        cwd: DIR,
        encoding: 'utf8',
        stdio: 'pipe',
        timeout: 120_000,
      });
    },
    150_000,
  );

  it.each(snippets.filter((s) => s.runs).map((s) => [s.where, s] as const))(
    '%s runs and exits 0',
    (_where, snippet) => {
      execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), fileOf(snippet)], { cwd: DIR, stdio: 'pipe', timeout: 60_000 });
    },
    90_000,
  );
});
