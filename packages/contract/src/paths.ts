/** Files the targets need from the repository. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SetupError } from './setup-error.js';
import { missingPeerMessage } from './targets/optional-peer.js';

/** The repository's root, three levels above this file (packages/contract/src or dist). */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** openapi.yaml at the root of the repository from the source tree, else the copy the package ships. */
export const specPath: string | undefined = [join(repoRoot, 'openapi.yaml'), fileURLToPath(new URL('../openapi.yaml', import.meta.url))].find((path) => existsSync(path));

/** Prism's command-line entry, from the installed @stoplight/prism-cli. */
export function prismBin(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('@stoplight/prism-cli/package.json');
  } catch (error) {
    throw new SetupError(missingPeerMessage('prism', ['@stoplight/prism-cli']), { cause: error });
  }
  const { bin } = require('@stoplight/prism-cli/package.json') as { bin: { prism: string } };
  return join(dirname(packageJson), bin.prism);
}
