import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTypes } from '../scripts/generate.js';

describe('generated types', () => {
  it('match openapi.yaml (run `npm run generate` when this fails)', async () => {
    const committed = readFileSync(new URL('../src/generated/openapi.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await renderTypes());
  });

  it('say they are generated and must not be edited', () => {
    const committed = readFileSync(new URL('../src/generated/openapi.ts', import.meta.url), 'utf8');
    expect(committed.split('\n')[0]).toMatch(/^\/\/ Generated .* Do not edit/);
  });
});
