/**
 * Where the token signing key comes from: JWT_SECRET when set; otherwise a random key kept in a file beside
 * the database, so that restarting the development server does not sign everybody out.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IN_MEMORY } from '../store/database.js';

export interface JwtSecret {
  value: string;
  /** Where it came from, for the start-up line. */
  origin: 'given' | 'created' | 'file' | 'memory';
  /** The file that keeps it, when there is one. */
  file?: string;
}

/** The secret file beside a database: `.customer-portal/portal.db` keeps its key in `.customer-portal/jwt-secret`. */
export function jwtSecretFile(databasePath: string): string {
  return join(dirname(databasePath), 'jwt-secret');
}

/**
 * The given secret, or the one kept beside the database (created on first use, readable by its owner only).
 * An in-memory database gets a key that lives as long as the process.
 *
 * @example
 * resolveJwtSecret(undefined, 'data/portal.db'); // { value: '...', origin: 'created', file: 'data/jwt-secret' }
 */
export function resolveJwtSecret(given: string | undefined, databasePath: string): JwtSecret {
  if (given) return { value: given, origin: 'given' };
  if (databasePath === IN_MEMORY) return { value: randomSecret(), origin: 'memory' };
  const file = jwtSecretFile(databasePath);
  const existing = readSecret(file);
  if (existing) return { value: existing, origin: 'file', file };
  mkdirSync(dirname(file), { recursive: true });
  try {
    // `wx`: if another process created it meanwhile, use theirs rather than overwrite it.
    writeFileSync(file, `${randomSecret()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = readSecret(file);
  if (!created) throw new Error(`${file} is empty; delete it or set JWT_SECRET.`);
  return { value: created, origin: 'created', file };
}

function readSecret(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
