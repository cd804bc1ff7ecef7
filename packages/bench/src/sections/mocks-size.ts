/**
 * What the mocks add to a browser bundle against msw alone: a page's mock start-up bundled with the mocks and
 * with msw and one hand-written handler (esbuild, minified, browser platform), compared gzipped.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// The apps are bundled from source (src/mocks-size/), where they are type-checked with the package.
const apps = join(dirname(fileURLToPath(import.meta.url)), '../../src/mocks-size');

async function gzipBytes(app: string): Promise<number> {
  const result = await build({ entryPoints: [join(apps, app)], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).byteLength;
}

export async function runMocksSize(): Promise<{ withMocksBytes: number; withMswBytes: number }> {
  return { withMocksBytes: await gzipBytes('app-with-mocks.ts'), withMswBytes: await gzipBytes('app-with-msw.ts') };
}
