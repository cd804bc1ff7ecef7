#!/usr/bin/env node
/**
 * `npm run lint:packages`: packs every public package as npm would publish it, then checks each tarball
 * with publint (package.json fields against the packed files; warnings fail) and Are the Types Wrong
 * (whether TypeScript resolves the same files Node and bundlers do). ESM only, so the CommonJS column is
 * left out (`--profile esm-only`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packPublicPackages } from './pack-packages.mjs';

const require = createRequire(import.meta.url);
const attw = join(dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist/index.js');

const destination = mkdtempSync(join(tmpdir(), 'customer-portal-packs-'));
let failed = 0;
try {
  for (const { name, tarball } of packPublicPackages(destination)) {
    const data = readFileSync(tarball);
    const { messages, pkg } = await publint({ pkgDir: 'package', strict: true, pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) } });
    const problems = messages.filter((m) => m.type !== 'suggestion');
    for (const m of messages) console.log(`publint ${name}: ${m.type}: ${formatMessage(m, pkg, { color: false })}`);
    if (problems.length > 0) failed += 1;
    else console.log(`publint ${name}: no warnings or errors`);
    try {
      execFileSync(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'table', '--no-color'], { stdio: 'inherit' });
    } catch {
      failed += 1;
    }
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}
if (failed > 0) {
  console.error(`\n${failed} package check(s) failed.`);
  process.exit(1);
}
