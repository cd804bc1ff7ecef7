/**
 * Sign-in throttling after OWASP's device cookies, with rate-limiter-flexible counting in the database that
 * every server process shares (its table, `sign_in_limits`, is made by the migrations):
 *
 * - a sign-in that sends its account's own device token (device-tokens.ts) is counted on that device alone:
 *   ten failures in 15 minutes refuse that device until the 15 minutes are over, and nothing from anywhere
 *   else can lock it out;
 * - any other sign-in is counted on its account (ten failures in 15 minutes) and on its address (twenty, an
 *   IPv6 address by its /64); past either, sign-ins without a device token are refused until the window
 *   ends. Customers behind the same address who have signed in on their device before are not.
 *
 * An attempt counts from the moment it begins and is handed back when it turns out to be no failure, so a
 * burst of guesses cannot all be checked before the first failure is recorded (32 at once check ten), while
 * right passwords sent together all sign in. A refusal is a 429 with Retry-After, answered at once.
 */
import { createHash } from 'node:crypto';
import type * as RateLimiterFlexible from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from 'better-sqlite3';
import { clientAddressKey } from '../http/fair-connections.js';
import type { DeviceTokens } from './device-tokens.js';

export interface ThrottlePolicy {
  /** Failures allowed in a window; the next attempt is refused until the window ends. */
  freeFailures: number;
  /** How long a window lasts, from its first failure. */
  windowSeconds: number;
}

/** Sign-ins without the account's device token, per account: ten failures a quarter of an hour. */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 10, windowSeconds: 15 * 60 };

/** Sign-ins with the account's device token, per device. */
export const DEVICE_POLICY: ThrottlePolicy = { freeFailures: 10, windowSeconds: 15 * 60 };

/** Sign-ins without a device token, per client address (a shared office, a NAT): twenty failures. */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, windowSeconds: 15 * 60 };

/** The table the counts live in (the migrations make it, in SQLite and in PostgreSQL). */
export const SIGN_IN_LIMITS_TABLE = 'sign_in_limits';

/** Where the counts live: a database every process shares, or this process's memory. */
/**
 * A node-postgres `Pool`, typed by the one thing the limiter asks of it, so that the server's main entry declares
 * nothing from `pg`, an optional peer that an app on SQLite does not install.
 */
interface PostgresPool {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export type SignInCounts = { kind: 'memory' } | { kind: 'sqlite'; db: Database } | { kind: 'postgres'; pool: PostgresPool };

export type SignInOutcome = 'succeeded' | 'failed' | 'not-an-attempt';

type SignInAttempt = { retryAfterMs: number } | { end(outcome: SignInOutcome): void };

export interface SignInThrottle {
  /**
   * Starts a sign-in for the account (a lower-cased email, if the body had one) from the address, with the
   * device token the body carried. Resolves to the milliseconds to wait when it is refused; otherwise to
   * `end`, which must be called once, with how it went.
   */
  begin(account: string | undefined, address: string, deviceToken?: unknown): Promise<SignInAttempt>;
}

export interface SignInThrottleOptions {
  /** Default: memory, this process only. */
  counts?: SignInCounts;
  /** Device tokens to trust; without them every sign-in is counted on its account and address. */
  devices?: DeviceTokens;
  account?: ThrottlePolicy;
  device?: ThrottlePolicy;
  address?: ThrottlePolicy;
}

/**
 * @example
 * const throttle = createSignInThrottle({ counts: { kind: 'sqlite', db }, devices });
 * const attempt = await throttle.begin('ali.jawad@example.com', '203.0.113.7', body.device_token);
 * if ('retryAfterMs' in attempt) throw tooManySignIns(attempt.retryAfterMs / 1000);
 * attempt.end(signedIn ? 'succeeded' : 'failed');
 */
export function createSignInThrottle(options: SignInThrottleOptions = {}): SignInThrottle {
  const counts = options.counts ?? { kind: 'memory' };
  // rate-limiter-flexible (some forty modules) is loaded with the first sign-in, not at start-up: a server that
  // is only read from never needs it (docs/notes/server-measurements.md).
  let loaded: Promise<Limiters> | undefined;
  const limiters = () =>
    (loaded ??= import('rate-limiter-flexible').then((library) => ({
      library,
      accounts: limiterOf(library, counts, 'account', options.account ?? ACCOUNT_POLICY),
      devices: limiterOf(library, counts, 'device', options.device ?? DEVICE_POLICY),
      addresses: limiterOf(library, counts, 'address', options.address ?? ADDRESS_POLICY),
    })));
  return {
    async begin(account, address, deviceToken) {
      const { library, accounts, devices, addresses } = await limiters();
      const device = account === undefined || typeof deviceToken !== 'string' ? undefined : options.devices?.deviceOf(deviceToken, account);
      const counted: [RateLimiterAbstract, string][] =
        device !== undefined
          ? [[devices, device]]
          : [...(account === undefined ? [] : [[accounts, digest(account)] as [RateLimiterAbstract, string]]), [addresses, clientAddressKey(address)]];
      const taken = await Promise.all(counted.map(([limiter, key]) => take(library, limiter, key)));
      const handBack = () => Promise.all(counted.map(([limiter, key]) => limiter.reward(key, 1))).then(() => undefined);
      const refused = taken.filter((res) => res.refused);
      if (refused.length > 0) {
        // A refused attempt is no failure: its point goes back, so that refusals never lengthen the wait.
        await handBack();
        return { retryAfterMs: Math.max(1000, ...refused.map((res) => res.msBeforeNext)) };
      }
      return {
        end(outcome) {
          if (outcome !== 'failed') void handBack().catch(() => undefined);
        },
      };
    },
  };
}

type RateLimiterLibrary = typeof RateLimiterFlexible;

/** The library and a limiter for each kind of key. */
interface Limiters {
  library: RateLimiterLibrary;
  accounts: RateLimiterAbstract;
  devices: RateLimiterAbstract;
  addresses: RateLimiterAbstract;
}

/** One point taken from the key's window: refused when the window has none left. */
async function take({ RateLimiterRes }: RateLimiterLibrary, limiter: RateLimiterAbstract, key: string): Promise<{ refused: boolean; msBeforeNext: number }> {
  try {
    const res = await limiter.consume(key, 1);
    return { refused: false, msBeforeNext: res.msBeforeNext };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { refused: true, msBeforeNext: rejection.msBeforeNext };
    throw rejection;
  }
}

function limiterOf(library: RateLimiterLibrary, counts: SignInCounts, prefix: string, policy: ThrottlePolicy): RateLimiterAbstract {
  const { RateLimiterMemory, RateLimiterPostgres, RateLimiterSQLite } = library;
  const common = { keyPrefix: prefix, points: policy.freeFailures, duration: policy.windowSeconds };
  if (counts.kind === 'memory') return new RateLimiterMemory(common);
  // Should the database fail, counts go on in this process's memory rather than sign-in failing with them.
  const shared = { ...common, tableName: SIGN_IN_LIMITS_TABLE, tableCreated: true, insuranceLimiter: new RateLimiterMemory(common) };
  return counts.kind === 'sqlite'
    ? new RateLimiterSQLite({ ...shared, storeClient: counts.db, storeType: 'better-sqlite3' })
    : new RateLimiterPostgres({ ...shared, storeClient: counts.pool });
}

/** An account as a key: fixed in length, and no email address kept in the table. */
function digest(account: string): string {
  return createHash('sha256').update(account).digest('base64url');
}
