/** The browser tests need no browser installed by hand: the one @sparticuz/chromium ships runs here. */
import { createServer } from 'node:http';
import { expect, it } from 'vitest';
import { findChromium, launchChromium } from './chromium.js';

it('finds a browser on this machine, or unpacks the bundled one', async () => {
  const browser = await findChromium();
  expect(browser?.executablePath).toBeTruthy();
});

it.runIf(process.platform === 'linux' && process.arch === 'x64')(
  'the Chromium inside @sparticuz/chromium opens a page and runs its script, keeping the same-origin policy its serverless flags turn off',
  async () => {
    const site = createServer((_request, response) => response.end('<p id="p"></p><script>p.textContent = 1 + 1</script>'));
    const other = createServer((_request, response) => response.end('no CORS headers'));
    const listen = (server: typeof site) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
    const [port, otherPort] = await Promise.all([listen(site), listen(other)]);
    const browser = await launchChromium({}, 'bundled');
    try {
      expect(browser.version()).toMatch(/^147\./);
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      expect(await page.textContent('#p')).toBe('2');
      // With --disable-web-security the page could read another origin's answer.
      const crossOrigin = await page.evaluate((url) => fetch(url).then((r) => r.text(), (error: Error) => error.name), `http://127.0.0.1:${otherPort}/`);
      expect(crossOrigin).toBe('TypeError');
    } finally {
      await browser.close();
      site.close();
      other.close();
    }
  },
  120_000,
);
