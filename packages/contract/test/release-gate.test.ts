/**
 * The repository's own release gate: a breaking change of openapi.yaml passes only as a release (a new major
 * in info.version and every package, the baseline moved to it, a CHANGELOG.md entry holding the diff).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareContracts } from '../src/diff/contract-changes.js';
import { formatDiff } from '../src/diff/format-diff.js';
import { changelogEntry, checkRelease, type ReleaseState } from '../src/diff/release-gate.js';

type Doc = Record<string, any>;

// The repository's contract, as released at 1.0.0 in these tests whatever its own version is now.
const contractFile = readFileSync(fileURLToPath(new URL('../../../openapi.yaml', import.meta.url)), 'utf8');
const releasedAfresh = (): Doc => withVersion(parse(contractFile), '1.0.0');
const released: Doc = releasedAfresh();
const names = { current: 'openapi.yaml', baseline: 'openapi.baseline.yaml' };
const packagesAt = (version: string) => ['@customer-portal/sdk', '@customer-portal/contract'].map((name) => ({ name, version }));

/** The released contract with `priority` required on a new ticket (breaks clients), at `version`. */
function breaking(version: string): Doc {
  const doc = structuredClone(released);
  doc['info'].version = version;
  doc['components'].schemas.CreateTicketRequest.required.push('priority');
  return doc;
}

/** The released contract with a new optional field on a new ticket (servers must accept it; clients are unaffected), at `version`. */
function askingMoreOfServers(version: string, from: Doc = released): Doc {
  const doc = structuredClone(from);
  doc['info'].version = version;
  doc['components'].schemas.CreateTicketRequest.properties.channel = { type: 'string' };
  return doc;
}

function withVersion(doc: Doc, version: string): Doc {
  return { ...doc, info: { ...doc['info'], version } };
}

/** The changelog entry a release writes: the diff's Markdown under its version. */
function changelogFor(before: Doc, after: Doc, version: string): string {
  const changes = compareContracts(before, after);
  const markdown = formatDiff({ base: { name: 'openapi.baseline.yaml', version: '1.0.0' }, head: { name: 'openapi.yaml', version }, breaking: true, changes, worldBreaks: [] }, 'markdown');
  return `# Changelog\n\n## Unreleased\n\n## ${version} - 2026-12-07\n\n${markdown}\n\n## 1.0.0\n\nThe first release.\n`;
}

function state(partial: Partial<ReleaseState>): ReleaseState {
  return { current: released, baseline: released, previousBaseline: undefined, changelog: '', packages: packagesAt('1.0.0'), names, ...partial };
}

describe('the release gate', () => {
  it('passes the contract as released', () => {
    expect(checkRelease(state({}))).toEqual({ ok: true, problems: [], unreleased: undefined });
  });

  it('fails a breaking change without a version bump, saying what to move, with the changelog\u2019s Markdown', () => {
    const result = checkRelease(state({ current: breaking('1.0.0') }));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'openapi.yaml has 1 breaking change against openapi.baseline.yaml (1.0.0, the last release). To release them: set 2.0.0 in info.version and every package.json, ' +
        'copy openapi.yaml to openapi.baseline.yaml, and add a "## 2.0.0" entry to CHANGELOG.md holding the Markdown below.',
    ]);
    expect(result.unreleased).toContain('| `createTicket` | `request.body.priority` | now required | `request-field-made-required`');
  });

  it('fails a version bump alone: the baseline has not moved, so the change is not released', () => {
    const result = checkRelease(state({ current: breaking('2.0.0'), packages: packagesAt('2.0.0') }));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/^openapi\.yaml has 1 breaking change against openapi\.baseline\.yaml \(1\.0\.0/);
  });

  it('passes a breaking release: a new major everywhere, the baseline moved, the diff in CHANGELOG.md', () => {
    const next = breaking('2.0.0');
    const result = checkRelease(state({ current: next, baseline: next, previousBaseline: released, changelog: changelogFor(released, next, '2.0.0'), packages: packagesAt('2.0.0') }));
    expect(result).toEqual({ ok: true, problems: [], unreleased: undefined });
  });

  it('fails a breaking release without its changelog entry', () => {
    const next = breaking('2.0.0');
    const result = checkRelease(state({ current: next, baseline: next, previousBaseline: released, changelog: '# Changelog\n\n## 1.0.0\n', packages: packagesAt('2.0.0') }));
    expect(result.problems).toEqual([`CHANGELOG.md has no "## 2.0.0" entry for the release 2.0.0: add one holding the diff's Markdown.`]);
  });

  it('fails a breaking release that kept its major version', () => {
    const next = breaking('1.1.0');
    const result = checkRelease(state({ current: next, baseline: next, previousBaseline: released, changelog: changelogFor(released, next, '1.1.0'), packages: packagesAt('1.1.0') }));
    expect(result.problems).toEqual(['openapi.baseline.yaml moved from 1.0.0 with breaking changes but kept major version 1: a breaking release is a new major version.']);
  });

  it('passes a compatible change without a bump', () => {
    const next = structuredClone(released);
    next['components'].schemas.Order.properties.gift_note = { type: 'string' };
    expect(checkRelease(state({ current: next })).ok).toBe(true);
  });

  it('asks a new minor, not a major, for a change that only asks more of servers (a new optional request field)', () => {
    const result = checkRelease(state({ current: askingMoreOfServers('1.0.0') }));
    expect(result.problems).toEqual([
      'openapi.yaml has 1 change that servers must implement against openapi.baseline.yaml (1.0.0, the last release). To release them: set 1.1.0 in info.version and every package.json, ' +
        'copy openapi.yaml to openapi.baseline.yaml, and add a "## 1.1.0" entry to CHANGELOG.md holding the Markdown below.',
    ]);
    expect(result.unreleased).toContain('`request-field-added`');
  });

  it('passes a minor release of a change that only asks more of servers', () => {
    const next = askingMoreOfServers('1.1.0');
    const result = checkRelease(state({ current: next, baseline: next, previousBaseline: released, changelog: changelogFor(released, next, '1.1.0'), packages: packagesAt('1.1.0') }));
    expect(result).toEqual({ ok: true, problems: [], unreleased: undefined });
  });

  it('compares the baseline twice without one comparison changing the other (the release, then what is unreleased)', () => {
    // Documents no other comparison has read: the repository's own contract, whose nullable dates a comparison
    // that rewrote its input would see as changed the second time.
    const next = askingMoreOfServers('1.1.0', releasedAfresh());
    const result = checkRelease(state({ current: askingMoreOfServers('1.1.0', releasedAfresh()), baseline: next, previousBaseline: releasedAfresh(), changelog: changelogFor(released, next, '1.1.0'), packages: packagesAt('1.1.0') }));
    expect(result).toEqual({ ok: true, problems: [], unreleased: undefined });
  });

  it('fails a release of a change that servers must implement that kept its version', () => {
    const next = askingMoreOfServers('1.0.0');
    const result = checkRelease(state({ current: next, baseline: next, previousBaseline: released, changelog: changelogFor(released, next, '1.0.0') }));
    expect(result.problems).toEqual(['openapi.baseline.yaml moved from 1.0.0 with changes servers must implement but kept version 1.0.0: such a release is at least a new minor version.']);
  });

  it('fails when a package\u2019s version is not the contract\u2019s', () => {
    const result = checkRelease(state({ current: withVersion(released, '1.0.0'), packages: [...packagesAt('1.0.0'), { name: '@customer-portal/server', version: '0.1.0' }] }));
    expect(result.problems).toEqual(['One version for the contract and the packages: openapi.yaml is 1.0.0, but @customer-portal/server is 0.1.0.']);
  });
});

describe('changelogEntry', () => {
  it.each([
    ['## 2.0.0', '2.0.0', 'body'],
    ['## [2.0.0] - 2026-12-07', '2.0.0', 'body'],
    ['## 2.0.1', '2.0.0', undefined],
  ])('reads "%s" as the entry of %s', (heading, version, want) => {
    expect(changelogEntry(`# Changelog\n\n${heading}\nbody\n## 1.0.0\nold\n`, version)?.trim()).toBe(want);
  });
});
