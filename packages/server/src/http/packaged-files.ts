/**
 * Files the server serves that are not its code: the contract (openapi.yaml) and Swagger UI's browser files.
 * `npm pack` copies both into the package (scripts/copy-packed-files.mjs), so that an installed server needs
 * neither this repository nor swagger-ui-dist, whose install script reports to a telemetry service. In this
 * repository, before packing, they are read where they live: the root's openapi.yaml and swagger-ui-dist,
 * a development dependency.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const inPackage = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The contract file, as written: openapi.yaml with its `$ref`s. */
export function contractFile(): string {
  const packed = inPackage('openapi.yaml');
  return existsSync(packed) ? packed : fileURLToPath(new URL('../../../../openapi.yaml', import.meta.url));
}

/** The folder holding swagger-ui-bundle.js, swagger-ui.css and the favicons. */
export function swaggerUiFolder(): string {
  const packed = inPackage('swagger-ui');
  // Resolved, not imported: importing swagger-ui-dist loads its 1.5 MB bundle into the server.
  return existsSync(packed) ? packed : dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}
