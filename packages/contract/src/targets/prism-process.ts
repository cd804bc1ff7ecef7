/**
 * Prism as a child process: `prism mock` (static examples) or `prism proxy` (a validating proxy), on a free
 * port of 127.0.0.1, stopped by its process id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openapiDocument } from '@customer-portal/core';
import { prismBin, specPath } from '../paths.js';
import { freePort } from './free-port.js';

export interface PrismProcess {
  url: string;
  /** Prism's CLI process (it serves from a child it forks), for a benchmark that reads its CPU time and memory. */
  pid: number;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;

/** The spec Prism reads: openapi.yaml in the repository, or core's embedded copy when installed elsewhere. */
function specFile(): { path: string; cleanup(): void } {
  if (specPath) return { path: specPath, cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'contract-spec-'));
  const path = join(dir, 'openapi.json');
  writeFileSync(path, JSON.stringify(openapiDocument));
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function waitForListening(child: ChildProcess, output: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${STARTUP_TIMEOUT_MS / 1000} s`)), STARTUP_TIMEOUT_MS);
    function fail(error: Error) {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n${output.slice(-20).join('')}`));
    }
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      // Keep the tail only: Prism logs every request, and a run makes hundreds.
      output.push(text);
      if (output.length > 50) output.shift();
      if (text.includes('Prism is listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Prism exited with code ${code} before listening`)));
    child.once('error', fail);
  });
}

export type PrismMode = { command: 'mock' } | { command: 'proxy'; upstream: string; flags: string[] };

/**
 * Starts Prism over the contract, as a static mock or as a proxy in front of `upstream`.
 *
 * @example
 * const prism = await startPrism({ command: 'proxy', upstream: 'http://127.0.0.1:3000', flags: ['--errors'] });
 * // prism.url === 'http://127.0.0.1:40123'
 * await prism.stop();
 */
export async function startPrism(mode: PrismMode): Promise<PrismProcess> {
  const port = await freePort();
  const spec = specFile();
  const args = mode.command === 'proxy' ? ['proxy', spec.path, mode.upstream, ...mode.flags] : ['mock', spec.path];
  const child = spawn(process.execPath, [prismBin(), ...args, '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  try {
    await waitForListening(child, output);
  } catch (error) {
    child.kill();
    spec.cleanup();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      spec.cleanup();
    },
  };
}
