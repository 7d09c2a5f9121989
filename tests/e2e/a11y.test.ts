// An axe-core check of every view in Chromium against the real server on demo data: no serious or
// critical violation of WCAG 2 A/AA. axe's own source is injected into the page (the app's CSP does
// not allow inline scripts, so this browser context bypasses it for the check only).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, pageAtRest } from '../helpers/browser.ts';
import { startDemoApp, type DemoApp } from './demo-app.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical findings on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: Violation[] };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

describe('accessibility of every view (axe-core, WCAG 2 A/AA)', () => {
  let demo: DemoApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    demo = await startDemoApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await demo?.app.close();
  });

  const open = async (view: string, ready: () => Promise<unknown>) => {
    await page.goto(`${demo.url}/?view=${view}`);
    await expect.poll(() => page.getByTestId('signed-in-user').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(ready, { timeout: 30_000 }).toBeTruthy();
    await pageAtRest(page);
  };

  it('the sign-in page', async () => {
    await page.goto(demo.url);
    await expect.poll(() => page.getByLabel('Username').count(), { timeout: 15_000 }).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Username').fill(demo.username);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe(demo.username);
  });

  it('Outreach', async () => {
    await open('outreach', () => page.getByTestId('pipeline-board').count());
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Influencers, and the account panel beside it', async () => {
    await open('influencers', () => page.locator('table.data-table tbody tr').count());
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('table.data-table tbody tr').first().click();
    await expect.poll(() => page.getByTestId('account-timeline').count(), { timeout: 15_000 }).toBe(1);
    await pageAtRest(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Admin', async () => {
    await open('admin', () => page.getByTestId('audit-log').count());
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Inbox', async () => {
    await open('inbox', () => page.getByRole('heading', { level: 2 }).count());
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Hashtag chats', async () => {
    await open('chats', () => page.getByRole('heading', { level: 2 }).count());
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Communities & hashtags', async () => {
    await open('communities', () => page.locator('table.data-table tbody tr').count());
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Explore', async () => {
    await open('explore', () => page.getByTestId('graph-status').textContent());
    expect(await seriousViolations(page)).toEqual([]);
  });
});
