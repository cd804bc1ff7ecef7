import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type Mode, type RunningApp } from './start-app.ts';

// Debian's Chromium: playwright's own browser download is not reachable from CI. `.ci/run` installs it.
// CHROMIUM_PATH points elsewhere, e.g. at a local Chrome.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const screenshots = fileURLToPath(new URL('../test-results/', import.meta.url));
const modes: Mode[] = ['mock', 'server'];

// Generous: the machine may be busy with other test files; a step normally takes well under a second.
const STEP_TIMEOUT = 60_000;

/** Polls what the page shows until it matches: the app renders after its API calls answer. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

if (!hasChromium) {
  // Not a skipped test: it says why nothing ran, and fails in CI, where a missing browser is a broken setup.
  it('reports that the browser journey did not run, and fails in CI', () => {
    console.warn(`browser journey skipped: ${CHROMIUM} not found (install with apt-get install chromium; .ci/run does)`);
    expect(process.env.CI, 'CI must install Chromium for the browser journey').toBeUndefined();
  });
} else {
  let browser: Browser;

  // Playwright gives the browser a fresh temporary profile; each mode then gets its own context.
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  // One journey per mode, its steps in order on one page: a step starts where the previous one left the app.
  // The page is loaded once; every later step navigates inside the app, as a customer would, so the mocks'
  // in-memory state (held by the page) lives through the whole journey.
  describe.each(modes)('the customer journey, %s mode', (mode) => {
    let app: RunningApp;
    let page: Page;
    const pageErrors: string[] = [];
    const shoot = (name: string) => page.screenshot({ path: join(screenshots, mode, `${name}.png`), fullPage: true });
    const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
    const rowIds = (table: Locator) => table.getByRole('rowheader').allInnerTexts();
    let failedStep: string | undefined;

    // After a failed step the page is not where the next step expects it: fail fast instead of timing out.
    beforeEach(({ task, onTestFailed }) => {
      if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
      onTestFailed(() => void (failedStep = task.name));
    });

    beforeAll(async () => {
      app = await startApp(mode);
      // A new context is a new profile: no service worker, storage or mock state from an earlier run.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // The first load waits for Vite's dependency optimizer and first compile: slow on a busy machine.
      await page.goto(app.url, { timeout: 90_000 });
      await page.getByRole('heading', { name: 'Sign in to the Customer Portal' }).waitFor({ timeout: 90_000 });
    }, 120_000);

    afterAll(async () => {
      await page?.context().close();
      await app?.close();
    });

    it('shows the problem detail when the password is wrong', async () => {
      await page.getByLabel('Email').fill('ali.jawad@example.com');
      await page.getByLabel('Password').fill('not-his-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await eventually(() => page.getByRole('alert').innerText()).toBe('The email or password is incorrect.');
      await shoot('login');
    });

    it('signs Ali Jawad in and shows the seed dashboard figures', async () => {
      await page.getByLabel('Email').fill('ali.jawad@example.com');
      await page.getByLabel('Password').fill('customer123');
      await page.getByRole('button', { name: 'Sign in' }).click();

      await eventually(() => page.getByTestId('stat-open_tickets').innerText()).toBe('2');
      expect(await page.getByTestId('stat-active_orders').innerText()).toBe('1');
      expect(await page.getByTestId('stat-pending_refunds').innerText()).toBe('0');
      expect(await page.getByTestId('stat-resolved_tickets').innerText()).toBe('3');
      await eventually(() => page.getByRole('banner').innerText()).toContain('Ali Jawad');
      await shoot('dashboard');
    });

    it('filters orders by status, then searches them by id', async () => {
      await nav('Orders').click();
      const table = page.getByRole('table');
      await eventually(() => rowIds(table)).toHaveLength(12);

      await page.getByLabel('Status').selectOption({ label: 'Delivered' });
      await eventually(() => rowIds(table)).toEqual(['ORD122', 'ORD121', 'ORD118', 'ORD117', 'ORD115', 'ORD113', 'ORD112']);
      for (const row of await table.getByRole('row').filter({ has: page.getByRole('rowheader') }).all()) {
        expect(await row.innerText()).toContain('Delivered');
      }

      await page.getByLabel('Search by order ID').fill('ord12');
      await eventually(() => rowIds(table)).toEqual(['ORD122', 'ORD121']);
      await shoot('orders');
    });

    it('tracks ORD123: shipped, not yet delivered, with FastShip Express at Mumbai Hub', async () => {
      await page.getByLabel('Status').selectOption({ label: 'All' });
      await page.getByLabel('Search by order ID').fill('ORD123');
      await eventually(() => rowIds(page.getByRole('table'))).toEqual(['ORD123']);
      await page.getByRole('link', { name: 'Track ORD123' }).click();

      const steps = page.getByRole('list', { name: 'Delivery steps' }).getByRole('listitem');
      await eventually(() => steps.count()).toBe(5);
      const step = (label: string) => steps.filter({ hasText: label });
      expect(await step('Shipped').getAttribute('aria-current')).toBe('step');
      expect(await step('Shipped').getAttribute('data-completed')).toBe('true');
      expect(await step('Delivered').getAttribute('data-completed')).toBe('false');
      expect(await page.locator('[aria-current="step"]').count()).toBe(1);
      await page.getByText('FastShip Express').waitFor();
      await page.getByText('Mumbai Hub').waitFor();
      await shoot('tracking');
    });

    const subject = `Charging cable missing (${mode} mode)`;

    it('opens a ticket, lists it, and counts it on the dashboard', async () => {
      await nav('Tickets').click();
      const form = page.getByRole('form', { name: 'New ticket' });
      await form.getByLabel('Subject').fill(subject);
      await form.getByLabel('Description').fill('The headphones of ORD123 came without their USB-C cable.');
      await form.getByLabel('Order ID (optional)').fill('ORD123');
      await form.getByLabel('Priority').selectOption({ label: 'High' });
      await form.getByRole('button', { name: 'Open ticket' }).click();

      await eventually(() => page.getByRole('status').filter({ hasText: 'opened' }).innerText()).toMatch(/^Ticket TKT\d+ opened/);
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: subject }) });
      await eventually(() => row.innerText()).toMatch(/Open\s+High/);
      await shoot('tickets');

      await nav('Dashboard').click();
      await eventually(() => page.getByTestId('stat-open_tickets').innerText()).toBe('3');
    });

    it('replies to the new ticket and shows the reply under the first message', async () => {
      await page.getByRole('table', { name: 'Recent tickets' }).getByRole('link', { name: subject }).click();
      await page.getByRole('heading', { name: subject }).waitFor();
      const messages = page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
      await eventually(() => messages.allInnerTexts()).toEqual([expect.stringContaining('came without their USB-C cable')]);

      await page.getByLabel('Your reply').fill('Found a spare cable, but please send the right one.');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await eventually(() => messages.count()).toBe(2);
      expect(await messages.last().innerText()).toMatch(/^Ali Jawad[\s\S]*Found a spare cable/);
      await shoot('ticket');
    });

    it('marks a notification read and the unread count goes down', async () => {
      await nav('Notifications').click();
      const unread = page.getByTestId('unread-count');
      await eventually(() => unread.innerText()).toBe('2 unread');

      await page.getByRole('button', { name: 'Mark “Order Update” as read' }).click();
      await eventually(() => unread.innerText()).toBe('1 unread');
      expect(await page.getByRole('button', { name: 'Mark “Order Update” as read' }).count()).toBe(0);
      await shoot('notifications');

      expect(await page.getByRole('alert').count(), 'no error shown on the way').toBe(0);
      expect(pageErrors, 'no uncaught error in the page').toEqual([]);
    });
  }, STEP_TIMEOUT);

  describe('a mock scenario picked at runtime', () => {
    let app: RunningApp;

    beforeAll(async () => {
      app = await startApp('mock');
    }, 120_000);

    afterAll(async () => {
      await app?.close();
    });

    it('?scenario=server-error makes every call a 500, and the page shows its detail', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(new URL('?scenario=server-error', app.url).href, { timeout: 90_000 });
        await page.getByText('scenario: server-error').waitFor({ timeout: 90_000 });
        await page.getByLabel('Email').fill('ali.jawad@example.com');
        await page.getByLabel('Password').fill('customer123');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await eventually(() => page.getByRole('alert').innerText()).toBe('Something went wrong on our side. Please try again.');
      } finally {
        await context.close();
      }
    }, 120_000);
  });
}
