/**
 * The browser the browser tests drive, with nothing installed by hand: `CHROMIUM_PATH` when set, else a
 * Chromium or Chrome the machine has, else the Chromium that @sparticuz/chromium (a development dependency)
 * ships inside its npm package, unpacked once into the temporary folder with the libraries it brings
 * (`CHROMIUM_PATH=bundled` chooses that one even when the machine has its own).
 * Playwright's own browser download is not used: CI cannot reach it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Where machines keep Chromium or Chrome: Debian's and Ubuntu's packages, Google's, and macOS's. */
const INSTALLED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The flags every browser test runs with: headless, no sandbox (CI runs as root), nothing reaching out. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface FoundChromium {
  executablePath: string;
  /** Where it came from, for a test's log line. */
  source: string;
  /** Variables its process needs (the bundled libraries and fonts of @sparticuz/chromium). */
  env?: Record<string, string>;
}

const found = new Map<string, Promise<FoundChromium | undefined>>();

/** The browser to drive, or undefined when there is none and none can be unpacked (another OS or CPU). */
export function findChromium(choice = process.env.CHROMIUM_PATH ?? ''): Promise<FoundChromium | undefined> {
  let browser = found.get(choice);
  if (!browser) found.set(choice, (browser = locate(choice)));
  return browser;
}

async function locate(chosen: string): Promise<FoundChromium | undefined> {
  if (chosen === 'bundled') return unpackSparticuz();
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, which does not exist.`);
    return { executablePath: chosen, source: 'CHROMIUM_PATH' };
  }
  const installed = INSTALLED.find((path) => existsSync(path));
  if (installed) return { executablePath: installed, source: installed };
  // @sparticuz/chromium is built for Linux on x64 (it targets AWS Lambda, whose libraries it brings along).
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  return unpackSparticuz();
}

async function unpackSparticuz(): Promise<FoundChromium> {
  const { default: Sparticuz } = await import('@sparticuz/chromium');
  // Unpacks chromium, its fonts and SwiftShader into the temporary folder, unless they are there already.
  const executablePath = await Sparticuz.executablePath();
  // The libraries it needs beside glibc (NSS, expat): it unpacks them itself only on Amazon Linux, so here
  // they are unpacked once, where it would put them, and handed to the browser's process alone.
  const libraries = join(tmpdir(), 'al2023', 'lib');
  if (!existsSync(join(libraries, 'libnss3.so'))) {
    const archive = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '../../bin/al2023.tar.br');
    execFileSync('tar', ['-x', '-C', tmpdir()], { input: brotliDecompressSync(readFileSync(archive)) });
  }
  return {
    executablePath,
    source: `@sparticuz/chromium (unpacked in ${tmpdir()})`,
    env: { LD_LIBRARY_PATH: [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), FONTCONFIG_PATH: join(tmpdir(), 'fonts') },
  };
}

/**
 * Launches the browser headless with the tests' flags. Not @sparticuz/chromium's own `args`: those are for a
 * serverless function (`--single-process`, `--disable-web-security`, ...) and would change what a test sees.
 */
export async function launchChromium(options: LaunchOptions = {}, choice?: string): Promise<Browser> {
  const browser = await findChromium(choice);
  if (!browser) throw new Error('No Chromium or Chrome found and none can be unpacked here: set CHROMIUM_PATH.');
  return chromium.launch({
    ...options,
    executablePath: browser.executablePath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    ...(browser.env ? { env: { ...process.env, ...browser.env, ...options.env } } : {}),
  });
}
