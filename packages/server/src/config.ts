/**
 * The server's settings: an option given in code wins, then the environment variable, then the default.
 *
 * | option              | variable             | default                                              |
 * | ------------------- | -------------------- | ---------------------------------------------------- |
 * | `port`              | `PORT`               | 3000 (0 picks a free port)                           |
 * | `host`              | `HOST`               | 127.0.0.1                                            |
 * | `databasePath`      | `DATABASE_PATH`      | `.customer-portal/portal.db`, relative to the working directory |
 * | `jwtSecret`         | `JWT_SECRET`         | a key kept in `jwt-secret` beside the database       |
 * | `validateResponses` | `VALIDATE_RESPONSES` | true (`false` turns it off)                          |
 * | `corsOrigins`       | `CORS_ORIGINS`       | any port of localhost and 127.0.0.1 (comma-separated; `*` for any) |
 */
import { DEFAULT_DATABASE_PATH } from './store/database.js';
import { LOCAL_ORIGINS } from './http/cors.js';

export interface ServerOptions {
  /** 0 picks a free port (see the returned `port`). */
  port?: number;
  host?: string;
  databasePath?: string;
  jwtSecret?: string;
  validateResponses?: boolean;
  /** Where start-up, access-log and error lines go (default console.log); false for none. */
  log?: false | ((line: string) => void);
  corsOrigins?: (string | RegExp)[];
}

export interface ServerConfig {
  port: number;
  host: string;
  databasePath: string;
  jwtSecret: string | undefined;
  validateResponses: boolean;
  log: false | ((line: string) => void);
  corsOrigins: (string | RegExp)[];
}

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
  return {
    port: options.port ?? portOf(env.PORT),
    host: options.host ?? (env.HOST || DEFAULT_HOST),
    databasePath: options.databasePath ?? (env.DATABASE_PATH || DEFAULT_DATABASE_PATH),
    jwtSecret,
    validateResponses: options.validateResponses ?? !/^(?:false|0|no|off)$/i.test(env.VALIDATE_RESPONSES ?? ''),
    log: options.log ?? ((line: string) => console.log(line)),
    corsOrigins: options.corsOrigins ?? originsOf(env.CORS_ORIGINS),
  };
}

function portOf(value: string | undefined): number {
  if (!value) return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new Error(`PORT must be a number from 0 to 65535, not "${value}".`);
  return port;
}

function originsOf(value: string | undefined): (string | RegExp)[] {
  const origins = (value ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return origins.length > 0 ? origins : LOCAL_ORIGINS;
}
