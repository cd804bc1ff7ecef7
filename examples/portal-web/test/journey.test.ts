import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../../test/support/chromium.ts';
import { describeUnless } from '../../../test/support/skipped.ts';
import { horizontalOverflow, seriousViolations } from './page-checks.ts';
import { startApp, type Mode, type RunningApp } from './start-app.ts';

// An installed Chromium or Chrome, else the one @sparticuz/chromium ships (test/support/chromium.ts); CHROMIUM_PATH
// points elsewhere. Without one the journey is reported as skipped, and fails in CI.
const missing = (await findChromium()) ? undefined : 'no Chromium or Chrome found (set CHROMIUM_PATH)';
const screenshots = fileURLToPath(new URL('../test-results/', import.meta.url));
const modes: Mode[] = ['mock', 'server'];
// A phone (390 px, an iPhone 12 to 15) and a desktop window.
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
const journeys = modes.flatMap((mode) =>
  Object.entries(widths).map(([width, viewport]) => ({ mode, width, viewport })),
);

// Generous: the machine may be busy with other test files; a step normally takes well under a second.
const STEP_TIMEOUT = 60_000;

/** Polls what the page shows until it matches: the app renders after its API calls answer. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

describeUnless(missing, 'the browser journey', () => {
  let browser: Browser;

  // Playwright gives the browser a fresh temporary profile; each mode then gets its own context.
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  // One journey per mode and width, its steps in order on one page: a step starts where the previous one left
  // the app. The page is loaded once; every later step navigates inside the app, as a customer would, so the
  // mocks' in-memory state (held by the page) lives through the whole journey. Each journey has its own app
  // (and, in server mode, its own database), so each starts from the seed.
  for (const { mode, width, viewport } of journeys) describe(`the customer journey, ${mode} mode, ${width}`, () => {
    let app: RunningApp;
    let page: Page;
    const pageErrors: string[] = [];
    const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
    const rowIds = (table: Locator) => table.getByRole('rowheader').allInnerTexts();
    /** What a screen reader reads with a field: the text of the elements its aria-describedby names. */
    const description = async (field: Locator) => {
      const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
      return (await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()))).join(' ');
    };
    let failedStep: string | undefined;

    /** What every page must be, as it is now: seen (a screenshot), no sideways scrolling, no serious axe finding. */
    async function check(name: string) {
      await page.screenshot({ path: join(screenshots, `${mode}-${width}`, `${name}.png`), fullPage: true });
      expect(await horizontalOverflow(page), `${name} is no wider than ${viewport.width} px`).toBe(0);
      expect(await seriousViolations(page), `${name} has no serious or critical axe-core violation`).toEqual([]);
    }

    // After a failed step the page is not where the next step expects it: fail fast instead of timing out.
    beforeEach(({ task, onTestFailed }) => {
      if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
      onTestFailed(() => void (failedStep = task.name));
    });

    beforeAll(async () => {
      app = await startApp(mode);
      // A new context is a new profile: no service worker, storage or mock state from an earlier run.
      const context = await browser.newContext({ viewport });
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
      await check('login');
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
      await check('dashboard');
    });

    it('filters orders by status, then searches them by id', async () => {
      await nav('Orders').click();
      const table = page.getByRole('table');
      // Ten a page: the seed's twelve orders are two pages.
      await eventually(() => rowIds(table)).toHaveLength(10);
      expect(await page.getByRole('navigation', { name: 'Pages of orders' }).innerText()).toContain('Page 1 of 2');

      await page.getByLabel('Status').selectOption({ label: 'Delivered' });
      await eventually(() => rowIds(table)).toEqual(['ORD122', 'ORD121', 'ORD118', 'ORD117', 'ORD115', 'ORD113', 'ORD112']);
      for (const row of await table.getByRole('row').filter({ has: page.getByRole('rowheader') }).all()) {
        expect(await row.innerText()).toContain('Delivered');
      }

      await page.getByLabel('Search by order ID').fill('ord12');
      await eventually(() => rowIds(table)).toEqual(['ORD122', 'ORD121']);
      await check('orders');
    });

    it('keeps the filter, the search and the page in the URL: a reload and the back button bring them back', async () => {
      const table = page.getByRole('table');
      const status = page.getByLabel('Status');
      const search = page.getByLabel('Search by order ID');
      expect(new URL(page.url()).search).toBe('?status=delivered&search=ord12');

      await page.reload();
      await eventually(() => rowIds(table)).toEqual(['ORD122', 'ORD121']);
      expect(await status.inputValue()).toBe('delivered');
      expect(await search.inputValue()).toBe('ord12');

      await page.getByRole('link', { name: 'ORD122 details' }).click();
      await page.getByRole('heading', { name: 'Order ORD122' }).waitFor();
      await page.goBack();
      await eventually(() => rowIds(table)).toEqual(['ORD122', 'ORD121']);
      expect(await status.inputValue()).toBe('delivered');
      expect(await search.inputValue()).toBe('ord12');

      // The second page of all orders, then back to the first.
      await status.selectOption({ label: 'All' });
      await search.fill('');
      await eventually(() => rowIds(table)).toHaveLength(10);
      await page.getByRole('link', { name: 'Next page' }).click();
      await eventually(() => rowIds(table)).toEqual(['ORD113', 'ORD112']);
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
      await check('orders-page-2');
      await page.reload();
      await eventually(() => rowIds(table)).toEqual(['ORD113', 'ORD112']);
      await page.goBack();
      await eventually(() => rowIds(table)).toHaveLength(10);
      expect(await page.getByRole('navigation', { name: 'Pages of orders' }).innerText()).toContain('Page 1 of 2');
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
      await check('tracking');
    });

    it('shows ORD123’s details, and the API’s words for why it cannot be returned yet', async () => {
      await page.getByRole('link', { name: '← Order ORD123' }).click();
      await page.getByRole('heading', { name: 'Order ORD123' }).waitFor();
      await eventually(() => page.getByRole('table', { name: 'Items' }).getByRole('rowheader').allInnerTexts()).toEqual(['Wireless Headphones']);
      await check('order');

      await page.getByRole('link', { name: 'Return items' }).click();
      const form = page.getByRole('form', { name: 'Return request' });
      await form.getByLabel('Wireless Headphones').check();
      await form.getByRole('button', { name: 'Request return' }).click();
      await eventually(() => form.getByRole('alert').innerText()).toContain('Order ORD123 is shipped; only delivered orders can be returned.');
      await check('return-refused');
    });

    const subject = `Charging cable missing (${mode} mode, ${width})`;

    it('filters tickets by status, then searches them by subject', async () => {
      await nav('Tickets').click();
      const subjects = () => page.getByRole('table').getByRole('link').allInnerTexts();
      await eventually(subjects).toEqual(['Product inquiry', 'Change delivery address', 'Invoice copy for ORD117', 'Refund for returned mouse', 'Wrong item received']);
      await page.getByLabel('Status').selectOption({ label: 'Resolved' });
      await eventually(subjects).toEqual(['Invoice copy for ORD117', 'Wrong item received']);
      await page.getByLabel('Search tickets').fill('invoice');
      await eventually(subjects).toEqual(['Invoice copy for ORD117']);
      await page.getByLabel('Status').selectOption({ label: 'All' });
      await page.getByLabel('Search tickets').fill('');
      await eventually(subjects).toHaveLength(5);
    });

    it('opens a ticket from its own page: a blank subject is explained beside the field, then it opens', async () => {
      await nav('Tickets').click();
      await check('tickets');
      await page.getByRole('link', { name: 'New ticket' }).click();
      const form = page.getByRole('form', { name: 'New ticket' });
      await form.getByLabel('Subject').fill('   ');
      await form.getByLabel('Description').fill('The headphones of ORD123 came without their USB-C cable.');
      await form.getByLabel('Order ID (optional)').fill('ORD123');
      await form.getByLabel('Priority').selectOption({ label: 'High' });
      await form.getByRole('button', { name: 'Open ticket' }).click();

      // Beside the field, in words, read with it by a screen reader; no raw path such as body.subject anywhere.
      const subjectField = form.getByLabel('Subject');
      await eventually(() => subjectField.getAttribute('aria-invalid')).toBe('true');
      expect(await description(subjectField)).toBe('Subject must not be blank.');
      expect(await page.locator('main').innerText()).not.toContain('body.');
      await check('new-ticket-invalid');

      await subjectField.fill(subject);
      await form.getByRole('button', { name: 'Open ticket' }).click();
      await page.getByRole('heading', { name: subject }).waitFor();
      expect(await page.getByRole('status').filter({ hasText: 'opened' }).innerText()).toMatch(/^Ticket TKT\d+ opened\./);
    });

    it('replies to the new ticket and shows the reply under the first message', async () => {
      const messages = page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
      await eventually(() => messages.allInnerTexts()).toEqual([expect.stringContaining('came without their USB-C cable')]);

      await page.getByLabel('Your reply').fill('Found a spare cable, but please send the right one.');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await eventually(() => messages.count()).toBe(2);
      expect(await messages.last().innerText()).toMatch(/^Ali Jawad[\s\S]*Found a spare cable/);
      await check('ticket');

      await nav('Tickets').click();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: subject }) });
      await eventually(() => row.innerText()).toMatch(/Open\s+High/);
      await nav('Dashboard').click();
      await eventually(() => page.getByTestId('stat-open_tickets').innerText()).toBe('3');
    });

    it('returns the speaker of ORD118: no item chosen is explained beside the list, then the request counts as a pending refund', async () => {
      await nav('Orders').click();
      await page.getByRole('link', { name: 'ORD118 details' }).click();
      await page.getByRole('heading', { name: 'Order ORD118' }).waitFor();
      await page.getByRole('link', { name: 'Return items' }).click();
      const form = page.getByRole('form', { name: 'Return request' });
      await form.getByRole('button', { name: 'Request return' }).click();

      const items = form.getByRole('group', { name: 'Items to return' });
      await eventually(() => items.getAttribute('aria-invalid')).toBe('true');
      expect(await description(items)).toBe('Items must include at least 1 item.');
      await check('return-invalid');

      await items.getByLabel('Portable Bluetooth Speaker').check();
      await form.getByLabel('Reason').selectOption('Product is defective');
      await form.getByLabel('What happened (optional)').fill('The left speaker is not working properly.');
      await form.getByRole('button', { name: 'Request return' }).click();
      const request = page.getByRole('region', { name: /^Return RET\d+ requested$/ });
      await eventually(() => request.innerText()).toMatch(/Requested[\s\S]*Portable Bluetooth Speaker[\s\S]*Product is defective/);
      await check('return');

      await request.getByRole('link', { name: 'dashboard' }).click();
      await eventually(() => page.getByTestId('stat-pending_refunds').innerText()).toBe('1');
    });

    it('edits the profile: a blank name is explained beside it; a new name and the dark theme show at once', async () => {
      await page.getByRole('link', { name: /\(your profile\)$/ }).click();
      const form = page.getByRole('form', { name: 'Name and preferences' });
      const name = form.getByLabel('Full name');
      await eventually(() => name.inputValue()).toBe('Ali Jawad');
      expect(await page.getByTestId('total-orders').innerText()).toBe('12');

      await name.fill('  ');
      await form.getByRole('button', { name: 'Save profile' }).click();
      await eventually(() => name.getAttribute('aria-invalid')).toBe('true');
      expect(await description(name)).toBe('Full name must not be blank.');

      await name.fill('Ali Jawad Khan');
      await form.getByLabel('Theme').selectOption({ label: 'Dark' });
      await form.getByRole('button', { name: 'Save profile' }).click();
      await eventually(() => form.getByRole('status').innerText()).toBe('Profile saved.');
      expect(await page.getByRole('banner').innerText()).toContain('Ali Jawad Khan');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      // The page itself turns dark, not only its attribute: the theme's background colour.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(18, 23, 29)');
      await check('profile');
    });

    it('saves each setting on its own; a bad timezone is explained beside it in words', async () => {
      await nav('Settings').click();
      const email = page.getByRole('switch', { name: 'Email me' });
      await eventually(() => email.isChecked()).toBe(true);
      // The theme the profile saved is the settings' theme too.
      expect(await page.getByLabel('Theme').inputValue()).toBe('dark');

      // Not uncheck(): that reads the box back at once, and the switch shows its new value a moment later, from
      // the optimistic update of the cached settings.
      await email.click();
      await eventually(() => email.isChecked()).toBe(false);
      await eventually(() => page.getByRole('status').innerText()).toBe('Saved.');

      const timezone = page.getByRole('textbox', { name: 'Timezone' });
      await timezone.fill('UTC+25');
      await page.getByRole('button', { name: 'Save timezone' }).click();
      await eventually(() => timezone.getAttribute('aria-invalid')).toBe('true');
      // The hint, then the API's sentence.
      expect(await description(timezone)).toBe(
        'An offset from UTC, such as UTC+0, UTC-5 or UTC+5:30. Timezone must be an offset from UTC such as UTC+0, UTC-5 or UTC+5:30.',
      );
      expect(await timezone.inputValue(), 'what the customer typed stays, to correct it').toBe('UTC+25');
      await check('settings-invalid');

      await timezone.fill('UTC+5:30');
      await page.getByRole('button', { name: 'Save timezone' }).click();
      await eventually(() => page.getByRole('status').innerText()).toBe('Saved.');
      await page.getByLabel('Currency').selectOption('EUR');
      await eventually(() => page.getByRole('status').innerText()).toBe('Saved.');
      await page.getByLabel('Theme').selectOption('light');
      await eventually(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(245, 247, 250)');
      await check('settings');

      // Each change was its own partial update, and all of them were kept.
      await nav('Dashboard').click();
      await nav('Settings').click();
      await eventually(() => page.getByRole('textbox', { name: 'Timezone' }).inputValue()).toBe('UTC+5:30');
      expect(await page.getByLabel('Currency').inputValue()).toBe('EUR');
      expect(await page.getByRole('switch', { name: 'Email me' }).isChecked()).toBe(false);
      expect(await page.getByRole('switch', { name: 'Order updates' }).isChecked()).toBe(true);
    });

    it('marks a notification read and the unread count goes down', async () => {
      await nav('Notifications').click();
      const unread = page.getByTestId('unread-count');
      await eventually(() => unread.innerText()).toBe('2 unread');

      await page.getByRole('button', { name: 'Mark “Order Update” as read' }).click();
      await eventually(() => unread.innerText()).toBe('1 unread');
      expect(await page.getByRole('button', { name: 'Mark “Order Update” as read' }).count()).toBe(0);
      await check('notifications');

      expect(await page.getByRole('alert').count(), 'no error shown on the way').toBe(0);
      expect(pageErrors, 'no uncaught error in the page').toEqual([]);
    });

    if (mode === 'server') {
      // Only with a real proxy in between: in mock mode msw's service worker answers before playwright's routing.
      it('an API that does not answer is said in words, and "Try again" loads the page once it is back', async () => {
        await page.route('**/api/v1/customer/orders?*', (route) => route.fulfill({ status: 502, body: '' }), { times: 1 });
        await nav('Orders').click();
        const alert = page.getByRole('alert');
        await eventually(() => alert.innerText()).toContain(
          'The portal API is not answering right now (502 Bad Gateway, an empty answer). Please try again in a moment.',
        );
        await check('orders-error');
        await alert.getByRole('button', { name: 'Try again' }).click();
        // The rows of the earlier visit may show under the error until the new answer comes: wait for both.
        await eventually(() => page.getByRole('alert').count()).toBe(0);
        await eventually(() => rowIds(page.getByRole('table'))).toHaveLength(10);
      });
    }
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

    it('keeps ?scenario= in the URL beside the filters, so a reload keeps both', async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(new URL('?scenario=empty', app.url).href, { timeout: 90_000 });
        await page.getByText('scenario: empty').waitFor({ timeout: 90_000 });
        await page.getByLabel('Email').fill('ali.jawad@example.com');
        await page.getByLabel('Password').fill('customer123');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
        await page.getByText('No orders yet.').waitFor();
        await page.getByLabel('Status').selectOption({ label: 'Delivered' });
        await page.getByText('No orders match.').waitFor();
        expect(new URL(page.url()).search).toBe('?scenario=empty&status=delivered');

        await page.reload();
        await page.getByText('scenario: empty').waitFor();
        await page.getByText('No orders match.').waitFor();
        expect(await page.getByLabel('Status').inputValue()).toBe('delivered');
      } finally {
        await context.close();
      }
    }, 120_000);
  });
});
