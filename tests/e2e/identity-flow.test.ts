// Issue 18 in Chromium against the real server and Neo4j on demo data: an admin opens Admin → Our
// identity, sees the demo hospital's names and targets, adds a campus people write about, saves,
// rescans, and the post naming that campus is in the inbox; the inbox shows the weekly view as
// charts. Screenshots in tests/e2e/screenshots/identity-*.png.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureDemoMentions } from '../../ingest/demo/mentions.ts';
import { ingestFiles } from '../../ingest/pipeline.ts';
import { RejectsFile } from '../../ingest/rejects.ts';
import { launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { testDb } from '../helpers/db.ts';
import { startDemoApp, type DemoApp } from './demo-app.ts';

const POST = 'Parking at the Eastside Urgent Care is impossible, circled for 40 minutes.';

describe('our identity and the weekly view in the web app', () => {
  let demo: DemoApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string) =>
    page.screenshot({ path: `${screenshotDir}/identity-${name}.png`, fullPage: true });

  beforeAll(async () => {
    demo = await startDemoApp();
    const db = testDb();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'carecircle-e2e-identity-'));
    try {
      await ensureDemoMentions(db, () => {});
      // A post about a campus the identity does not list yet, loaded after the last scan.
      const file = path.join(dir, 'eastside.jsonl');
      const [author] = await db.read('MATCH (a:Account) RETURN a.id AS id ORDER BY a.id LIMIT 1');
      writeFileSync(
        file,
        JSON.stringify({
          kind: 'post',
          id: 'csv:eastside-1',
          platform: 'csv',
          author: author!.id,
          createdAt: new Date().toISOString(),
          text: POST,
          lang: 'en',
        }) + '\n',
      );
      const rejects = new RejectsFile(path.join(dir, 'rejects.csv'));
      await ingestFiles(db, [file], { format: 'jsonl', batchSize: 10, dryRun: false, rejects });
      await rejects.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
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

  it('an admin sees the identity, adds a campus, saves and rescans', async () => {
    await page.goto(demo.url);
    await page.getByLabel('Username').fill(demo.username);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe(demo.username);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Our identity' }).click();
    const names = page.getByLabel(/^Names/);
    await expect
      .poll(() => names.inputValue(), { timeout: 20_000 })
      .toBe('Mercy General\nMercy General Hospital');
    expect(await page.getByLabel(/^Not us/).inputValue()).toBe('Mercy Medical Center\nhave mercy');
    expect(await page.getByLabel('Clinical safety: hours to answer').inputValue()).toBe('1');

    await page.getByLabel(/^Campuses/).fill('Mercy Westside\nEastside Urgent Care');
    await page.getByRole('button', { name: 'Save identity' }).click();
    await expect
      .poll(() => page.getByTestId('identity').textContent(), { timeout: 20_000 })
      .toMatch(/Saved\./);
    await page.getByRole('button', { name: 'Rescan posts now' }).click();
    const status = page.getByTestId('scan-status');
    await expect
      .poll(() => status.textContent(), { timeout: 60_000 })
      .toMatch(/^Rescan done: [\d,]+ posts read, [\d,]+ name us, 1 new in the inbox\.$/);
    await page.getByTestId('identity').scrollIntoViewIfNeeded();
    await page.getByTestId('identity').screenshot({ path: `${screenshotDir}/identity-admin.png` });
    // The change is in the audit log, by the admin.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('audit-log').textContent(), { timeout: 20_000 })
      .toMatch(/identity\.set/);
  });

  it('the inbox has the post about the new campus, and the weekly view as charts', async () => {
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByLabel('Show').selectOption('all');
    const first = page.locator('[data-testid="inbox-list"] tbody tr').first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toContain(POST);
    await first.click();
    await expect
      .poll(() => page.getByTestId('mention-detail').textContent(), { timeout: 20_000 })
      .toMatch(/Complaint/);

    const cats = page.getByTestId('weekly-categories');
    await expect.poll(() => cats.locator('rect').count(), { timeout: 20_000 }).toBeGreaterThan(8);
    // Eight weeks of answered history and this week's mentions: a bar in every week.
    const label = await cats.getByRole('img').getAttribute('aria-label');
    expect(label).toMatch(/^Mentions per week, by category: \d+ mentions over 8 weeks$/);
    expect(await page.getByTestId('weekly-sentiment').locator('rect').count()).toBeGreaterThan(8);
    expect(await page.getByTestId('weekly-themes').textContent()).toMatch(/Top complaint themes/);
    expect(await page.getByTestId('weekly-themes').locator('rect').count()).toBeGreaterThan(0);
    await page.getByTestId('weekly').screenshot({ path: `${screenshotDir}/identity-weekly.png` });
    await shot('inbox');
  });
});
