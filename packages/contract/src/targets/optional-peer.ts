/**
 * The targets that need a host load it only when chosen: a backend team that runs `--target url` installs
 * neither the reference server (and its native SQLite build), the mocks nor Prism. They are optional peers.
 */

import { SetupError } from '../setup-error.js';

/**
 * Whether an import failed because one of `packages` is not installed (not because of an error inside it).
 * Node says `Cannot find package '<name>'` (ERR_MODULE_NOT_FOUND); vitest's module runner, which loads the
 * installed suite's TypeScript, says `Could not resolve "<name>"`.
 */
export function isMissingPackage(error: unknown, packages: string[]): boolean {
  const message = error instanceof Error ? error.message : '';
  if (!/Cannot find (?:package|module)|Could not resolve|Failed to (?:load|resolve)/i.test(message)) return false;
  return packages.some((name) => [`'${name}'`, `'${name}/`, `"${name}"`, `"${name}/`].some((quoted) => message.includes(quoted)));
}

/** `@customer-portal/mocks/node` is in `@customer-portal/mocks`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The sentence to show when `target` needs a package that is not installed. */
export function missingPeerMessage(target: string, packages: string[]): string {
  return `--target ${target} needs ${packages.join(' and ')}, which ${packages.length > 1 ? 'are' : 'is'} not installed: npm install -D ${packages.join(' ')}`;
}

/**
 * Imports an optional peer, or throws an error that says what to install.
 *
 * @example
 * const { startServer } = await importPeer<typeof import('@customer-portal/server')>('@customer-portal/server', 'reference');
 */
export async function importPeer<Module>(specifier: string, target: string, alsoNeeded: string[] = []): Promise<Module> {
  try {
    return (await import(specifier)) as Module;
  } catch (error) {
    const packages = [packageOf(specifier), ...alsoNeeded];
    if (isMissingPackage(error, packages)) throw new SetupError(missingPeerMessage(target, packages), { cause: error });
    throw error;
  }
}
