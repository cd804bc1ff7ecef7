/** Starting the reference server: the database (SQLite or PostgreSQL), the signing key, the app and the HTTP listener. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContractValidator } from '@customer-portal/core';
import { createApp } from './app.js';
import { resolveJwtSecret, type JwtSecret } from './auth/jwt-secret.js';
import { createDeviceTokens } from './auth/device-tokens.js';
import { createServerAuth } from './auth/server-auth.js';
import { openSignInCounts } from './auth/sign-in-counts.js';
import { createSignInThrottle } from './auth/sign-in-throttle.js';
import { createTokenService } from './auth/tokens.js';
import { resolveConfig, type ServerOptions } from './config.js';
import { shareConnectionsFairly } from './http/fair-connections.js';
import { openStore, seededLine } from './store/open-store.js';

export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:3000`. */
  url: string;
  port: number;
  /** Where the data lives: the SQLite file, or the PostgreSQL URL with its password masked. */
  database: string;
  /** Stops accepting connections, lets requests in flight finish, then closes the database. */
  close(): Promise<void>;
}

// Requests still running this long after close() are cut, so that a stuck client cannot hold shutdown.
const CLOSE_GRACE_MS = 5000;

/**
 * Opens (migrating, and seeding when empty) the database and serves the portal over HTTP.
 *
 * @example
 * const server = await startServer({ port: 0, databasePath: '/tmp/portal.db', log: false });
 * await fetch(`${server.url}/healthz`);
 * await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(options);
  const say = (line: string) => (config.log ? config.log.info(line) : undefined);
  const opened = await openStore(config);
  const signInCounts = await openSignInCounts(config).catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  const closeDatabases = () => Promise.all([signInCounts.close(), opened.close()]).then(() => undefined);
  try {
    if (opened.seeded) say(seededLine(opened));
    const secret = resolveJwtSecret(config.jwtSecret, config.databasePath);
    sayWhereTheKeyIs(secret, say);

    const devices = createDeviceTokens(secret.value);
    const app = createApp({
      store: opened.store,
      auth: createServerAuth(createTokenService(secret.value), devices),
      validateResponses: config.validateResponses,
      validator: createContractValidator(),
      log: config.log,
      corsOrigins: config.corsOrigins,
      trustProxy: config.trustProxy,
      signInThrottle: config.signInThrottle && createSignInThrottle({ counts: signInCounts.counts, devices }),
      checkHealth: opened.checkHealth,
      ...(config.rememberResponses && { dataVersion: opened.dataVersion }),
    });

    // Node checks these timeouts every 30 s by default, which would let a slow client hold a connection
    // for up to 30 s past them; once a second keeps the bound close to what is set.
    const server = createServer(
      {
        headersTimeout: config.headersTimeoutMs,
        requestTimeout: config.requestTimeoutMs,
        keepAliveTimeout: config.keepAliveTimeoutMs,
        connectionsCheckingInterval: 1000,
      },
      app.callback(),
    );
    shareConnectionsFairly(server, { maxConnections: config.maxConnections, maxConnectionsPerAddress: config.maxConnectionsPerAddress });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;

    let closing: Promise<void> | undefined;
    return {
      url: `http://${urlHost(config.host)}:${port}`,
      port,
      database: opened.where,
      close: () =>
        (closing ??= new Promise<void>((resolve) => {
          const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
          server.close(() => {
            clearTimeout(cut);
            closeDatabases().then(resolve, resolve);
          });
          server.closeIdleConnections();
        })),
    };
  } catch (error) {
    await closeDatabases();
    throw error;
  }
}

function sayWhereTheKeyIs(secret: JwtSecret, say: (line: string) => void): void {
  // HS256 is only as strong as its key: RFC 7518 asks for at least 256 bits.
  if (secret.origin === 'given' && Buffer.byteLength(secret.value) < 32) say('JWT_SECRET is shorter than 32 bytes; use a long random value.');
  if (secret.origin === 'created') say(`Created a token signing key in ${secret.file}; set JWT_SECRET to use your own.`);
  if (secret.origin === 'file') say(`Signing tokens with the key in ${secret.file} (set JWT_SECRET to use your own).`);
  if (secret.origin === 'memory') say('Signing tokens with a key that lasts until the server stops (in-memory database).');
}

/** A wildcard address is reachable as localhost; an IPv6 literal needs brackets in a URL. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
