import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { optionsFromEnv, parseCommandLine, SAMPLE_ACCOUNTS } from '../src/options.js';

describe('choosing a target', () => {
  it('defaults to the reference server, the sample accounts and reports/contract', () => {
    const options = optionsFromEnv({}, '/repo');
    expect(options).toMatchObject({ target: 'reference', accounts: SAMPLE_ACCOUNTS, reportDir: '/repo/reports/contract' });
  });

  it('reads a deployment and its two customers from the environment', () => {
    const options = optionsFromEnv({
      CONTRACT_TARGET: 'url',
      CONTRACT_BASE_URL: 'https://api.example.com',
      CONTRACT_EMAIL: 'qa@example.com',
      CONTRACT_PASSWORD: 'secret',
      CONTRACT_EMAIL_2: 'qa2@example.com',
      CONTRACT_PASSWORD_2: 'secret2',
    });
    expect(options.baseUrl).toBe('https://api.example.com');
    expect(options.accounts).toEqual([
      { email: 'qa@example.com', password: 'secret' },
      { email: 'qa2@example.com', password: 'secret2' },
    ]);
  });

  it.each([
    [{ CONTRACT_TARGET: 'staging' }, 'Unknown contract target "staging"'],
    [{ CONTRACT_TARGET: 'url' }, 'The url target needs the deployment to test'],
    [{ CONTRACT_TARGET: 'url', CONTRACT_BASE_URL: 'api.example.com' }, 'is not a URL'],
  ])('refuses %o', (env, message) => {
    expect(() => optionsFromEnv(env)).toThrow(message);
  });

  it('turns the command line into the environment of the run, with file filters left for vitest', () => {
    expect(parseCommandLine(['--target', 'url', '--base-url', 'https://api.example.com', 'orders'])).toEqual({
      env: { CONTRACT_TARGET: 'url', CONTRACT_BASE_URL: 'https://api.example.com' },
      ci: false,
      gate: false,
      help: false,
      filters: ['orders'],
      reporter: 'summary',
      output: undefined,
    });
    expect(() => parseCommandLine(['--target', 'staging'])).toThrow('Unknown target "staging"');
  });

  it.each([
    [['--frob'], 'Unknown option --frob: customer-portal-contract --help lists the options.'],
    [['--target'], "Option '-t, --target <value>' argument missing: customer-portal-contract --help lists the options."],
    [['--reporter', 'tap'], 'Unknown reporter "tap"; use one of summary, junit (the summary is always printed).'],
  ])('a bad command line %j is one sentence, a setup error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(expect.objectContaining({ name: 'SetupError', message }));
  });

  it('reads --reporter junit and --output', () => {
    expect(parseCommandLine(['--reporter', 'junit', '--output', 'contract.xml'])).toMatchObject({ reporter: 'junit', output: 'contract.xml' });
  });
});

describe('--help', () => {
  it('names every option the command line accepts, and each one it names is accepted', () => {
    const help = execFileSync(process.execPath, [fileURLToPath(new URL('../bin/contract.js', import.meta.url)), '--help'], { encoding: 'utf8' });
    const named = [...new Set(help.match(/--[a-z][a-z-]+/g))].filter((option) => !['--allow-breaking', '--format', '--world', '--errors'].includes(option));
    expect(named.sort()).toEqual(['--base-url', '--ci', '--gate', '--help', '--msw-handlers', '--output', '--report-dir', '--reporter', '--target']);
    for (const option of named) expect(() => parseCommandLine([option, ...(['--ci', '--gate', '--help'].includes(option) ? [] : ['junit'])])).not.toThrow(/Unknown option/);
  });
});
