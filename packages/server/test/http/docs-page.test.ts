/**
 * /docs in a real browser: Swagger UI from the package's own files, whose "Try it out" calls the server the
 * page came from, on whatever port it listens (not the contract's `localhost:3000`).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../../../test/support/chromium.js';
import { describeUnless } from '../../../../test/support/skipped.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const missing = (await findChromium()) ? undefined : 'no Chromium or Chrome found (set CHROMIUM_PATH)';

describeUnless(missing, 'the docs page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    page = await browser.newPage();
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${server.url}/docs`);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists one server: the origin the page was loaded from', async () => {
    const options = page.locator('.servers select option');
    await expect.poll(() => options.count(), { timeout: 20_000 }).toBe(1);
    expect(await options.first().getAttribute('value')).toBe(server.url);
    expect(server.url).not.toBe('http://localhost:3000');
  });

  it('"Try it out" signs in against this server with the example body', async () => {
    const login = page.locator('#operations-Auth-login');
    await login.locator('.opblock-summary').click();
    await login.getByRole('button', { name: 'Try it out' }).click();
    await login.getByRole('button', { name: 'Execute' }).click();
    await expect.poll(() => login.locator('.live-responses-table tbody .response-col_status').first().textContent(), { timeout: 20_000 }).toBe('200');
    expect(await login.locator('.request-url pre').textContent()).toBe(`${server.url}/auth/login`);
  }, 60_000);

  it('shows the schemas under their names from the contract', async () => {
    const titles = page.locator('.models .json-schema-2020-12__title');
    await expect.poll(() => titles.count()).toBeGreaterThan(10);
    expect(await titles.allTextContents()).toEqual(expect.arrayContaining(['Order', 'Ticket', 'Problem', 'LoginRequest']));
    expect(errors).toEqual([]);
  });
});
