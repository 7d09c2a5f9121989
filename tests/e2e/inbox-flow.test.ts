// Issue 18's acceptance flow in Chromium against the real server and Neo4j on demo data: an outreach
// user opens the inbox, takes the oldest complaint, sees who amplified it, drafts a reply that would
// confirm a patient relationship and sees it refused with the phrase highlighted, fixes it and marks
// it sent. Screenshots in tests/e2e/screenshots/inbox-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { testDb } from '../helpers/db.ts';
import { ensureDemoMentions } from '../../ingest/demo/mentions.ts';
import { setUser } from '../../queries/users.ts';
import { startDemoApp, type DemoApp } from './demo-app.ts';

const PASSWORD = 'inbox e2e password 1';

describe('inbox flow in the web app', () => {
  let demo: DemoApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string) =>
    page.screenshot({ path: `${screenshotDir}/inbox-${name}.png`, fullPage: true });

  beforeAll(async () => {
    demo = await startDemoApp();
    const db = testDb();
    try {
      await ensureDemoMentions(db, () => {});
      await setUser(db, 'olga', 'outreach', PASSWORD);
    } finally {
      await db.close();
    }
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await demo?.app.close();
  });

  it('signs in as an outreach user and opens the inbox, overdue first', async () => {
    await page.goto(demo.url);
    await page.getByLabel('Username').fill('olga');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe('olga');
    await page.getByRole('link', { name: 'Inbox' }).click();
    const rows = page.locator('[data-testid="inbox-list"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await rows.first().locator('td').nth(1).textContent()).toMatch(/overdue by/);
    // The competitor with a similar name is not in our inbox.
    expect(await page.getByTestId('inbox-list').textContent()).not.toMatch(/Mercy Medical Center/);
    await shot('list');
  });

  it('takes the oldest complaint and sees who amplified it', async () => {
    await page.getByLabel('Category', { exact: true }).selectOption('complaint');
    const first = page.locator('[data-testid="inbox-list"] tbody tr').first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toMatch(/Waited 6 hours/);
    await first.click();
    const detail = page.getByTestId('mention-detail');
    await expect.poll(() => detail.textContent(), { timeout: 20_000 }).toMatch(/Who amplified it \(9\)/);
    expect(await page.locator('[data-testid="amplifiers"] tr').count()).toBe(9);
    expect(await detail.textContent()).toMatch(/outreach: contacted/);
    await page.getByRole('button', { name: 'Take it' }).click();
    await expect
      .poll(() => detail.locator('h3').textContent(), { timeout: 20_000 })
      .toMatch(/assigned · owner olga|owner olga/);
    await shot('detail');
  });

  it('refuses a reply that confirms a patient, with the phrase highlighted; the fixed reply is recorded', async () => {
    await page
      .getByLabel('Reply text')
      .fill("We're so sorry about your visit on the 3rd. We looked at your chart.");
    await page.getByLabel('Link to the posted reply').fill('https://social.example/posts/reply-1');
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    const marks = page.locator('[data-testid="reply-highlight"] mark');
    await expect
      .poll(() => marks.allTextContents())
      .toEqual(['your visit', 'on the 3rd', 'We looked at your chart']);
    expect(await page.getByRole('alert').first().textContent()).toMatch(/Patient Relations/);
    await shot('refused');
    await page
      .getByLabel('Reply text')
      .fill(
        "We're sorry to hear this. Please contact our Patient Relations team at 555-010-2000 so we can help.",
      );
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await expect
      .poll(() => page.getByTestId('mention-detail').textContent(), { timeout: 20_000 })
      .toMatch(/Reply sent by olga/);
    expect(await page.getByTestId('mention-detail').locator('h3').textContent()).toMatch(/responded/);
    await shot('sent');
  });
});
