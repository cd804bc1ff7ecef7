/**
 * The mocks in a real browser (Chromium), the way a developer uses them: the worker and the panel in a page,
 * the SDK signing in, then switching scenario and fault in the panel while the page stays signed in.
 */
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeUnless } from '../../../../test/support/skipped.js';
import { findChromium, launchChromium, servePage } from './chromium.js';

const missing = (await findChromium()) ? undefined : 'no Chromium or Chrome found (set CHROMIUM_PATH)';

describeUnless(missing, 'the mock panel, in Chromium', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let page: Page;
  const result = () => page.getByLabel('Result');
  const panel = () => page.getByRole('complementary', { name: 'Mock API' });
  const loadOrders = async () => {
    await page.getByRole('button', { name: 'Load orders' }).click();
    return expect.poll(() => result().textContent(), { timeout: 15_000 });
  };

  beforeAll(async () => {
    browser = await launchChromium();
    const served = await servePage();
    server = served.server;
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    // The first load waits for Vite to optimise msw and the SDK: slow on a busy machine.
    await page.goto(served.url, { timeout: 90_000 });
    await panel().waitFor({ timeout: 90_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the current choice, and answers from the sample world', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => result().textContent()).toBe('Signed in');
    await expect.poll(() => panel().locator('summary').textContent()).toBe('Mocks: scenario default, no fault');
    await (await loadOrders()).toBe('12 orders');
  });

  it('switches scenario without a reload, and the customer stays signed in', async () => {
    const loadedAt = await page.evaluate(() => (window as unknown as { loadedAt: number }).loadedAt);
    await panel().locator('summary').click();
    await panel().getByLabel('Scenario').selectOption('empty');
    await (await loadOrders()).toBe('0 orders');
    expect(await page.evaluate(() => (window as unknown as { loadedAt: number }).loadedAt)).toBe(loadedAt);
  });

  it('fails one operation with a documented status at run time', async () => {
    await panel().getByLabel('Fault on').selectOption('listOrders');
    await panel().getByLabel('Fault', { exact: true }).selectOption('500 problem');
    await expect.poll(() => panel().getByRole('status').textContent()).toBe('Now: scenario empty, 500 on listOrders.');
    await (await loadOrders()).toBe('500: Something went wrong on our side. Please try again.');
  });

  it('keeps the scenario, the fault and the session across a reload', async () => {
    await page.reload();
    await panel().waitFor();
    await expect.poll(() => panel().locator('summary').textContent()).toBe('Mocks: scenario empty, 500 on listOrders');
    await (await loadOrders()).toBe('500: Something went wrong on our side. Please try again.');
    await panel().getByLabel('Fault', { exact: true }).selectOption('network error');
    await (await loadOrders()).toBe('Network error');
    await panel().getByLabel('Fault', { exact: true }).selectOption('none');
    await (await loadOrders()).toBe('0 orders'); // still signed in: not a 401
  });
});
