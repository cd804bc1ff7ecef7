/** A version of the contract named on the command line: a file, or a git revision of openapi.yaml. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { SetupError } from '../setup-error.js';

export interface ContractVersion {
  /** What the user named: `docs/contract-baseline.yaml`, `main`, `v1.0.0:openapi.yaml`. */
  name: string;
  document: Record<string, any>;
}

function gitShow(revision: string, cwd: string): string | undefined {
  // `rev:path` as given; a bare revision means the openapi.yaml beside the user.
  const spec = revision.includes(':') ? revision : `${revision}:./openapi.yaml`;
  try {
    return execFileSync('git', ['show', spec], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/**
 * Reads `name` as a file when one exists, else as a git revision.
 *
 * @example
 * readContract('main').document.info.version; // '1.0.0'
 */
export function readContract(name: string, cwd = process.cwd()): ContractVersion {
  const path = resolve(cwd, name);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : gitShow(name, cwd);
  if (text === undefined) {
    throw new SetupError(`"${name}" is neither a file nor a git revision with an openapi.yaml (give a path, or a revision such as main or v1.0.0:openapi.yaml).`);
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new SetupError(`${name} is not YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const doc = document as { openapi?: unknown; paths?: unknown } | null;
  if (!doc || typeof doc !== 'object' || typeof doc.openapi !== 'string' || typeof doc.paths !== 'object') {
    throw new SetupError(`${name} is not an OpenAPI document (no "openapi" version or no "paths").`);
  }
  return { name, document: doc as Record<string, any> };
}
