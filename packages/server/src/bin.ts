#!/usr/bin/env node
/**
 * `customer-portal-server`: runs the reference server, or `customer-portal-server db:reset` to put the
 * sample data (or the world the database was seeded from) back. Settings come from the environment (see
 * config.ts); `--world FILE` is WORLD=FILE.
 */
import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { sampleWorld } from '@customer-portal/core';
import { jwtSecretFile } from './auth/jwt-secret.js';
import { serverCommand, shellWord } from './commands.js';
import { resolveConfig, type ServerConfig } from './config.js';
import { IN_MEMORY, openDatabase } from './store/database.js';
import { describeUrl } from './store/postgres/url.js';
import { resetDatabase } from './store/reset.js';
import { recordedOrigin } from './store/world-origin.js';
import { recordedSource, worldSource } from './store/world-source.js';
import { startServer, urlHost } from './start-server.js';

const usage = () => `Usage: customer-portal-server [start | db:reset] [--world FILE]

  start      serve the Customer Portal API (the default); from here: ${serverCommand('start')}
  db:reset   put the data back as the database was seeded: the sample data, or the world file it was seeded
             from (a running server serves it at once), and start sign-in counts over; from here:
             ${serverCommand('db:reset')}
  --world FILE  a world file (customer-portal-world generate, record, from-har): seeds an empty database,
             refuses one seeded from another world; with db:reset, seeds this world instead

Environment: PORT (3000), HOST (127.0.0.1), DATABASE_PATH (.customer-portal/portal.db), DATABASE_URL
(postgres://…, instead of the SQLite file), DATABASE_POOL_SIZE (10), WORKERS (1; more needs JWT_SECRET),
JWT_SECRET, VALIDATE_RESPONSES (true), CORS_ORIGINS (any localhost port), MAX_CONNECTIONS (1000),
MAX_CONNECTIONS_PER_ADDRESS (100), LOG_FORMAT (pretty on a terminal, else json), LOG_LEVEL (info),
WORLD (a world file, as --world).`;

// npm 11 skips a dependency's install script unless package.json allows it, leaving better-sqlite3 unbuilt.
const UNBUILT_DRIVER =
  'better-sqlite3, the SQLite driver, is not built: allow its install script in your package.json ' +
  '("allowScripts": { "better-sqlite3": true }), then run npm rebuild better-sqlite3.';

async function start(world: string | undefined): Promise<void> {
  const config = resolveConfig(world === undefined ? {} : { world });
  const server =
    config.workers > 1 && cluster.isPrimary
      ? await (await import('./workers.js')).startWorkers(config, (port) => `http://${urlHost(config.host)}:${port}`)
      : await startServer(config).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
          throw new Error(
            `Port ${config.port} on ${config.host} is already in use (another customer-portal-server?); ` +
              `start on another one with PORT=${config.port + 1} ${serverCommand('start')} (PORT=0 picks a free one).`,
          );
        });
  onStop(() => server.close());
  // A worker's primary prints the start lines, once for all of them.
  if (cluster.isWorker) return;
  const accounts = config.world
    ? [`  World:     ${config.world} (its customers sign in with the passwords the file holds)`]
    : ['  Sample accounts:', ...sampleWorld().customers.map((c) => `    ${c.email} / ${c.password}  (${c.full_name})`)];
  console.log(
    [
      `Customer Portal API listening on ${server.url}`,
      `  API docs:  ${server.url}/docs`,
      `  Contract:  ${server.url}/openapi.yaml`,
      `  Database:  ${databaseLine(config)}`,
      ...(config.workers > 1 ? [`  Workers:   ${config.workers} processes`] : []),
      `  Reset it:  ${resetLine(config)}`,
      ...accounts,
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
}

/** The reset command for the database this server runs on, as it works in the terminal that started it. */
function resetLine(config: ServerConfig): string {
  const back = `the ${config.world ? 'world' : 'sample data'} back, while this server runs`;
  if (config.databaseUrl) return `${serverCommand('db:reset')} with the same DATABASE_URL (${back})`;
  if (config.databasePath === IN_MEMORY) return 'restart the server (its database is in memory)';
  // Another folder or DATABASE_PATH would reset another file: name this one.
  const path = process.env.DATABASE_PATH ? `DATABASE_PATH=${shellWord(resolve(config.databasePath))} ` : '';
  return `${path}${serverCommand('db:reset')} (${back})`;
}

function databaseLine(config: ServerConfig): string {
  return config.databaseUrl ? describeUrl(config.databaseUrl) : resolve(config.databasePath);
}

function onStop(close: () => Promise<void>): void {
  const stop = (signal: NodeJS.Signals) => {
    if (!cluster.isWorker) console.log(`${signal}: stopping.`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** To the world given (--world, WORLD), else to the one the database recorded, else to the sample world. */
async function reset(world: string | undefined): Promise<void> {
  const { databasePath, databaseUrl, world: wanted } = resolveConfig(world === undefined ? {} : { world });
  const to = (name: string, origin: { path: string | null }) => `Reset ${name} to ${origin.path === null ? 'the sample data' : `the world in ${wanted ?? origin.path}`}.`;
  if (databaseUrl) {
    // Loaded only for PostgreSQL, as the server loads its PostgreSQL store (store/open-store.ts).
    const [{ openPostgres }, { recordedPostgresOrigin, resetPostgres }] = await Promise.all([import('./store/postgres/database.js'), import('./store/postgres/seed.js')]);
    const pool = await openPostgres(databaseUrl, { poolSize: 1 });
    try {
      const source = wanted !== undefined ? worldSource(wanted) : recordedSource(describeUrl(databaseUrl), await recordedPostgresOrigin(pool));
      await resetPostgres(pool, source.world(), { origin: source });
      console.log(to(describeUrl(databaseUrl), source));
    } finally {
      await pool.end();
    }
    return;
  }
  const db = openDatabase(databasePath);
  try {
    const source = wanted !== undefined ? worldSource(wanted) : recordedSource(resolve(databasePath), recordedOrigin(db));
    resetDatabase(db, source.world(), { origin: source });
    console.log(to(resolve(databasePath), source));
  } finally {
    db.close();
  }
  console.log(`Tokens stay valid while ${jwtSecretFile(databasePath)} (or JWT_SECRET) keeps the same key.`);
}

/** The command and `--world FILE` (or `--world=FILE`), in any order. */
function commandLine(args: string[]): { command: string; world: string | undefined } {
  let world: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--world') world = args[++i] ?? '';
    else if (arg.startsWith('--world=')) world = arg.slice('--world='.length);
    else rest.push(arg);
  }
  if (world === '') throw new Error('--world needs a FILE: a world file such as customer-portal-world generate writes.');
  return { command: rest[0] ?? 'start', world };
}

const { command, world } = (() => {
  try {
    return commandLine(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage()}`);
    process.exit(2);
  }
})();
try {
  if (command === 'start') await start(world);
  else if (command === 'db:reset') await reset(world);
  else if (command === 'help' || command === '--help' || command === '-h') console.log(usage());
  else {
    console.error(`Unknown command "${command}".\n\n${usage()}`);
    process.exitCode = 2;
  }
} catch (error) {
  // A setting or a port the server cannot use: one sentence, not a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  console.error(/bindings file|better_sqlite3\.node/.test(message) ? UNBUILT_DRIVER : message);
  process.exitCode = 1;
}
