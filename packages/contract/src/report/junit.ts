/**
 * JUnit XML for a CI's test tab: one testsuite per target, one testcase per case; a blocked or not-applicable
 * case is skipped with its reason, a target that could not start is one errored case saying why.
 */
import type { ContractReport } from './contract-report.js';

/** A target of the run: its report, or the sentence that stopped it before any case ran. */
export type JunitTarget = { target: string; report: ContractReport } | { target: string; setupError: string };

function escape(text: string): string {
  // XML 1.0 has no escape for most control characters: drop them (an ANSI escape among them).
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\u001b\[[0-9;]*m/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const firstLine = (text: string) => text.split('\n')[0] ?? '';
const seconds = (ms: number) => (ms / 1000).toFixed(3);

function suiteOf(entry: JunitTarget): string {
  if ('setupError' in entry) {
    const message = escape(entry.setupError);
    return [
      `  <testsuite name="${escape(entry.target)}" tests="1" failures="0" errors="1" skipped="0" time="0">`,
      `    <testcase classname="${escape(entry.target)}" name="the target starts" time="0">`,
      `      <error message="${message}">${message}</error>`,
      '    </testcase>',
      '  </testsuite>',
    ].join('\n');
  }
  const { report } = entry;
  const cases = report.cases.map((c) => {
    const open = `    <testcase classname="${escape(`${report.target}.${c.file}`)}" name="${escape(c.name)}" time="${seconds(c.durationMs)}"`;
    const message = c.message ?? '';
    if (c.state === 'passed') return `${open}/>`;
    if (c.state === 'failed') return `${open}>\n      <failure message="${escape(firstLine(message))}">${escape(message)}</failure>\n    </testcase>`;
    const reason = c.state === 'blocked' ? `blocked: ${message}` : `not applicable: ${message}`;
    return `${open}>\n      <skipped message="${escape(reason)}"/>\n    </testcase>`;
  });
  // Errors outside any case (a hook, a file that did not load) are cases of their own, or the CI would show green.
  const caseFailures = new Set(report.cases.filter((c) => c.state === 'failed').map((c) => `${c.file} > ${c.name}`));
  const outside = report.failures.filter((f) => !caseFailures.has(f.name));
  for (const f of outside) {
    cases.push(
      `    <testcase classname="${escape(report.target)}" name="${escape(`${f.name} (outside any case)`)}" time="0">\n` +
        `      <error message="${escape(firstLine(f.message))}">${escape(f.message)}</error>\n    </testcase>`,
    );
  }
  const failures = report.cases.filter((c) => c.state === 'failed').length;
  const skipped = report.cases.filter((c) => c.state === 'blocked' || c.state === 'not-applicable').length;
  return [
    `  <testsuite name="${escape(report.target)}" tests="${cases.length}" failures="${failures}" errors="${outside.length}" skipped="${skipped}" ` +
      `time="${seconds(report.durationMs)}" timestamp="${report.startedAt.replace(/\.\d+Z$/, '')}">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

/**
 * The JUnit XML of one invocation's targets.
 *
 * @example
 * writeFileSync('contract.xml', formatJunit([{ target: 'url', report }]));
 */
export function formatJunit(entries: JunitTarget[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="customer-portal-contract">', ...entries.map(suiteOf), '</testsuites>', ''].join('\n');
}
