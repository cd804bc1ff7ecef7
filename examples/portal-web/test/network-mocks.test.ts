/**
 * The Playwright recipe: the mocks at the network level with @msw/playwright. No service worker: the browser's
 * requests are routed to this test process, where the portal handlers answer them with a world, faults and
 * sessions the test shapes. The app runs unchanged (not in mock mode).
 */
import { createHandlers } from '@customer-portal/mocks';
import { defineNetworkFixture, type NetworkFixture } from '@msw/playwright';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { findChromium, launchChromium } from '../../../test/support/chromium.ts';
import { describeUnless } from '../../../test/support/skipped.ts';

const appRoot = fileURLToPath(new URL('..', import.meta.url));
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

const missing = (await findChromium()) ? undefined : 'no Chromium or Chrome found (set CHROMIUM_PATH)';

describeUnless(missing, 'the app against @msw/playwright and the portal handlers', () => {
  // The test's own world: Ali has no tickets; sessions last a minute.
  const handlers = createHandlers({ world: (sample) => ({ ...sample, tickets: [] }), tokenLifetimeSeconds: 60 });
  let vite: ViteDevServer;
  let browser: Browser;
  let context: BrowserContext;
  let network: NetworkFixture;
  let page: Page;

  beforeAll(async () => {
    // Any mode but 'mock': the app starts no worker and sends its requests to the network.
    vite = await createServer({ root: appRoot, configFile: join(appRoot, 'vite.config.ts'), mode: 'network-mocks', logLevel: 'warn', server: { host: '127.0.0.1', port: 0, watch: null } });
    await vite.listen();
    browser = await launchChromium();
    context = await browser.newContext();
    network = defineNetworkFixture({ context, handlers: [...handlers] });
    await network.enable();
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(vite.resolvedUrls!.local[0]!, { timeout: 90_000 });
    await page.getByRole('heading', { name: 'Sign in to the Customer Portal' }).waitFor({ timeout: 90_000 });
  }, 120_000);

  afterEach(() => {
    handlers.clearFaults();
    vi.useRealTimers();
  });

  afterAll(async () => {
    await network?.disable();
    await browser?.close();
    await vite?.close();
  });

  async function signIn(): Promise<void> {
    await page.getByLabel('Email').fill('ali.jawad@example.com');
    await page.getByLabel('Password').fill('customer123');
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it("shows the test's world: no open tickets on Ali's dashboard", async () => {
    await signIn();
    await eventually(() => page.getByTestId('stat-open_tickets').innerText()).toBe('0');
    expect(await page.getByTestId('stat-active_orders').innerText()).toBe('1');
  });

  it('shows the detail of a fault the test puts on one operation', async () => {
    handlers.fault({ operation: 'listOrders', status: 503, detail: 'Orders are back at 06:00.' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await eventually(() => page.getByRole('alert').locator('p').innerText()).toBe('Orders are back at 06:00.');
  });

  it('sends the customer back to sign-in when the session expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    vi.advanceTimersByTime(60_000); // the token's minute is up
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Sign in to the Customer Portal' }).waitFor();
  });
});
