/**
 * The server's settings: an option given in code wins, then the environment variable, then the default.
 *
 * | option              | variable             | default                                              |
 * | ------------------- | -------------------- | ---------------------------------------------------- |
 * | `port`              | `PORT`               | 3000 (0 picks a free port)                           |
 * | `host`              | `HOST`               | 127.0.0.1                                            |
 * | `databasePath`      | `DATABASE_PATH`      | `.customer-portal/portal.db`, relative to the working directory |
 * | `databaseUrl`       | `DATABASE_URL`       | none: SQLite at databasePath; `postgres://…` runs on PostgreSQL |
 * | `world`             | `WORLD`              | none: the sample world; a world file seeds an empty database (`--world FILE` in bin) |
 * | `poolSize`          | `DATABASE_POOL_SIZE` | 10 connections per process (PostgreSQL only)         |
 * | `workers`           | `WORKERS`            | 1 process; N > 1 forks N (bin only), needs JWT_SECRET and a database file or URL |
 * | `jwtSecret`         | `JWT_SECRET`         | a key kept in `jwt-secret` beside the database       |
 * | `validateResponses` | `VALIDATE_RESPONSES` | true (`false` turns it off)                          |
 * | `corsOrigins`       | `CORS_ORIGINS`       | any port of localhost and 127.0.0.1 (comma-separated; `*` for any) |
 * | `trustProxy`        | `TRUST_PROXY`        | false: the client address is the socket's, not X-Forwarded-For |
 * | `signInThrottle`    | `SIGN_IN_THROTTLE`   | true (`false` only for load tests that sign one account in a loop) |
 * | `rememberResponses` | `REMEMBER_RESPONSES` | true (`false` works every GET out, for measuring what one costs) |
 * | `headersTimeoutMs`  | `HEADERS_TIMEOUT_MS` | 10000: a client has this long to send its headers    |
 * | `requestTimeoutMs`  | `REQUEST_TIMEOUT_MS` | 30000: ... and this long to send its whole request   |
 * | `keepAliveTimeoutMs`| `KEEP_ALIVE_TIMEOUT_MS` | 5000: an idle kept-alive connection is closed after this |
 * | `maxConnections`    | `MAX_CONNECTIONS`    | 1000: beyond it, a silent socket of the busiest address goes, or the newcomer |
 * | `maxConnectionsPerAddress` | `MAX_CONNECTIONS_PER_ADDRESS` | 100 per client address (IPv6: per /64); none behind TRUST_PROXY |
 * | `log`               | `LOG_FORMAT`, `LOG_LEVEL` | `json` lines, or `pretty` on a terminal; level `info` |
 *
 * The timeouts are checked every second, so no client holds a connection for more than about
 * `requestTimeoutMs` + 1 s without finishing its request; a larger request timeout than 60 s is refused.
 */
import { DEFAULT_DATABASE_PATH, IN_MEMORY } from './store/database.js';
import { DEFAULT_POOL_SIZE, isPostgresUrl } from './store/postgres/url.js';
import { LOCAL_ORIGINS } from './http/cors.js';
import { createLogger, type LogFormat, type Logger } from './logger.js';

export interface ServerOptions {
  /** 0 picks a free port (see the returned `port`). */
  port?: number;
  host?: string;
  databasePath?: string;
  /** A `postgres://` URL: the data lives in PostgreSQL instead of the SQLite file. */
  databaseUrl?: string;
  /** PostgreSQL connections this process keeps at most. */
  poolSize?: number;
  /** A world file to seed an empty database from; a database seeded from another world is refused. */
  world?: string;
  /** Server processes `customer-portal-server` runs (node:cluster); they share the port and the database. */
  workers?: number;
  jwtSecret?: string;
  validateResponses?: boolean;
  /**
   * The pino logger of start-up, access-log and error entries (default: createLogger() with LOG_FORMAT and
   * LOG_LEVEL, to stdout); false for none.
   */
  log?: false | Logger;
  corsOrigins?: (string | RegExp)[];
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (sign-in throttling counts by it). */
  trustProxy?: boolean;
  /** Throttle sign-in per account and address (default true); false only for load tests on loopback. */
  signInThrottle?: boolean;
  /** Answer a repeated GET from memory while the SQLite data is unchanged (default true; see remembered-responses.ts). */
  rememberResponses?: boolean;
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  maxConnections?: number;
  /** Connections one client address (an IPv6 /64) holds at most, in each process; not applied behind a proxy (trustProxy). */
  maxConnectionsPerAddress?: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  databasePath: string;
  databaseUrl: string | undefined;
  world: string | undefined;
  poolSize: number;
  workers: number;
  jwtSecret: string | undefined;
  validateResponses: boolean;
  log: false | Logger;
  corsOrigins: (string | RegExp)[];
  trustProxy: boolean;
  signInThrottle: boolean;
  rememberResponses: boolean;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  /** Undefined behind a proxy: every connection comes from the proxy's address. */
  maxConnectionsPerAddress: number | undefined;
}

/** How long a client may take, and how many may be connected at once (see the table above). */
export const CONNECTION_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
  // Room for a dev server's proxy (a few per browser tab) and a load test's 32 connections at once.
  maxConnectionsPerAddress: 100,
} as const;

/** The longest a request may take to arrive: issue 16 asks that no client holds a connection longer. */
export const MAX_REQUEST_TIMEOUT_MS = 60_000;

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';

/**
 * @throws Error with a sentence to show when a variable has a value the server cannot use.
 *
 * @example
 * resolveConfig({ port: 0 }, { DATABASE_PATH: '/tmp/portal.db' }).databasePath; // '/tmp/portal.db'
 */
export function resolveConfig(options: ServerOptions = {}, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const jwtSecret = options.jwtSecret ?? (env.JWT_SECRET || undefined);
  if (!jwtSecret && env.NODE_ENV === 'production') {
    throw new Error('Set JWT_SECRET in production: the generated development key is not meant to sign real sessions.');
  }
  const databaseUrl = options.databaseUrl ?? (env.DATABASE_URL || undefined);
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// URL; leave it unset to use the SQLite file at DATABASE_PATH.');
  }
  const workers = options.workers ?? countOf('WORKERS', env.WORKERS, 1);
  // Every process must verify every other one's tokens: a key made per process (or per data folder) would not.
  if (workers > 1 && !jwtSecret) {
    throw new Error(`WORKERS=${workers} needs JWT_SECRET: every process must sign and verify tokens with the same key.`);
  }
  const databasePath = options.databasePath ?? (env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
  // An in-memory SQLite database belongs to the process that opened it: N workers would serve N worlds.
  if (workers > 1 && !databaseUrl && databasePath === IN_MEMORY) {
    throw new Error(`WORKERS=${workers} needs one database for all processes: set DATABASE_PATH to a file or DATABASE_URL, not ${IN_MEMORY}.`);
  }
  return {
    port: options.port ?? portOf(env.PORT),
    host: options.host ?? (env.HOST || DEFAULT_HOST),
    databasePath,
    databaseUrl,
    world: options.world ?? (env.WORLD || undefined),
    poolSize: options.poolSize ?? countOf('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, DEFAULT_POOL_SIZE),
    workers,
    jwtSecret,
    validateResponses: options.validateResponses ?? !/^(?:false|0|no|off)$/i.test(env.VALIDATE_RESPONSES ?? ''),
    log: options.log ?? createLogger({ format: logFormatOf(env.LOG_FORMAT), level: logLevelOf(env.LOG_LEVEL) }),
    corsOrigins: options.corsOrigins ?? originsOf(env.CORS_ORIGINS),
    trustProxy: options.trustProxy ?? /^(?:true|1|yes|on)$/i.test(env.TRUST_PROXY ?? ''),
    signInThrottle: options.signInThrottle ?? !/^(?:false|0|no|off)$/i.test(env.SIGN_IN_THROTTLE ?? ''),
    rememberResponses: options.rememberResponses ?? !/^(?:false|0|no|off)$/i.test(env.REMEMBER_RESPONSES ?? ''),
    ...connectionLimits(options, env),
  };
}

/** The per-address share, unless the server is behind a proxy (whose one address every connection has). */
function perAddressLimit(options: ServerOptions, env: NodeJS.ProcessEnv): number | undefined {
  const trustProxy = options.trustProxy ?? /^(?:true|1|yes|on)$/i.test(env.TRUST_PROXY ?? '');
  const limit =
    options.maxConnectionsPerAddress ?? positive('MAX_CONNECTIONS_PER_ADDRESS', env.MAX_CONNECTIONS_PER_ADDRESS, CONNECTION_LIMITS.maxConnectionsPerAddress);
  return trustProxy ? undefined : limit;
}

function connectionLimits(options: ServerOptions, env: NodeJS.ProcessEnv) {
  const limits = {
    headersTimeoutMs: options.headersTimeoutMs ?? positive('HEADERS_TIMEOUT_MS', env.HEADERS_TIMEOUT_MS, CONNECTION_LIMITS.headersTimeoutMs),
    requestTimeoutMs: options.requestTimeoutMs ?? positive('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, CONNECTION_LIMITS.requestTimeoutMs),
    keepAliveTimeoutMs:
      options.keepAliveTimeoutMs ?? positive('KEEP_ALIVE_TIMEOUT_MS', env.KEEP_ALIVE_TIMEOUT_MS, CONNECTION_LIMITS.keepAliveTimeoutMs),
    maxConnections: options.maxConnections ?? positive('MAX_CONNECTIONS', env.MAX_CONNECTIONS, CONNECTION_LIMITS.maxConnections),
    maxConnectionsPerAddress: perAddressLimit(options, env),
  };
  if (limits.requestTimeoutMs > MAX_REQUEST_TIMEOUT_MS) {
    throw new Error(`REQUEST_TIMEOUT_MS must be at most ${MAX_REQUEST_TIMEOUT_MS}, not ${limits.requestTimeoutMs}.`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(`HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) must not be longer than REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs}).`);
  }
  if (limits.keepAliveTimeoutMs > MAX_REQUEST_TIMEOUT_MS) {
    throw new Error(`KEEP_ALIVE_TIMEOUT_MS must be at most ${MAX_REQUEST_TIMEOUT_MS}, not ${limits.keepAliveTimeoutMs}.`);
  }
  return limits;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  if (!/^[1-9][0-9]*$/.test(value)) throw new Error(`${name} must be a whole number above 0, not "${value}".`);
  return Number(value);
}

function portOf(value: string | undefined): number {
  if (!value) return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new Error(`PORT must be a number from 0 to 65535, not "${value}".`);
  return port;
}

function countOf(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new Error(`${name} must be a whole number from 1 to 9999, not "${value}".`);
  return Number(value);
}

function originsOf(value: string | undefined): (string | RegExp)[] {
  const origins = (value ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return origins.length > 0 ? origins : LOCAL_ORIGINS;
}

function logFormatOf(value: string | undefined): LogFormat | undefined {
  if (!value) return undefined;
  if (value !== 'json' && value !== 'pretty') throw new Error(`LOG_FORMAT must be json or pretty, not "${value}".`);
  return value;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevelOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!LOG_LEVELS.includes(value)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}".`);
  return value;
}
