/**
 * What the SDK adds to a browser bundle: the same small app bundled with the SDK and with openapi-fetch alone
 * (esbuild, minified, browser platform), compared gzipped.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The SDK may add at most this many gzipped bytes to an app. */
export const SDK_BUDGET_BYTES = 2048;

// The apps are bundled from source (src/sdk-size/), where they are type-checked with the package.
const apps = join(dirname(fileURLToPath(import.meta.url)), '../../src/sdk-size');

async function gzipBytes(app: string): Promise<number> {
  const result = await build({ entryPoints: [join(apps, app)], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).byteLength;
}

export async function runSdkSize(): Promise<{ withSdkBytes: number; withOpenapiFetchBytes: number; addedBytes: number }> {
  const withSdkBytes = await gzipBytes('app-with-sdk.ts');
  const withOpenapiFetchBytes = await gzipBytes('app-with-openapi-fetch.ts');
  return { withSdkBytes, withOpenapiFetchBytes, addedBytes: withSdkBytes - withOpenapiFetchBytes };
}
