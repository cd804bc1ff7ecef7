/**
 * `npm run example:mock` and `npm run example:server` hand what follows `--` to Vite, as the README says:
 * `npm run example:mock -- --port 5174` serves the example on port 5174.
 */
import { spawn } from 'node:child_process';
import { freePort } from '@customer-portal/contract';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);

/** Runs `npm run <script> -- <args>` until `until` is in its output (or it exits); then stops it. */
async function runUntil(script: string, args: string[], until: RegExp): Promise<string> {
  // detached: npm starts Vite as a child; killing the group stops both. NO_COLOR: Vite colours its lines under CI.
  const child = spawn('npm', ['run', script, '--', ...args], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  const exited = new Promise((resolve) => child.once('close', resolve));
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  try {
    const deadline = Date.now() + 60_000;
    while (!until.test(output) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return output;
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

describe.each(['example:mock', 'example:server'])('npm run %s -- <Vite options>', (script) => {
  it('serves the example on the port and host given after --', async () => {
    const port = await freePort();
    const output = await runUntil(script, ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], /Local:\s+http:\/\/\S+/);
    expect(output).not.toContain('Unused args');
    expect(output).toMatch(new RegExp(`Local:\\s+http://127\\.0\\.0\\.1:${port}/`));
  }, 70_000);
});
