/**
 * What the SDK adds to a browser bundle: the same small app bundled with the SDK and with openapi-fetch
 * alone (esbuild, minified, browser platform), compared gzipped.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageRoot } from '../paths.js';

/** The SDK may add at most this many gzipped bytes to an app (issue #7). */
export const SDK_BUDGET_BYTES = 2048;

export interface BundleSize {
  minifiedBytes: number;
  gzipBytes: number;
}

export interface SdkSizeResult {
  withSdk: BundleSize;
  withOpenapiFetch: BundleSize;
  /** Gzipped bytes the SDK adds. */
  addedGzipBytes: number;
  budgetBytes: number;
}

async function bundleSize(app: string): Promise<BundleSize> {
  const result = await build({
    // The apps are bundled from source: their twins in src/sdk-size are type-checked with the package.
    entryPoints: [join(packageRoot, 'src', 'sdk-size', app)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * Bundles both apps and compares them.
 *
 * @example
 * const { addedGzipBytes } = await measureSdkSize(); // e.g. 412
 */
export async function measureSdkSize(): Promise<SdkSizeResult> {
  const withSdk = await bundleSize('app-with-sdk.ts');
  const withOpenapiFetch = await bundleSize('app-with-openapi-fetch.ts');
  return { withSdk, withOpenapiFetch, addedGzipBytes: withSdk.gzipBytes - withOpenapiFetch.gzipBytes, budgetBytes: SDK_BUDGET_BYTES };
}
