// Issue 16's outreach acceptance in Chromium against the real server and Neo4j on demo data: set a
// next step due today and see it in "My next steps" and in the reminders; drag a card to another
// stage; log, edit and delete a contact and find both changes in the audit log; the whole pipeline as
// CSV. Outreach, Influencers, Admin and the account panel are saved at 1280×800 and 1920×1080.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, pageAtRest, screenshotDir } from '../helpers/browser.ts';
import { startDemoApp, type DemoApp } from './demo-app.ts';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

describe('the daily outreach tools in the web app', () => {
  let demo: DemoApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let accountId = '';
  let handle = '';

  const shots = async (name: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await pageAtRest(page);
      await page.screenshot({ path: `${screenshotDir}/daily-${name}-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(SIZES[0]);
  };
  const localToday = () => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  const api = async <T>(path: string): Promise<T> => {
    const res = await page.request.get(`${demo.url}${path}`);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    demo = await startDemoApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: SIZES[0], acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await demo?.app.close();
  });

  it('opens an account from Influencers and reads it in plain words', async () => {
    await page.goto(demo.url);
    await page.getByLabel('Username').fill(demo.username);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe(demo.username);
    await page.getByRole('link', { name: 'Influencers' }).click();
    const rows = page.locator('table.data-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(3);
    await shots('influencers');
    await rows.nth(2).click();
    const panel = page.getByTestId('account-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toBeTruthy();
    accountId = new URL(page.url()).searchParams.get('account')!;
    expect(accountId).toBeTruthy();
    handle = (await api<{ account: { handle: string } }>(`/api/accounts/${encodeURIComponent(accountId)}`))
      .account.handle;
    const text = (await panel.textContent())!;
    expect(text).not.toMatch(/PageRank|bridge score|\b1 accounts\b|\b1 times\b|\b1 hops\b|ill-defined|_/);
    expect(await page.getByTestId('account-timeline').count()).toBe(1);
    await shots('account-panel');
  });

  it('sets a next step due today and sees it in "My next steps" and in the reminders', async () => {
    await page.getByLabel('Next step', { exact: true }).fill('Invite to the May webinar');
    await page.getByLabel('Due').fill(localToday());
    await page.getByRole('button', { name: 'Save next step' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Saved/);
    await expect
      .poll(() => page.getByTestId('account-timeline').textContent(), { timeout: 15_000 })
      .toContain('Next step: Invite to the May webinar');
    await page.getByRole('button', { name: 'Close account panel' }).click();

    await page.getByRole('link', { name: 'Outreach' }).click();
    const mine = page.getByTestId('next-steps');
    await expect.poll(() => mine.textContent(), { timeout: 15_000 }).toContain('Invite to the May webinar');
    expect(await mine.textContent()).toContain(`@${handle}`);
    expect(await mine.textContent()).toContain('due today');
    await expect.poll(() => page.getByTestId('next-steps-counts').textContent()).toMatch(/1 due today/);
    await expect
      .poll(() => page.getByTestId('reminders-counts').textContent(), { timeout: 15_000 })
      .toMatch(/1 due today/);
  });

  it('drags a card to another stage', async () => {
    const board = page.getByTestId('pipeline-board');
    const card = board.locator(`li[data-account="${accountId}"]`);
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    const from = await card.evaluate((el) => el.closest('[data-stage]')!.getAttribute('data-stage'));
    const to = from === 'responded' ? 'partner' : 'responded';
    await card.dragTo(board.locator(`[data-stage="${to}"]`));
    await expect
      .poll(() => board.locator(`[data-stage="${to}"] li[data-account="${accountId}"]`).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    const rel = await api<{ relationship: { stage: string } }>(
      `/api/outreach/relationships/${encodeURIComponent(accountId)}`,
    );
    expect(rel.relationship.stage).toBe(to);
    await shots('outreach');
  });

  it('downloads the whole pipeline as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export the whole pipeline (CSV)' }).click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^account_id,handle,name,stage/);
    const { items } = await api<{ items: unknown[] }>('/api/outreach/pipeline?limit=5000');
    expect(lines.length - 1).toBe(items.length);
    expect(lines.some((l) => l.startsWith(`${accountId},`))).toBe(true);
  });

  it('logs, edits and deletes a contact, and both changes are in the audit log', async () => {
    await page
      .getByTestId('pipeline-board')
      .getByRole('button', { name: new RegExp(`@${handle}`) })
      .click();
    const log = page.getByTestId('contact-log');
    await page.getByLabel('Note', { exact: true }).fill('Sent the webinar invite by DM.');
    await page.getByRole('button', { name: 'Log contact' }).click();
    await expect
      .poll(() => log.textContent(), { timeout: 15_000 })
      .toContain('Sent the webinar invite by DM.');
    const entry = log.locator('li', { hasText: 'Sent the webinar invite by DM.' });
    await entry.getByRole('button', { name: 'Edit' }).click();
    const form = log.getByRole('form', { name: 'Edit this contact' });
    await form.getByLabel('Note').fill('Sent the webinar invite by DM; they said yes.');
    await form.getByRole('button', { name: 'Save changes' }).click();
    // The note field holds the new text while saving: wait for the form to give way to the saved entry.
    await expect.poll(() => form.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => log.textContent(), { timeout: 15_000 }).toContain(`edited by ${demo.username}`);
    expect(await log.textContent()).toContain('they said yes.');
    await shots('account-contact-edited');

    const edited = log.locator('li', { hasText: 'they said yes.' });
    await edited.getByRole('button', { name: 'Delete' }).click();
    await edited.getByRole('button', { name: 'Delete contact' }).click();
    await expect.poll(() => log.textContent(), { timeout: 15_000 }).not.toContain('they said yes.');

    const audit = await api<{ items: { action: string; actor: string; target: string }[] }>(
      `/api/audit?action=contact&target=${encodeURIComponent(`account:${accountId}`)}`,
    );
    expect(audit.items.map((e) => e.action).slice(0, 3)).toEqual([
      'contact.delete',
      'contact.update',
      'contact.create',
    ]);
    expect(audit.items.every((e) => e.actor === demo.username)).toBe(true);
    expect(JSON.stringify(audit.items)).not.toContain('they said yes');
    await page.getByRole('button', { name: 'Close account panel' }).click();
  });

  it('shows the audit log with names, filtered, on Admin', async () => {
    await page.getByRole('link', { name: 'Admin' }).click();
    const auditLog = page.getByTestId('audit-log');
    await page.getByLabel('What').selectOption('contact');
    await page.getByRole('button', { name: 'Filter' }).click();
    const rows = auditLog.locator('tbody tr');
    // The filtered page replaces the unfiltered one: wait until every row is a contact change.
    await expect
      .poll(
        async () => {
          // An empty table (still loading) is not the filtered page yet.
          const all = await rows.allTextContents();
          return all.length >= 3 && all.every((t) => t.includes('contact.'));
        },
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.some((t) => t.includes(`@${handle}`))).toBe(true);
    expect(await auditLog.textContent()).not.toContain(`account:${accountId}`);
    await expect.poll(() => page.getByTestId('import-files').count()).toBe(1);
    await shots('admin');
  });
});
