/**
 * The package's `exports` map keeps each environment's entry out of the other: `./node` resolves to nothing for
 * a browser bundler, `./browser` to nothing for Node. Checked against the built package, as consumers see it.
 */
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `import * as m from '<specifier>'` for the platform; resolves to esbuild's error texts, none on success. */
async function bundleErrors(specifier: string, platform: 'browser' | 'node'): Promise<string[]> {
  try {
    await build({
      stdin: { contents: `import * as m from '${specifier}'; console.log(m);`, resolveDir: packageDir },
      bundle: true,
      write: false,
      format: 'esm',
      platform,
      logLevel: 'silent',
    });
    return [];
  } catch (error) {
    return (error as { errors: { text: string }[] }).errors.map((e) => e.text);
  }
}

describe('in a browser bundle', () => {
  it('cannot import @customer-portal/mocks/node', async () => {
    expect(await bundleErrors('@customer-portal/mocks/node', 'browser')).toEqual(['Could not resolve "@customer-portal/mocks/node"']);
  });

  it.each(['@customer-portal/mocks', '@customer-portal/mocks/browser', '@customer-portal/mocks/panel'])('bundles %s with no Node built-in', async (specifier) => {
    expect(await bundleErrors(specifier, 'browser')).toEqual([]);
  });
});

describe('in Node', () => {
  const require = createRequire(import.meta.url);

  it.each(['@customer-portal/mocks/browser', '@customer-portal/mocks/panel'])('cannot import %s', (specifier) => {
    expect(() => require.resolve(specifier)).toThrow(expect.objectContaining({ code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' }));
  });

  it.each([
    ['@customer-portal/mocks/node', 'dist/node.js'],
    ['@customer-portal/mocks', 'dist/index.js'],
  ])('resolves %s to %s', (specifier, file) => {
    expect(require.resolve(specifier)).toBe(`${packageDir}${file}`);
  });
});
