/**
 * Child process: the reference server as `npm start` runs it (response validation on, the default), on the
 * database named by DATABASE_PATH, without request logging, announcing its URL when it listens.
 */
import { startServer } from '@customer-portal/server';
import { announceReady } from './ready-line.js';

const databasePath = process.env.DATABASE_PATH;
if (!databasePath) throw new Error('DATABASE_PATH must name the database the reference server opens.');

const server = await startServer({ port: 0, host: '127.0.0.1', databasePath, log: false, signInThrottle: false });
announceReady(server.url);
// A clean exit on SIGTERM, so that a --cpu-prof run writes its profile.
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
