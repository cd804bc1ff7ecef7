/**
 * Packs every public workspace package (every one not marked `private`) with `npm pack`, which runs its
 * `prepack` build: the tarballs are what a team would install from the registry.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** `{ name, dir }` of each public package, in the root package.json's workspace order. */
function publicPackages() {
  const { workspaces } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return workspaces
    .map((dir) => ({ dir: join(repoRoot, dir), pkg: JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => !pkg.private)
    .map(({ dir, pkg }) => ({ name: pkg.name, version: pkg.version, dir }));
}

/** Packs each public package into `destination`; returns `{ name, dir, tarball }` (the tarball's absolute path). */
export function packPublicPackages(destination) {
  return publicPackages().map((pkg) => {
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
      cwd: pkg.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // npm prints the prepack script's output before the JSON on stdout.
    const [packed] = JSON.parse(output.slice(output.indexOf('\n[') + 1 || 0));
    return { ...pkg, tarball: join(destination, packed.filename) };
  });
}
