/**
 * Child process: the reference server as `customer-portal-server` runs it, on the store the environment
 * names (DATABASE_URL for PostgreSQL, else DATABASE_PATH for SQLite) and in WORKERS processes, without
 * request logging; announces its URL when every process listens. node:cluster forks this same script, so a
 * worker finds itself here too and starts one server.
 */
import cluster from 'node:cluster';
import { resolveConfig, startServer, startWorkers } from '@customer-portal/server';
import { announceReady } from './ready-line.js';

const config = resolveConfig({ port: 0, host: '127.0.0.1', log: false });
if (config.workers > 1 && cluster.isPrimary) {
  const workers = await startWorkers(config, (port) => `http://127.0.0.1:${port}`);
  announceReady(workers.url);
  process.once('SIGTERM', () => void workers.close().then(() => process.exit(0)));
} else {
  const server = await startServer(config);
  if (cluster.isPrimary) announceReady(server.url);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}
