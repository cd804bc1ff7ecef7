/**
 * The commands the server prints (the reset line, the busy-port hint), written as they work where the server
 * was started: `npx customer-portal-server` is only printed where npx finds the installed bin without asking
 * the registry, whose package of that name belongs to nobody here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the printed commands depend on: the environment npm gives a script, the working directory, this file. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The absolute path of the running bin.js. */
  bin: string;
}

function currentContext(): CommandContext {
  return { env: process.env, cwd: process.cwd(), bin: fileURLToPath(new URL('./bin.js', import.meta.url)) };
}

/**
 * The command that runs `customer-portal-server <command>` from `context.cwd`:
 * - `npm run <script>` when the server was started by an npm script (or npx) of the package `npm run` finds
 *   from the working directory, and that package has a script running this command (this repository's
 *   `npm run db:reset`, or a team's own `"db:reset"` script);
 * - `npx --no-install customer-portal-server <command>` when the server is installed in a `node_modules` of the
 *   working directory or a folder above it, whose `.bin` npx then uses (`--no-install`: never the registry);
 * - otherwise `node <path to bin.js> <command>`, which works from anywhere.
 */
export function serverCommand(command: 'db:reset' | 'start', context: CommandContext = currentContext()): string {
  const script = npmPackageOf(context.cwd) === context.env.npm_package_json ? npmScriptFor(command, context.env) : undefined;
  if (script) return `npm run ${script}`;
  const suffix = command === 'start' ? '' : ` ${command}`;
  if (linkedBin(context)) return `npx --no-install customer-portal-server${suffix}`;
  const path = relative(context.cwd, context.bin);
  const shown = path.startsWith('..') || path === '' ? context.bin : path;
  return `node ${shellWord(shown)}${suffix}`;
}

/** `word` as one word of a POSIX shell command line: as it is when it needs no quoting, else single-quoted. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The name of a script in the package npm is running a script of (`npm_package_json`) that runs `command`. */
function npmScriptFor(command: string, env: NodeJS.ProcessEnv): string | undefined {
  const file = env.npm_package_json;
  if (!file || !env.npm_lifecycle_event || !existsSync(file)) return undefined;
  let scripts: Record<string, string>;
  try {
    scripts = (JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  } catch {
    return undefined;
  }
  const runsThisServer = (text: string) => /customer-portal-server|server\/dist\/bin\.js/.test(text);
  if (command === 'start') {
    // The script that started us is the start command, when it runs this server.
    const own = scripts[env.npm_lifecycle_event];
    return own && runsThisServer(own) && !/\bdb:reset\b/.test(own) ? env.npm_lifecycle_event : undefined;
  }
  return Object.keys(scripts).find((name) => {
    const text = scripts[name] ?? '';
    return runsThisServer(text) && new RegExp(`(^|\\s)${command}(\\s|$)`).test(text);
  });
}

/** The package.json `npm run` uses from `cwd`: the nearest one in it or above it. */
function npmPackageOf(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'package.json');
    if (dirname(dir) === dir) return undefined;
  }
}

/** Whether `<dir>/node_modules/.bin/customer-portal-server` exists in the working directory or above it. */
function linkedBin({ cwd, bin }: CommandContext): boolean {
  // The bin must be an installed copy (…/node_modules/@customer-portal/server/dist/bin.js), not a workspace's.
  if (!bin.includes(`${sep}node_modules${sep}`)) return false;
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', '.bin', 'customer-portal-server'))) return true;
    if (dirname(dir) === dir) return false;
  }
}
