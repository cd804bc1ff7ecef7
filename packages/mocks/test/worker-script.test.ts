/** A browser app without msw's worker script, or with an old one, is told which command to run. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INIT_COMMAND, workerScriptProblem } from '../src/worker-script.js';

const require = createRequire(import.meta.url);
const installedScript = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');
const installed = (require('msw/package.json') as { version: string }).version;
const URL = '/mockServiceWorker.js';

const script = (body: string) => new Response(body, { headers: { 'content-type': 'text/javascript' } });

describe('workerScriptProblem', () => {
  it('says nothing about the installed msw\u2019s own script', async () => {
    expect(await workerScriptProblem(script(installedScript), URL)).toBeUndefined();
  });

  it.each([
    ['a 404', new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }), '404 text/plain'],
    ['an SPA fallback\u2019s index.html', new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }), '200 text/html'],
  ])('calls the script missing on %s and gives the command', async (_name, response, answered) => {
    const problem = await workerScriptProblem(response, URL);
    expect(problem).toContain(`${URL} is missing (the app answered ${answered})`);
    expect(problem).toContain(INIT_COMMAND);
  });

  it('names both versions when the script comes from another msw', async () => {
    const old = installedScript.replace(/PACKAGE_VERSION = '[^']+'/, "PACKAGE_VERSION = '2.0.0'");
    const problem = await workerScriptProblem(script(old), URL);
    expect(problem).toContain(`comes from msw 2.0.0, but msw ${installed} is installed`);
    expect(problem).toContain(INIT_COMMAND);
  });

  it('gives a command that copies the script without stopping at a prompt', () => {
    // Without --save or --no-save, `msw init` asks whether to record the folder in package.json.
    const app = mkdtempSync(join(tmpdir(), 'msw-init-'));
    try {
      writeFileSync(join(app, 'package.json'), '{ "name": "an-app", "private": true }');
      const [, msw, ...args] = INIT_COMMAND.split(' ');
      const cli = join(dirname(require.resolve('msw/package.json')), 'cli/index.js');
      expect(msw).toBe('msw');
      execFileSync(process.execPath, [cli, ...args], { cwd: app, stdio: 'ignore', timeout: 20_000 });
      expect(readFileSync(join(app, 'public', 'mockServiceWorker.js'), 'utf8')).toBe(installedScript);
      expect(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).msw.workerDirectory).toEqual(['public']);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});
