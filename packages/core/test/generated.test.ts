import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDocument, renderSampleWorld } from '../scripts/generate.js';

const generated = (name: string) => readFileSync(new URL(`../src/generated/${name}`, import.meta.url), 'utf8');

describe('generated modules', () => {
  it('match openapi.yaml (run `npm run generate` when this fails)', async () => {
    expect(generated('openapi-document.ts')).toBe(await renderDocument());
  });

  it('match fixtures/*.json (run `npm run generate` when this fails)', () => {
    expect(generated('sample-world.ts')).toBe(renderSampleWorld());
  });
});
