/** A contract diff as text for a terminal, JSON for a tool, or Markdown for a pull request and a changelog entry. */
import type { ContractChange } from './contract-changes.js';
import { RULES, type Classification } from './rules.js';
import type { WorldBreak } from './world-breaks.js';

export type DiffFormat = 'text' | 'json' | 'markdown';

export interface DiffResult {
  base: { name: string; version: string | undefined };
  head: { name: string; version: string | undefined };
  breaking: boolean;
  changes: ContractChange[];
  /** Records of the worlds given with --world that the head contract refuses. */
  worldBreaks: WorldBreak[];
}

const HEADINGS: Record<Classification, string> = {
  'breaking-clients-and-servers': 'Breaking clients and servers',
  'breaking-clients': 'Breaking clients',
  'breaking-servers': 'Breaking servers',
  compatible: 'Compatible',
};

const ORDER = Object.keys(HEADINGS) as Classification[];

function versions(result: DiffResult): string {
  const v = (side: DiffResult['base']) => `${side.name}${side.version ? ` (${side.version})` : ''}`;
  return `${v(result.base)} -> ${v(result.head)}`;
}

function counts(result: DiffResult): string {
  const n = (c: Classification) => result.changes.filter((x) => x.classification === c).length;
  const breaking = result.changes.length - n('compatible');
  return `${result.changes.length} change${result.changes.length === 1 ? '' : 's'}, ${breaking} breaking`;
}

/** World breaks, one line per collection, field and reason, with the records it hits. */
function groupedWorldBreaks(breaks: WorldBreak[]): { world: string; collection: string; field: string; message: string; records: string[] }[] {
  const groups = new Map<string, { world: string; collection: string; field: string; message: string; records: string[] }>();
  for (const b of breaks) {
    const [collection, ...rest] = b.record.split(' ');
    const key = [b.world, collection, b.field, b.message].join('\u0000');
    const group = groups.get(key) ?? { world: b.world, collection: collection!, field: b.field, message: b.message, records: [] };
    group.records.push(rest.join(' '));
    groups.set(key, group);
  }
  return [...groups.values()];
}

function someRecords(records: string[]): string {
  return records.length <= 5 ? records.join(', ') : `${records.slice(0, 5).join(', ')} and ${records.length - 5} more`;
}

function text(result: DiffResult): string {
  const lines = [`Contract diff ${versions(result)}: ${counts(result)}`];
  for (const c of ORDER) {
    const changes = result.changes.filter((x) => x.classification === c);
    if (changes.length === 0) continue;
    lines.push('', `${HEADINGS[c]} (${changes.length}):`);
    for (const x of changes) lines.push(`  ${x.operationId} ${x.field || '(the operation)'}: ${x.detail}  [${x.rule}]`);
  }
  if (result.worldBreaks.length > 0) {
    lines.push('', `World records the new contract refuses (${result.worldBreaks.length}):`);
    for (const g of groupedWorldBreaks(result.worldBreaks)) {
      lines.push(`  ${g.world}: ${g.collection} ${g.field}: ${g.message} (${g.records.length}: ${someRecords(g.records)})`);
    }
  }
  return lines.join('\n');
}

function markdown(result: DiffResult): string {
  const lines = [`### Contract changes: ${versions(result).replace('->', '→')}`, '', `${counts(result)}.`];
  for (const c of ORDER) {
    const changes = result.changes.filter((x) => x.classification === c);
    if (changes.length === 0) continue;
    lines.push('', `#### ${HEADINGS[c]}`, '', '| operation | field | change | rule |', '| --- | --- | --- | --- |');
    for (const x of changes) {
      const cell = (s: string) => s.replace(/\|/g, '\\|');
      lines.push(`| \`${x.operationId}\` | ${x.field ? `\`${cell(x.field)}\`` : '(the operation)'} | ${cell(x.detail)} | \`${x.rule}\`: ${RULES[x.rule].says} |`);
    }
  }
  if (result.worldBreaks.length > 0) {
    lines.push('', '#### World records the new contract refuses', '', '| world | records | field | why |', '| --- | --- | --- | --- |');
    for (const g of groupedWorldBreaks(result.worldBreaks)) {
      lines.push(`| ${g.world} | ${g.collection}: ${someRecords(g.records)} | \`${g.field}\` | ${g.message.replace(/\|/g, '\\|')} |`);
    }
  }
  return lines.join('\n');
}

/**
 * The diff in the format asked for.
 *
 * @example
 * console.log(formatDiff(result, 'markdown'));
 */
export function formatDiff(result: DiffResult, format: DiffFormat): string {
  if (format === 'json') return JSON.stringify(result, null, 2);
  if (format === 'markdown') return markdown(result);
  return text(result);
}
