/**
 * The backend beside the mocks in a real browser (Chromium): the reference server in its own process behind
 * Vite's proxy at /backend, as the README sets it up; the panel moves an operation to the backend, the choice
 * survives a reload, and the panel lists the journal's exchanges.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeUnless } from '../../../../test/support/skipped.js';
import { startReferenceBackend, type RunningBackend } from '../backend/reference-backend.js';
import { findChromium, launchChromium } from './chromium.js';

/** The page of backend-page/, with the backend proxied at /backend as the README's vite.config does. */
async function servePageWithBackend(backendUrl: string): Promise<{ url: string; server: ViteDevServer }> {
  const server = await createServer({
    root: fileURLToPath(new URL('./backend-page/', import.meta.url)),
    configFile: false,
    publicDir: join(dirname(createRequire(import.meta.url).resolve('msw/package.json')), 'lib'),
    logLevel: 'warn',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: 0,
      watch: null,
      proxy: { '/backend': { target: backendUrl, rewrite: (path) => path.replace(/^\/backend/, '') } },
    },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('Vite did not report the address it listens on.');
  return { url, server };
}

const missing = (await findChromium()) ? undefined : 'no Chromium or Chrome found (set CHROMIUM_PATH)';

describeUnless(missing, 'the backend beside the mocks, in Chromium', () => {
  let backend: RunningBackend;
  let browser: Browser;
  let server: ViteDevServer;
  let page: Page;
  const result = () => page.getByLabel('Result');
  const panel = () => page.getByRole('complementary', { name: 'Mock API' });
  const exchanges = () => panel().getByRole('table', { name: 'Exchanges' }).locator('tbody tr');
  const loadProfile = async () => {
    await page.getByRole('button', { name: 'Load profile' }).click();
    return expect.poll(() => result().textContent(), { timeout: 15_000 });
  };

  beforeAll(async () => {
    backend = await startReferenceBackend();
    browser = await launchChromium();
    const served = await servePageWithBackend(backend.url);
    server = served.server;
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(served.url, { timeout: 90_000 });
    await panel().waitFor({ timeout: 90_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await backend?.stop();
  });

  it('serves every operation from the mocks until the panel moves one', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => result().textContent()).toBe('Signed in');
    await (await loadProfile()).toBe('Ali Jawad (mocks)');
  });

  it('moves an operation to the backend from the panel, with the one sign-in', async () => {
    await panel().locator('summary').click();
    await panel().getByRole('checkbox', { name: 'getProfile' }).check();
    await (await loadProfile()).toBe('Ali Jawad');
  });

  it("lists the journal's exchanges, newest first, with their source and status", async () => {
    await expect.poll(() => exchanges().first().locator('td').allTextContents()).toEqual(['getProfile', 'backend', '200', expect.stringMatching(/^\d+ ms$/)]);
    const rows = await exchanges().evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
    expect(rows).toEqual([
      ['getProfile', 'backend', '200'],
      ['getProfile', 'mocks', '200'],
      ['login', 'backend', '200'],
      ['login', 'mocks', '200'],
    ]);
  });

  it('keeps the choice across a reload, under its storage key', async () => {
    expect(await page.evaluate(() => localStorage.getItem('customer-portal:backend-operations'))).toBe('{"getProfile":"backend"}');
    await page.reload();
    await panel().waitFor();
    await expect.poll(() => panel().getByRole('checkbox', { name: 'getProfile' }).isChecked()).toBe(true);
    await (await loadProfile()).toBe('Ali Jawad'); // still signed in on both sides
    await panel().getByRole('checkbox', { name: 'getProfile' }).uncheck();
    await (await loadProfile()).toBe('Ali Jawad (mocks)');
  });

  it('forgets the choice on resetState(), back to the option', async () => {
    await panel().getByRole('checkbox', { name: 'getProfile' }).check();
    await page.evaluate(() => (window as unknown as { worker: { resetState(): void } }).worker.resetState());
    expect(await page.evaluate(() => localStorage.getItem('customer-portal:backend-operations'))).toBeNull();
    await page.reload();
    await panel().waitFor();
    await expect.poll(() => panel().getByRole('checkbox', { name: 'getProfile' }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Sign in' }).click(); // resetState() forgot both sign-ins
    await expect.poll(() => result().textContent()).toBe('Signed in');
    await (await loadProfile()).toBe('Ali Jawad (mocks)');
  });

  it('clears the journal from the panel', async () => {
    await expect.poll(() => exchanges().count()).toBe(3); // login (mocks and backend), getProfile
    await panel().getByRole('button', { name: 'Clear the journal' }).click();
    await expect.poll(() => exchanges().count()).toBe(0);
  });
});
