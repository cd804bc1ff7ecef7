/**
 * The repository follows its own contract: one version for the contract and every package, a committed
 * baseline (the contract as last released), and a change that breaks clients only with a new major version
 * (one that only asks more of servers with a new minor), the baseline moved to it, and a CHANGELOG.md entry for
 * that version holding the diff's Markdown.
 */
import { compareContracts, isBreaking, type ContractChange } from './contract-changes.js';
import { formatDiff } from './format-diff.js';

type Doc = Record<string, any>;

export interface ReleaseState {
  /** The contract being worked on (openapi.yaml). */
  current: Doc;
  /** The committed baseline: the contract as last released. */
  baseline: Doc;
  /** The baseline before it last moved (from git), when it has moved since it was added. */
  previousBaseline: Doc | undefined;
  changelog: string;
  /** Each package's name and version. */
  packages: { name: string; version: string }[];
  /** How to name the files in the sentences: `openapi.yaml`, `openapi.baseline.yaml`. */
  names: { current: string; baseline: string };
}

export interface ReleaseGateResult {
  ok: boolean;
  /** One sentence per problem, saying what to do. */
  problems: string[];
  /** The breaking changes not yet released, as Markdown, for the changelog entry. */
  unreleased: string | undefined;
}

const major = (version: string | undefined) => Number(/^(\d+)\./.exec(version ?? '')?.[1] ?? Number.NaN);
const minor = (version: string | undefined) => Number(/^\d+\.(\d+)\./.exec(version ?? '')?.[1] ?? Number.NaN);

/**
 * The release a set of changes needs, as semver says for a contract: a change that breaks clients is a new
 * major; one that only asks more of servers (a new operation, a new optional request field) is a new minor,
 * which clients take without change; a compatible one needs no release.
 */
type Release = 'major' | 'minor' | undefined;
function releaseFor(changes: ContractChange[]): Release {
  if (changes.some((c) => c.classification === 'breaking-clients' || c.classification === 'breaking-clients-and-servers')) return 'major';
  return isBreaking(changes) ? 'minor' : undefined;
}

/** Whether `after` is at least the release `needed` above `before`. */
function moved(before: string | undefined, after: string | undefined, needed: 'major' | 'minor'): boolean {
  if (major(after) !== major(before)) return major(after) > major(before);
  return needed === 'minor' && minor(after) > minor(before);
}

/** The rows of the diff's Markdown tables: what a changelog entry must hold (its heading names files, which may differ). */
function tableRows(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('| `'));
}

/** The text of `## <version>` (or `## [<version>]`) in a changelog, up to the next `## `. */
export function changelogEntry(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n');
  const escaped = version.replace(/\./g, '\\.');
  const start = lines.findIndex((line) => new RegExp(`^## \\[?v?${escaped}\\]?(\\s|$)`).test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

function markdownOf(before: Doc, after: Doc, names: { before: string; after: string }, changes: ContractChange[]): string {
  return formatDiff(
    {
      base: { name: names.before, version: before['info']?.version },
      head: { name: names.after, version: after['info']?.version },
      breaking: isBreaking(changes),
      changes,
      worldBreaks: [],
    },
    'markdown',
  );
}

/**
 * Checks the release state; `problems` says what to move.
 *
 * @example
 * const { ok, problems } = checkRelease(state);
 */
export function checkRelease(state: ReleaseState): ReleaseGateResult {
  const problems: string[] = [];
  const version: string | undefined = state.current['info']?.version;
  const baselineVersion: string | undefined = state.baseline['info']?.version;

  const others = state.packages.filter((p) => p.version !== version);
  if (others.length > 0) {
    problems.push(
      `One version for the contract and the packages: ${state.names.current} is ${version}, but ${others.map((p) => `${p.name} is ${p.version}`).join(', ')}.`,
    );
  }

  // The last release: a move of the baseline that breaks clients needs a new major, one that breaks only
  // servers a new minor, and either its changelog entry.
  if (state.previousBaseline) {
    const released = compareContracts(state.previousBaseline, state.baseline);
    const needed = releaseFor(released);
    if (needed) {
      const before: string | undefined = state.previousBaseline['info']?.version;
      if (!moved(before, baselineVersion, needed)) {
        problems.push(
          needed === 'major'
            ? `${state.names.baseline} moved from ${before} with breaking changes but kept major version ${major(baselineVersion)}: a breaking release is a new major version.`
            : `${state.names.baseline} moved from ${before} with changes servers must implement but kept version ${baselineVersion}: such a release is at least a new minor version.`,
        );
      }
      const entry = changelogEntry(state.changelog, baselineVersion ?? '');
      const rows = tableRows(markdownOf(state.previousBaseline, state.baseline, { before: 'baseline', after: 'release' }, released));
      const missing = rows.filter((row) => !entry?.includes(row));
      if (!entry) problems.push(`CHANGELOG.md has no "## ${baselineVersion}" entry for the release ${baselineVersion}: add one holding the diff's Markdown.`);
      else if (missing.length > 0) problems.push(`CHANGELOG.md's entry for ${baselineVersion} lacks ${missing.length} of the diff's ${rows.length} rows, such as: ${missing[0]}`);
    }
  }

  // What is not released yet: a change that breaks clients waits for the next major, one that breaks only
  // servers for the next minor.
  const unreleased = compareContracts(state.baseline, state.current);
  const needed = releaseFor(unreleased);
  let markdown: string | undefined;
  if (needed) {
    markdown = markdownOf(state.baseline, state.current, { before: state.names.baseline, after: state.names.current }, unreleased);
    const next = needed === 'major' ? `${major(baselineVersion) + 1}.0.0` : `${major(baselineVersion)}.${minor(baselineVersion) + 1}.0`;
    const count = unreleased.filter((c) => c.classification !== 'compatible').length;
    const what = needed === 'major' ? `breaking change${count === 1 ? '' : 's'}` : `change${count === 1 ? '' : 's'} that servers must implement`;
    problems.push(
      `${state.names.current} has ${count} ${what} against ${state.names.baseline} (${baselineVersion}, the last release). ` +
        `To release them: set ${next} in info.version and every package.json, copy ${state.names.current} to ${state.names.baseline}, and add a "## ${next}" entry to CHANGELOG.md holding the Markdown below.`,
    );
  } else if (major(version) < major(baselineVersion)) {
    problems.push(`${state.names.current} is ${version}, older than its baseline ${baselineVersion}.`);
  }
  return { ok: problems.length === 0, problems, unreleased: markdown };
}
