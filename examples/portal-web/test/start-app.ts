import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

/** How the app gets its data: MSW in the page, or the reference server behind Vite's proxy. */
export type Mode = 'mock' | 'server';

export interface RunningApp {
  /** The Vite dev server's address, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close(): Promise<void>;
}

const appRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the app the way `npm run dev:<mode>` does, on an ephemeral port. In server mode it first starts the
 * reference server on its own ephemeral port over a new SQLite file, and points the proxy at it through
 * `PORTAL_API_URL`, the same variable a developer would set.
 */
export async function startApp(mode: Mode): Promise<RunningApp> {
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  const previousApiUrl = process.env.PORTAL_API_URL;
  try {
    if (mode === 'server') {
      const { startServer } = await import('@customer-portal/server');
      const dataDir = await mkdtemp(join(tmpdir(), 'portal-web-journey-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const api = await startServer({ port: 0, host: '127.0.0.1', databasePath: join(dataDir, 'portal.db'), log: false });
      cleanups.push(() => api.close());
      process.env.PORTAL_API_URL = api.url;
    }
    const vite = await createServer({
      root: appRoot,
      configFile: join(appRoot, 'vite.config.ts'),
      mode,
      logLevel: 'warn',
      clearScreen: false,
      // No file watching: nothing changes during a test, and the machine's cores are shared.
      server: { host: '127.0.0.1', port: 0, strictPort: false, watch: null },
    });
    cleanups.push(() => vite.close());
    await vite.listen();
    const url = vite.resolvedUrls?.local[0];
    if (!url) throw new Error('Vite did not report the address it listens on.');
    return { url, close };
  } catch (error) {
    await close();
    throw error;
  } finally {
    // The config has read PORTAL_API_URL by now: leave the environment as it was.
    if (previousApiUrl === undefined) delete process.env.PORTAL_API_URL;
    else process.env.PORTAL_API_URL = previousApiUrl;
  }
}
