/**
 * The targets that need a host load it only when chosen: a backend team that runs `--target url` installs
 * neither the reference server (and its native SQLite build), the mocks nor Prism. They are optional peers.
 */

/** Whether an import failed because the package itself is not installed (not because of an error inside it). */
function isMissing(error: unknown, packages: string[]): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : '';
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && packages.some((name) => message.includes(`'${name}'`) || message.includes(`'${name}/`));
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
    if (isMissing(error, packages)) throw new Error(missingPeerMessage(target, packages), { cause: error });
    throw error;
  }
}
