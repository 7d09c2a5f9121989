// Issue 14 in Chromium on the demo data: the period and the interaction types of the filter panel
// narrow the Explore graph itself. The graph is asked for with from/to/types, draws fewer accounts
// than the whole network, and the status line says what was counted and that follows are left out.
// Screenshots: tests/e2e/screenshots/explore-all.png and explore-period.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { startDemoApp, type DemoApp } from './demo-app.ts';

describe('the period on the Explore graph', () => {
  let demo: DemoApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const graphRequests: URL[] = [];
  const shot = (name: string) => page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
  const status = () => page.getByTestId('graph-status').textContent();

  beforeAll(async () => {
    demo = await startDemoApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/api/graph') graphRequests.push(u);
    });
  }, 600_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await demo?.app.close();
  });

  it('draws only the accounts that took part in the period’s replies and reposts', async () => {
    await page.goto(demo.url);
    await page.getByLabel('Username').fill(demo.username);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe(demo.username);
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^\d+ accounts, \d+ links/);
    const all = Number(/^(\d+) accounts/.exec((await status())!)![1]);
    await shot('explore-all');

    await page.getByLabel('From').fill('2025-01-01');
    await page.getByLabel('To').fill('2025-01-31');
    await page.getByLabel('Mentions', { exact: true }).uncheck();
    await page.getByLabel('Quotes', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect
      .poll(status, { timeout: 60_000 })
      .toContain('only replies and reposts from 2025-01-01 to 2025-01-31; follows have no date, so none');
    const shown = Number(/^(\d+) accounts/.exec((await status())!)![1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    const last = graphRequests[graphRequests.length - 1]!;
    expect(Object.fromEntries(last.searchParams)).toMatchObject({
      from: '2025-01-01',
      to: '2025-01-31',
      types: 'reply,repost',
    });
    // The link reproduces the view.
    expect(new URL(page.url()).searchParams.get('types')).toBe('reply,repost');
    expect(
      await page.getByText('Follows have no date: a period or a type filter leaves them out.').count(),
    ).toBe(1);
    await shot('explore-period');
  }, 180_000);
});
