#!/usr/bin/env node
/**
 * `npm run lint:contract`: the repository follows its own contract. Fails when openapi.yaml breaks clients or
 * servers against openapi.baseline.yaml (the contract as last released) without a release: a new major
 * version in info.version and every package.json, the baseline moved to it, and a CHANGELOG.md entry holding
 * `customer-portal-contract diff openapi.baseline.yaml openapi.yaml --format markdown`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkRelease, readContract } from '../packages/contract/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CURRENT = 'openapi.yaml';
const BASELINE = 'openapi.baseline.yaml';

const read = (path) => readFileSync(new URL(path, `file://${root}/`), 'utf8');
const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
};

const contract = (name) => readContract(name, root).document;

/** The baseline before it last moved: HEAD's when the working copy moved it, else the one before its last commit. */
function previousBaseline(text) {
  const committed = git('show', `HEAD:${BASELINE}`);
  if (committed !== undefined && committed !== text) return contract(`HEAD:${BASELINE}`);
  const last = git('log', '-n', '1', '--format=%H', '--', BASELINE)?.trim();
  return last && git('show', `${last}^:${BASELINE}`) !== undefined ? contract(`${last}^:${BASELINE}`) : undefined;
}

const { workspaces } = JSON.parse(read('package.json'));
const packages = workspaces.map((folder) => JSON.parse(read(`${folder}/package.json`))).map(({ name, version }) => ({ name, version }));
const baselineText = read(BASELINE);
const result = checkRelease({
  current: contract(CURRENT),
  baseline: contract(BASELINE),
  previousBaseline: previousBaseline(baselineText),
  changelog: existsSync(new URL('CHANGELOG.md', `file://${root}/`)) ? read('CHANGELOG.md') : '',
  packages,
  names: { current: CURRENT, baseline: BASELINE },
});

if (result.ok) {
  console.log(`Contract release: ${CURRENT} keeps ${BASELINE} (the last release) and one version for every package.`);
} else {
  for (const problem of result.problems) console.error(problem);
  if (result.unreleased) console.error(`\n${result.unreleased}`);
  process.exit(1);
}
