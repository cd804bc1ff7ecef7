/** `customer-portal-world` (the built dist/world-cli/main.js) in a process of its own, as `npx` runs it. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../dist/world-cli/main.js', import.meta.url));

export interface WorldCliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runWorldCli(args: string[], options: { cwd?: string } = {}): Promise<WorldCliRun> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx tsc --build packages/mocks\` first.`);
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
