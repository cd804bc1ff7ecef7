/**
 * Child process: the reference server assembled from its own exported parts, with some of them taken out
 * (BENCH_WITHOUT, comma-separated), so that the breakdown section can price each part by subtraction:
 *
 * - `response-validation`: validateResponses off (a supported option of the server);
 * - `token-verification`: each distinct token is verified once and then remembered, which is what a cache
 *   of verified tokens would cost per request;
 * - `sqlite`: core's in-memory store over the sample world instead of the SQLite store.
 */
import { createContractValidator, createMemoryStore, type HostAuth } from '@customer-portal/core';
import { createApp, createServerAuth, createSqliteStore, createTokenService, openDatabase } from '@customer-portal/server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WITHOUT_ENV } from './parts.js';
import { announceReady } from './ready-line.js';

const without = new Set((process.env[WITHOUT_ENV] ?? '').split(',').filter(Boolean));
const { DATABASE_PATH: databasePath, JWT_SECRET: secret } = process.env;
if (!databasePath || !secret) throw new Error('DATABASE_PATH and JWT_SECRET must be set.');

function rememberingTokens(auth: HostAuth): HostAuth {
  const verified = new Map<string, number | undefined>();
  return {
    ...auth,
    async verifyToken(token) {
      if (!verified.has(token)) verified.set(token, await auth.verifyToken(token));
      return verified.get(token);
    },
  };
}

const serverAuth = createServerAuth(createTokenService(secret));
const app = createApp({
  store: without.has('sqlite') ? createMemoryStore() : createSqliteStore(openDatabase(databasePath)),
  auth: without.has('token-verification') ? rememberingTokens(serverAuth) : serverAuth,
  validator: createContractValidator(),
  validateResponses: !without.has('response-validation'),
  log: false,
});
const server = createServer(app.callback()).listen(0, '127.0.0.1', () => {
  announceReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
