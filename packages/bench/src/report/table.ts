/**
 * A Markdown table whose columns line up, so that the same text reads well in a terminal and renders on GitHub.
 *
 * @example
 * markdownTable(['server', 'req/s'], [['bare Koa', '12,345']], ['left', 'right']);
 */
export function markdownTable(headers: string[], rows: string[][], align: ('left' | 'right')[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => (align[i] === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** 12345.6 -> "12,346"; NaN -> "n/a". */
export function count(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en') : 'n/a';
}

/** A number with fixed decimals; NaN -> "n/a". */
export function decimal(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}
