/**
 * Password hashing with scrypt (node:crypto). A stored hash carries its parameters and salt,
 * `scrypt$N$r$p$salt$hash` (base64url), so that the cost can be raised later without breaking old hashes.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import pLimit from 'p-limit';

// N = 2^14, r = 8, p = 1: scrypt's recommended interactive-login cost (RFC 7914), ~40 ms on one core here.
const COST = { N: 16384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for parameters read back from the database, so a damaged row cannot ask for gigabytes of memory.
const MAX_N = 1 << 20;
const MAX_RP = 32;

/**
 * At most two scrypt runs at once; others wait their turn. libuv's thread pool has four threads, shared with
 * file reads (the docs), zlib (compressed bodies) and DNS: a storm of sign-ins must leave those room.
 */
const MAX_CONCURRENT_HASHES = 2;
const hashing = pLimit(MAX_CONCURRENT_HASHES);

/**
 * A fresh scrypt hash of `password`, with its own random salt.
 *
 * @example
 * hashPassword('customer123'); // 'scrypt$16384$8$1$...$...'
 */
export function hashPassword(password: string): string {
  const salt = randomBytes(SALT_BYTES);
  const key = scryptSync(password.normalize('NFC'), salt, KEY_BYTES, withMemory(COST));
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Whether `password` matches a hash made by hashPassword, compared in constant time. Runs scrypt on the
 * thread pool (at most MAX_CONCURRENT_HASHES at once), so a login does not block other requests. A
 * malformed hash never matches.
 *
 * @example
 * await verifyPassword(hashPassword('customer123'), 'customer123'); // true
 */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await hashing(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), parsed.salt, parsed.key.length, withMemory(parsed.cost), (error, derived) =>
          error ? reject(error) : resolve(derived),
        ),
      ),
  );
  return timingSafeEqual(key, parsed.key);
}

/**
 * A hash of a password nobody knows, made with the current cost. Checking a login for an unknown email
 * against it takes as long as checking a real account, so response times do not reveal which emails exist.
 */
export const DUMMY_PASSWORD_HASH =
  'scrypt$16384$8$1$Kf9bCH8aqoT5hw3ajVrFDw$edkJ7ehauDU7mZ5dAen0TXvpWYL3Zeva6FXZvs3xrUM';

interface ParsedHash {
  cost: { N: number; r: number; p: number };
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !key) return undefined;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(cost.N) && cost.N > 1 && cost.N <= MAX_N && (cost.N & (cost.N - 1)) === 0;
  const small = (value: number) => Number.isInteger(value) && value >= 1 && value <= MAX_RP;
  if (!powerOfTwo || !small(cost.r) || !small(cost.p)) return undefined;
  const keyBytes = Buffer.from(key, 'base64url');
  return keyBytes.length >= 16 ? { cost, salt: Buffer.from(salt, 'base64url'), key: keyBytes } : undefined;
}

/** scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless told. */
function withMemory(cost: { N: number; r: number; p: number }): ScryptOptions {
  return { ...cost, maxmem: 256 * cost.N * cost.r };
}
