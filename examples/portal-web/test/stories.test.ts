/**
 * Every story renders in Chromium without an error: `storybook build` (as CI runs it), served over HTTP on
 * 127.0.0.1, each story opened on its own, its play function (the notable states) run to the end.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const appRoot = fileURLToPath(new URL('..', import.meta.url));
const storybookBin = join(appRoot, 'node_modules', '.bin', 'storybook');
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The built Storybook, as any static host would serve it. */
function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
      response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
    }),
  );
}

interface StoryEntry {
  id: string;
  title: string;
  name: string;
  type: string;
}

if (!existsSync(CHROMIUM)) {
  it('reports that the stories were not rendered, and fails in CI', () => {
    console.warn(`stories not rendered: ${CHROMIUM} not found`);
    expect(process.env.CI, 'CI must install Chromium').toBeUndefined();
  });
} else {
  describe('the Storybook of every page', () => {
    let outDir: string;
    let site: { server: Server; url: string };
    let browser: Browser;
    let stories: StoryEntry[] = [];

    beforeAll(async () => {
      outDir = await mkdtemp(join(tmpdir(), 'portal-storybook-'));
      await promisify(execFile)(storybookBin, ['build', '--quiet', '--output-dir', outDir], { cwd: appRoot, env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
      const index = JSON.parse(await readFile(join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, StoryEntry> };
      stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
      site = await serve(outDir);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => site?.server.close(resolve));
      if (outDir) await rm(outDir, { recursive: true, force: true });
    });

    it('has a story for every page of the portal, and for its notable states', () => {
      const pages = new Set(stories.map((story) => story.title));
      expect([...pages].sort()).toEqual(
        [
          'Pages/Dashboard',
          'Pages/New ticket',
          'Pages/Notifications',
          'Pages/Order details',
          'Pages/Order tracking',
          'Pages/Orders',
          'Pages/Profile',
          'Pages/Returns and refunds',
          'Pages/Settings',
          'Pages/Sign in',
          'Pages/Ticket details',
          'Pages/Tickets',
        ].sort(),
      );
      expect(stories.length).toBeGreaterThanOrEqual(40);
    });

    it('renders every story, and runs its play function, without an error', async () => {
      const failures: string[] = [];
      // Reduced motion: Storybook waits for running animations before it calls a story finished, and a loading
      // spinner never stops.
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, reducedMotion: 'reduce' });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          // The browser logs every 4xx and 5xx it receives; an error state's story asks for exactly those.
          if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
        });
        await page.addInitScript(() => {
          // Storybook's channel says when a story has finished, and whether it failed.
          let channel: { on(event: string, listener: (payload: unknown) => void): void } | undefined;
          Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
            configurable: true,
            get: () => channel,
            set(value) {
              channel = value;
              value.on('storyFinished', (payload: unknown) => ((window as unknown as { storyFinished: unknown }).storyFinished = payload));
            },
          });
        });
        // One page, as a person browsing the stories has: Storybook switches from story to story in it (each
        // with its own fresh mocks), which spares reloading the bundle and registering MSW's worker each time.
        await page.goto(`${site.url}iframe.html?id=${stories[0]!.id}&viewMode=story`, { timeout: 120_000 });
        for (const [index, story] of stories.entries()) {
          errors.length = 0;
          try {
            if (index > 0) {
              await page.evaluate((storyId) => {
                const w = window as unknown as { storyFinished?: unknown; __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, payload: unknown): void } };
                w.storyFinished = undefined;
                w.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
              }, story.id);
            }
            const finished = await page
              .waitForFunction(
                (storyId) => {
                  const done = (window as unknown as { storyFinished?: { storyId: string; status: string } }).storyFinished;
                  return done?.storyId === storyId ? done : undefined;
                },
                story.id,
                { timeout: 60_000 },
              )
              .then((handle) => handle.jsonValue() as Promise<{ status: string }>);
            // Every page shows a heading, a loading line (role status) or its error, once it is signed in.
            const shown = await page
              .locator('#storybook-root')
              .locator('h1, [role="status"], [role="alert"]')
              .first()
              .waitFor({ timeout: 15_000 })
              .then(() => page.locator('#storybook-root').innerText(), () => '');
            const problems = [
              ...(finished.status === 'success' ? [] : [`finished with status ${finished.status}`]),
              ...(shown.trim() === '' ? ['rendered no page'] : []),
              ...(shown.includes('The story could not sign in') ? ['could not sign in'] : []),
              ...errors,
            ];
            if (problems.length > 0) failures.push(`${story.title} › ${story.name}: ${problems.join('; ')}`);
          } catch (error) {
            failures.push(`${story.title} › ${story.name}: ${String(error)}`);
          }
        }
      } finally {
        await context.close();
      }
      expect(failures).toEqual([]);
    }, 600_000);
  });
}
