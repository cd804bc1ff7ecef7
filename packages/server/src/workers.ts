/**
 * `WORKERS=N`: N server processes on one port (node:cluster hands each new connection to one of them) and
 * one database. They keep no state of their own: the data is in the database, and a token signed by one
 * verifies on every other because they share JWT_SECRET (resolveConfig refuses N > 1 without it).
 */
import cluster, { type Worker } from 'node:cluster';
import type { ServerConfig } from './config.js';
import { openStore, seededLine } from './store/open-store.js';

export interface Workers {
  /** Where they listen, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** Where the data lives, for the start-up lines. */
  database: string;
  /** Stops every worker (each finishes its requests in flight) and resolves when all have exited. */
  close(): Promise<void>;
}

/**
 * In the primary process: migrates and seeds the database once, then forks `config.workers` processes that
 * run this same program (they see `cluster.isWorker` and start one server each), and resolves once all of
 * them listen. A worker that dies while serving is replaced; one that dies before it listened fails the start.
 */
export async function startWorkers(config: ServerConfig, urlOf: (port: number) => string): Promise<Workers> {
  // Once, here: N processes seeding an empty database at the same moment would take turns for nothing.
  const opened = await openStore(config);
  await opened.close();
  if (opened.seeded && config.log) config.log.info(seededLine(opened));

  let stopping = false;
  const fork = () => cluster.fork();
  const listening = new Promise<number>((resolve, reject) => {
    let ready = 0;
    cluster.on('listening', (_worker, address) => {
      if (++ready === config.workers) resolve(address.port);
    });
    cluster.on('exit', (worker: Worker, code, signal) => {
      if (stopping) return;
      if (ready < config.workers) {
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.kill();
        reject(new Error(`A worker stopped before it listened (exit code ${code ?? signal}); see its error above.`));
        return;
      }
      if (config.log) config.log.warn(`Worker ${worker.process.pid} stopped (${code ?? signal}); starting another.`);
      fork();
    });
  });
  for (let i = 0; i < config.workers; i++) fork();
  const port = await listening;

  return {
    url: urlOf(port),
    database: opened.where,
    close: () => {
      stopping = true;
      const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      return Promise.all(
        running.map((worker) => new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        })),
      ).then(() => {});
    },
  };
}
