/**
 * What a contract run is pointed at, from the command line or the environment. The environment is the one
 * channel into vitest's processes, so the runner writes the command line into it.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readWorldFile, SAMPLE_ACCOUNTS as CORE_SAMPLE_ACCOUNTS } from '@customer-portal/core';
import { SetupError } from './setup-error.js';

export const TARGET_NAMES = ['reference', 'reference-postgres', 'msw', 'prism', 'reference-via-prism-proxy', 'url'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** The targets `--ci` runs, in turn: each host, then the reference server under an independent validator. */
export const CI_TARGETS: readonly TargetName[] = ['reference', 'reference-postgres', 'msw', 'prism', 'reference-via-prism-proxy'];

export interface Account {
  email: string;
  password: string;
}

export interface ContractOptions {
  target: TargetName;
  /** Where the API is; required for `url`, ignored by the targets that start their own host. */
  baseUrl: string | undefined;
  /** The customer the journeys sign in as, and a second one for the isolation cases. */
  accounts: [Account, Account];
  /** Where `<target>.json` is written. */
  reportDir: string;
  /** A module whose default export is a list of MSW handlers put in front of the mocks' own (msw target only). */
  mswHandlers: string | undefined;
  /** A world file the reference server is seeded from instead of the sample world (reference target only). */
  world: string | undefined;
}

/** The sample accounts of fixtures/README.md (core's): the defaults, so the seeded hosts need no configuration. */
export const SAMPLE_ACCOUNTS: [Account, Account] = [...CORE_SAMPLE_ACCOUNTS];

function isTargetName(value: string): value is TargetName {
  return (TARGET_NAMES as readonly string[]).includes(value);
}

type Env = Record<string, string | undefined>;

/**
 * The options a run was given through `CONTRACT_*` variables.
 *
 * @example
 * optionsFromEnv({ CONTRACT_TARGET: 'url', CONTRACT_BASE_URL: 'https://api.example.com' }).baseUrl;
 * // 'https://api.example.com'
 */
export function optionsFromEnv(env: Env = process.env, cwd = process.cwd()): ContractOptions {
  const target = env['CONTRACT_TARGET'] || 'reference';
  if (!isTargetName(target)) {
    throw new SetupError(`Unknown contract target "${target}"; use one of ${TARGET_NAMES.join(', ')}.`);
  }
  const baseUrl = env['CONTRACT_BASE_URL'] || undefined;
  if (target === 'url' && !baseUrl) {
    throw new SetupError('The url target needs the deployment to test: pass --base-url https://... or set CONTRACT_BASE_URL.');
  }
  if (baseUrl && !URL.canParse(baseUrl)) throw new SetupError(`CONTRACT_BASE_URL "${baseUrl}" is not a URL.`);
  const world = env['CONTRACT_WORLD'] ? resolve(cwd, env['CONTRACT_WORLD']) : undefined;
  if (world && target !== 'reference') throw new SetupError(`--world seeds the reference server; the ${target} target serves its own data.`);
  // On a world of its own, the suite signs in as two of its customers unless told otherwise.
  const [first, second] = world ? worldAccounts(world) : SAMPLE_ACCOUNTS;
  return {
    target,
    baseUrl,
    accounts: [
      { email: env['CONTRACT_EMAIL'] || first.email, password: env['CONTRACT_PASSWORD'] || first.password },
      { email: env['CONTRACT_EMAIL_2'] || second.email, password: env['CONTRACT_PASSWORD_2'] || second.password },
    ],
    reportDir: resolve(cwd, env['CONTRACT_REPORT_DIR'] || 'reports/contract'),
    mswHandlers: env['CONTRACT_MSW_HANDLERS'] ? resolve(cwd, env['CONTRACT_MSW_HANDLERS']) : undefined,
    world,
  };
}

/**
 * Two customers of a world file, as they sign in: the first two with something of each kind to read (orders,
 * tickets, notifications), since the journeys open what the lists show; else the first two.
 */
function worldAccounts(path: string): [Account, Account] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SetupError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let world: ReturnType<typeof readWorldFile>['world'];
  try {
    world = readWorldFile(text, path).world;
  } catch (error) {
    throw new SetupError((error as Error).message);
  }
  const { customers, orders, tickets, notifications } = world;
  const has = (rows: { customer_id: number }[], id: number) => rows.some((row) => row.customer_id === id);
  const full = customers.filter((c) => has(orders, c.id) && has(tickets, c.id) && has(notifications, c.id));
  const [first, second] = full.length >= 2 ? full : customers;
  if (!first || !second) throw new SetupError(`${path} has fewer than two customers; the suite signs in as two (the second for isolation).`);
  return [first, second].map(({ email, password }) => ({ email, password })) as [Account, Account];
}

export interface CommandLine {
  /** `CONTRACT_*` variables the command line sets. */
  env: Record<string, string>;
  /** Run every CI target in turn, then the coverage gate. */
  ci: boolean;
  /** Run only the coverage gate, over the reports of earlier runs. */
  gate: boolean;
  help: boolean;
  /** Test-file filters, passed to vitest as they are; each must match a file of the suite. */
  filters: string[];
  /** `junit`: also write JUnit XML, one testsuite per target, to `output`. */
  reporter: 'summary' | 'junit';
  /** Where `--reporter junit` writes (default `<report dir>/junit.xml`). */
  output: string | undefined;
}

const REPORTERS = ['summary', 'junit'] as const;

/** parseArgs's own errors, as sentences that say what to do. */
function parseError(error: unknown): Error {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new SetupError(`Unknown option ${option}: customer-portal-contract --help lists the options.`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new SetupError(`${message.replace(/\.$/, '')}: customer-portal-contract --help lists the options.`);
  return error as Error;
}

/**
 * The runner's command line, as environment variables for the run.
 *
 * @example
 * parseCommandLine(['--target', 'url', '--base-url', 'https://api.example.com']).env;
 * // { CONTRACT_TARGET: 'url', CONTRACT_BASE_URL: 'https://api.example.com' }
 */
export function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string', short: 't' },
        'base-url': { type: 'string' },
        'report-dir': { type: 'string' },
        'msw-handlers': { type: 'string' },
        world: { type: 'string' },
        reporter: { type: 'string' },
        output: { type: 'string', short: 'o' },
        ci: { type: 'boolean', default: false },
        gate: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw parseError(error);
  }
  const { values, positionals } = parsed;
  if (values.target !== undefined && !isTargetName(values.target)) {
    throw new SetupError(`Unknown target "${values.target}"; use one of ${TARGET_NAMES.join(', ')}.`);
  }
  const reporter = values.reporter ?? 'summary';
  if (!(REPORTERS as readonly string[]).includes(reporter)) {
    throw new SetupError(`Unknown reporter "${reporter}"; use one of ${REPORTERS.join(', ')} (the summary is always printed).`);
  }
  const env: Record<string, string> = {};
  if (values.target) env['CONTRACT_TARGET'] = values.target;
  if (values['base-url']) env['CONTRACT_BASE_URL'] = values['base-url'];
  if (values['report-dir']) env['CONTRACT_REPORT_DIR'] = values['report-dir'];
  if (values['msw-handlers']) env['CONTRACT_MSW_HANDLERS'] = values['msw-handlers'];
  if (values.world) env['CONTRACT_WORLD'] = values.world;
  return {
    env,
    ci: values.ci,
    gate: values.gate,
    help: values.help,
    filters: positionals,
    reporter: reporter as CommandLine['reporter'],
    output: values.output,
  };
}
