import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const appRoot = fileURLToPath(new URL('..', import.meta.url));

// Strings that only the mocks bring: their entry, msw's worker, the panel, and the sample world's passwords.
const mockMarkers = ['startPortalWorker', 'setupWorker', 'mockServiceWorker', 'mountMockPanel', 'customer-portal-mock-panel', 'customer123', 'customer456'];

interface BuiltFile {
  name: string;
  text: string;
}

const outDirs: string[] = [];

/** Builds the app as `vite build [--mode <mode>]` does and reads back every file it wrote. */
async function buildApp(mode?: string): Promise<BuiltFile[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'portal-web-build-'));
  outDirs.push(outDir);
  // Vitest runs with NODE_ENV=test, which Vite keeps, and would build a development bundle (DEV true,
  // React's dev runtime). `vite build` from the command line runs with NODE_ENV=production.
  vi.stubEnv('NODE_ENV', 'production');
  try {
    await build({
      root: appRoot,
      configFile: join(appRoot, 'vite.config.ts'),
      ...(mode ? { mode } : {}),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    vi.unstubAllEnvs();
  }
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { name: relative(outDir, path), text: await readFile(path, 'utf8') };
      }),
  );
}

const mentioning = (files: BuiltFile[], marker: string) => files.filter((file) => file.text.includes(marker)).map((file) => file.name);

describe('the production build (vite build)', () => {
  let production: BuiltFile[];
  let mocked: BuiltFile[];

  beforeAll(async () => {
    production = await buildApp();
    mocked = await buildApp('mock');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(outDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('is the page, one script and one stylesheet: no service worker, no mock chunk', () => {
    expect(production.map((file) => file.name.replace(/-[\w-]{8}\./, '-[hash].')).sort()).toEqual([
      'assets/index-[hash].css',
      'assets/index-[hash].js',
      'index.html',
    ]);
  });

  it.each(mockMarkers)('contains no mock code: no file mentions %s', (marker) => {
    expect(mentioning(production, marker)).toEqual([]);
    // The same check on a `--mode mock` build finds it, so an empty answer above means something.
    expect(mentioning(mocked, marker)).not.toEqual([]);
  });

  it('calls the API through the SDK', () => {
    expect(mentioning(production, '/api/v1/customer/dashboard')).toEqual([expect.stringMatching(/^assets\/index-.*\.js$/)]);
  });
});
