/** A backend team installs the suite without the server, the mocks or Prism: choosing one of those says what to install. */
import { fileURLToPath } from 'node:url';
import type * as vitestModule from 'vitest';
import { describe, expect, it } from 'vitest';
import { importPeer, isMissingPackage } from '../src/targets/optional-peer.js';

describe('importPeer', () => {
  it('loads an installed package', async () => {
    const vitest = await importPeer<typeof vitestModule>('vitest', 'reference');
    expect(typeof vitest.describe).toBe('function');
  });

  it('names the target and the install command when the package is missing', async () => {
    await expect(importPeer('@customer-portal/not-installed/node', 'msw', ['msw'])).rejects.toThrow(
      '--target msw needs @customer-portal/not-installed and msw, which are not installed: npm install -D @customer-portal/not-installed msw',
    );
  });

  it('passes on an error raised inside an installed module, which no install would fix', async () => {
    const broken = fileURLToPath(new URL('fixtures/throws-inside.ts', import.meta.url));
    await expect(importPeer(broken, 'reference')).rejects.toThrow('broken inside the module');
  });
});

describe('isMissingPackage', () => {
  it.each([
    ['Node', "Cannot find package '@customer-portal/server' imported from /app/node_modules/@customer-portal/contract/dist/x.js", true],
    ['vitest\u2019s module runner', 'Could not resolve "@customer-portal/server" imported by "@customer-portal/contract".', true],
    ['a subpath of the package', "Cannot find package '@customer-portal/server/extra' imported from /app", true],
    ['another package missing inside it', "Cannot find package 'koa' imported from /app/node_modules/@customer-portal/server/dist/app.js", false],
    ['an error that is not about resolving', 'The port is already in use: @customer-portal/server', false],
  ])('tells a missing package from other failures (%s)', (_who, message, missing) => {
    expect(isMissingPackage(new Error(message), ['@customer-portal/server'])).toBe(missing);
  });
});
