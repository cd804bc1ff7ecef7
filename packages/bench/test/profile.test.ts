import { describe, expect, it } from 'vitest';
import { packageOf, summariseProfile } from '../src/sections/profile.js';

describe('packageOf', () => {
  it.each([
    ['a package', 'file:///repo/node_modules/koa/lib/application.js', 'handleRequest', 'koa'],
    ['a scoped package', 'file:///repo/node_modules/@koa/router/dist/index.mjs', 'dispatch', '@koa/router'],
    ['a nested package', 'file:///repo/node_modules/jsonwebtoken/node_modules/jws/index.js', 'verify', 'jws'],
    ['a workspace package', 'file:///repo/packages/server/dist/store/sqlite-store.js', 'withItems', '@customer-portal/server'],
    ["a node built-in", 'node:internal/crypto/hash', 'Hmac', 'node:crypto'],
    ["ajv's compiled code", '', 'validate42', 'ajv (compiled validators)'],
    ['garbage collection', '', '(garbage collector)', '(garbage collector)'],
    ['native code', '', 'writev', 'native (V8 built-ins, bindings)'],
  ])('names %s', (_name, url, functionName, want) => {
    expect(packageOf(url, functionName)).toBe(want);
  });
});

describe('summariseProfile', () => {
  it('shares busy time by package, leaving idle time out', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: frame('(idle)', '') },
        { id: 2, callFrame: frame('handleRequest', 'file:///r/node_modules/koa/lib/application.js') },
        { id: 3, callFrame: frame('validate7', '') },
      ],
      samples: [1, 2, 3, 3, 3],
      timeDeltas: [5000, 1000, 1000, 1000, 1000],
    });
    expect(summary.busyMs).toBe(4);
    expect(summary.byPackage).toEqual([
      { name: 'ajv (compiled validators)', share: 0.75 },
      { name: 'koa', share: 0.25 },
    ]);
  });
});
