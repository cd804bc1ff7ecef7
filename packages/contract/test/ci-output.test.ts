/**
 * What a backend team's CI sees: the runner against backends of the test's own. A broken backend's causes
 * are each named once and fit a screen; a run that cannot start says why in a sentence and exits 2; a CI log
 * carries no escape codes; the JUnit file has a testsuite per target, its failures, and blocked cases skipped.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@customer-portal/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBreakingProxy } from './support/breaking-proxy.js';
import { runBin, type ContractRun } from './support/run-contract.js';
import { answersEmptyObjects, nothingListening, refusesSignIn, type TestBackend } from './support/test-backends.js';

const ESCAPE = '\u001b[';
const junitArgs = (run: string) => ['--reporter', 'junit', '--output', join(run, 'junit.xml')];

/** The summary's first lines, from its heading on (the per-file lines come before it). */
function summary(run: ContractRun): string[] {
  const lines = run.stdout.split('\n');
  return lines.slice(lines.findIndex((line) => line.startsWith('Contract run against')));
}

describe('a backend that answers 200 {} to everything', () => {
  let backend: TestBackend;
  let run: ContractRun;
  beforeAll(async () => {
    backend = await answersEmptyObjects();
    // --report-dir comes first from runBin; the JUnit file goes where runBin reads it.
    run = await runBin(['--target', 'url', '--base-url', backend.url, '--reporter', 'junit']);
  });
  afterAll(() => backend.close());

  it('exits 1: the contract is broken, the run itself was fine', () => {
    expect(run.code).toBe(1);
  });

  it('names the broken sign-in once, at the top, and blocks the cases that needed it instead of failing them', () => {
    const [heading, cause, blocked] = summary(run);
    expect(heading).toBe(`Contract run against url (${backend.url}): FAILED`);
    expect(cause).toBe(
      '  Signing in as ali.jawad@example.com broke the contract: POST /auth/login answered 200 (response.body.access_token: Access token is required and 2 more fields).',
    );
    expect(blocked).toMatch(/^ {2}\d+ cases that need a signed-in customer are blocked by it\.$/);
    expect(run.report!.tests.blocked).toBeGreaterThan(100);
    expect(run.report!.tests.failed).toBeLessThan(run.report!.tests.blocked);
    expect(run.stdout.match(/Signing in as/g)).toHaveLength(1);
  });

  it('never calls a breach a connection problem', () => {
    expect(run.stdout + run.stderr).not.toMatch(/could not reach|check your connection/i);
  });

  it('groups breaches by operation and field, with counts, and fits a screen', () => {
    expect(run.stdout).toMatch(/^ +\d+× login \(200\) response\.body\.access_token: Access token is required\.$/m);
    const groups = run.stdout.split('\n').filter((line) => /^ +\d+× /.test(line));
    expect(new Set(groups.map((line) => line.replace(/^ +\d+× /, ''))).size).toBe(groups.length);
    expect(run.stdout.split('\n').length).toBeLessThanOrEqual(65);
    expect(run.stderr).toBe('');
  });

  it('writes no escape codes into a CI log (CI=true, piped)', () => {
    expect(run.stdout).not.toContain(ESCAPE);
  });

  it('writes JUnit: one testsuite for the target, failed cases as failures, blocked cases skipped with the cause', () => {
    const junit = run.junit!;
    expect(junit.match(/<testsuite /g)).toHaveLength(1);
    const { failed, blocked, notApplicable } = run.report!.tests;
    expect(junit).toContain(`<testsuite name="url" tests="${run.report!.cases.length}" failures="${failed}" errors="0" skipped="${blocked + notApplicable}"`);
    expect(junit.match(/<failure /g)).toHaveLength(failed);
    expect(junit).toContain('<skipped message="blocked: signing in as ali.jawad@example.com broke the contract: POST /auth/login answered 200');
    expect(junit).toContain('<skipped message="not applicable: a deployment has its own data');
  });
});

describe('a backend that breaks one field of one operation', () => {
  let dir: string;
  let close: () => Promise<void>;
  let run: ContractRun;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contract-one-field-'));
    const server = await startServer({ port: 0, host: '127.0.0.1', databasePath: join(dir, 'portal.sqlite'), log: false, validateResponses: false });
    const proxy = await startBreakingProxy(server.url, ({ method, path, status, body }) => {
      if (method !== 'GET' || status !== 200 || !/^\/api\/v1\/customer\/orders\/ORD\w+$/.test(path)) return undefined;
      return { status, body: { ...(body as object), total: String((body as { total: number }).total) } };
    });
    close = async () => {
      await proxy.close();
      await server.close();
    };
    run = await runBin(['--target', 'url', '--base-url', proxy.url, 'orders']);
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 and names the one field once, with how many responses broke it', () => {
    expect(run.code).toBe(1);
    const [heading, counts, blank, groupsHeading, group, after] = summary(run);
    expect(heading).toMatch(/^Contract run against url \(http:\/\/127\.0\.0\.1:\d+\): FAILED$/);
    expect(counts).toMatch(/^ {2}\d+ passed, \d+ failed, \d+ not applicable, [\d.]+ s$/);
    expect(blank).toBe('');
    expect(groupsHeading).toMatch(/^Breaches by operation and field \(\d+ responses broke the contract\):$/);
    expect(group).toMatch(/^ +\d+× getOrder \(200\) response\.body\.total: Total must be a number\.$/);
    expect(after).toBe('');
    expect(run.report!.signIn).toBeUndefined();
    expect(run.report!.tests.blocked).toBe(0);
  });

  it('does not count a response that broke the contract as covered', () => {
    const getOrder = run.report!.coverage.operations.find((o) => o.operationId === 'getOrder')!;
    expect(getOrder.produced['200']).toBeUndefined();
    expect(getOrder.produced['404']).toBeGreaterThan(0);
  });
});

describe('a run that cannot start says why in a sentence and exits 2', () => {
  it('credentials the backend refuses', async () => {
    const backend = await refusesSignIn();
    try {
      const run = await runBin(['--target', 'url', '--base-url', backend.url]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(
        `${backend.url} refused to sign in ali.jawad@example.com (401: The email or password is incorrect.). Set CONTRACT_EMAIL and CONTRACT_PASSWORD to an account of that backend.`,
      );
      expect(run.stdout).toBe('');
    } finally {
      await backend.close();
    }
  });

  it('a URL where nothing listens', async () => {
    const url = await nothingListening();
    const run = await runBin(['--target', 'url', '--base-url', url]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`Nothing answered at ${url} (connection refused): is the backend running, and is --base-url right?`);
  });

  it.each([
    ['an unknown option', ['--target', 'url', '--base-url', 'http://127.0.0.1:1', '--retries', '3'], 'Unknown option --retries: customer-portal-contract --help lists the options.'],
    [
      'a file filter that matches nothing',
      ['--target', 'url', '--base-url', 'http://127.0.0.1:1', 'ordres'],
      'No file of the suite matches "ordres": the files are auth, bad-requests, dashboard, isolation, notifications, orders, profile-and-settings, returns, routes, tickets, tracking.',
    ],
  ])('%s', async (_what, args, sentence) => {
    const run = await runBin(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(sentence);
  });

  it('writes the sentence into the JUnit file too, so the CI\u2019s test tab is not empty', async () => {
    const url = await nothingListening();
    const out = mkdtempSync(join(tmpdir(), 'contract-junit-'));
    try {
      const run = await runBin(['--target', 'url', '--base-url', url, ...junitArgs(out)]);
      expect(run.code).toBe(2);
      const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
      expect(junit).toContain('<testsuite name="url" tests="1" failures="0" errors="1"');
      expect(junit).toContain(`<error message="Nothing answered at ${url} (connection refused)`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('colours', () => {
  it('FORCE_COLOR asks for them even in a pipe; NO_COLOR keeps them off', async () => {
    const backend = await answersEmptyObjects();
    try {
      const run = await runBin(['--target', 'url', '--base-url', backend.url, 'routes'], { FORCE_COLOR: '1' });
      expect(run.stdout).toContain(ESCAPE);
      const off = await runBin(['--target', 'url', '--base-url', backend.url, 'routes'], { NO_COLOR: '1' });
      expect(off.stdout).not.toContain(ESCAPE);
    } finally {
      await backend.close();
    }
  });
});

describe('several targets (--ci)', () => {
  it('exits with the highest code among them: a target that cannot start (2) outranks the others', async () => {
    // No cluster named: reference-postgres cannot start in CI, while the other targets run (one suite file each).
    const run = await runBin(['--ci', 'routes'], { TEST_DATABASE_URL: '' }, 'reference');
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^ {2}reference-postgres +did not start: /m);
    expect(run.stdout).toMatch(/^ {2}reference +passed/m);
  }, 180_000);
});
