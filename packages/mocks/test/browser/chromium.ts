/** The page server of the browser tests; the browser is the project's (test/support/chromium.ts). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

export { findChromium, launchChromium } from '../../../../test/support/chromium.js';

/** Serves test/browser/page with Vite on an ephemeral port, msw's worker script at /mockServiceWorker.js. */
export async function servePage(): Promise<{ url: string; server: ViteDevServer }> {
  const server = await createServer({
    root: fileURLToPath(new URL('./page/', import.meta.url)),
    configFile: false,
    // msw's worker script, as `npx msw init` would copy it, served from the installed msw itself.
    publicDir: join(dirname(createRequire(import.meta.url).resolve('msw/package.json')), 'lib'),
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, watch: null },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('Vite did not report the address it listens on.');
  return { url, server };
}
