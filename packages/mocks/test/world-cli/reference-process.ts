/** The reference server (its built bin) in a process of its own, on a fresh database and a free port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_BIN = fileURLToPath(new URL('../../../server/dist/bin.js', import.meta.url));

export interface ReferenceProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startReference(env: Record<string, string> = {}): Promise<ReferenceProcess> {
  if (!existsSync(SERVER_BIN)) throw new Error(`${SERVER_BIN} is missing: run \`npx tsc --build packages/server\` first.`);
  const dir = mkdtempSync(join(tmpdir(), 'portal-recorded-'));
  const child: ChildProcess = spawn(process.execPath, [SERVER_BIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'portal.db'), DATABASE_URL: '', WORKERS: '', JWT_SECRET: 'recorded-world-test-secret-0123456789', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (url) {
      return {
        url,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    if (child.exitCode !== null) throw new Error(`the reference server exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
