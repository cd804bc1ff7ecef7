#!/usr/bin/env node
/**
 * `prepack`: copies into the package what the server serves besides its code (see src/http/packaged-files.ts):
 * the contract as written, and the Swagger UI files /docs serves, with Swagger UI's licence and notice.
 * `postpack` (`--remove`) deletes the copies again, so that the workspace reads the root's openapi.yaml.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const contract = join(pkg, 'openapi.yaml');
const swaggerUi = join(pkg, 'swagger-ui');

rmSync(contract, { force: true });
rmSync(swaggerUi, { recursive: true, force: true });
if (process.argv[2] !== '--remove') {
  copyFileSync(join(pkg, '../../openapi.yaml'), contract);
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  mkdirSync(swaggerUi);
  // What /docs serves (src/http/docs.ts), and the terms it and the code bundled in it are distributed under.
  for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css', 'favicon-32x32.png', 'favicon-16x16.png', 'LICENSE', 'NOTICE', 'swagger-ui-bundle.js.LICENSE.txt']) {
    copyFileSync(join(dist, file), join(swaggerUi, file));
  }
  const { version, license } = JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'));
  writeFileSync(
    join(swaggerUi, 'README.md'),
    `# Swagger UI ${version}\n\nThe files of swagger-ui-dist ${version} (${license}, see LICENSE and NOTICE; the licences of the code bundled in\nswagger-ui-bundle.js are in swagger-ui-bundle.js.LICENSE.txt) that /docs serves, copied here when the\npackage is packed so that installing the server installs no swagger-ui-dist.\n`,
  );
}
