/**
 * Child process: the reference server assembled from its own exported parts, with some of them taken out
 * (BENCH_WITHOUT, comma-separated), so that the breakdown section can price each part by subtraction and the
 * throughput section can show GET /orders without the read cache:
 *
 * - `read-cache`: the SQLite store reads SQLite on every call (`createSqliteStore(db, { rememberReads: false })`),
 *   so no body is remembered and core checks and serialises every response afresh;
 * - `response-validation`: validateResponses off (a supported option of the server);
 * - `sqlite`: core's in-memory store over the sample world instead of the SQLite store.
 *
 * Tokens are verified as the shipped server verifies them (once, then remembered until they expire).
 */
import { createContractValidator, createMemoryStore } from '@customer-portal/core';
import { createApp, createServerAuth, createSqliteStore, createTokenService, openDatabase } from '@customer-portal/server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WITHOUT_ENV } from './parts.js';
import { announceReady } from './ready-line.js';

const without = new Set((process.env[WITHOUT_ENV] ?? '').split(',').filter(Boolean));
const { DATABASE_PATH: databasePath, JWT_SECRET: secret } = process.env;
if (!databasePath || !secret) throw new Error('DATABASE_PATH and JWT_SECRET must be set.');

const app = createApp({
  store: without.has('sqlite') ? createMemoryStore() : createSqliteStore(openDatabase(databasePath)),
  auth: createServerAuth(createTokenService(secret)),
  validator: createContractValidator(),
  validateResponses: !without.has('response-validation'),
  log: false,
  signInThrottle: false,
});
const server = createServer(app.callback()).listen(0, '127.0.0.1', () => {
  announceReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
