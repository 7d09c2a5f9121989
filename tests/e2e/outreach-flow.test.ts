// Issue 6's acceptance flow in Chromium against the real server and Neo4j on demo data: sign in, filter
// to a specialty and a place, open an account and its explanation, log a contact, see it on the
// pipeline and in the audit log, have a note with a phone number refused, export a PNG. Each main view
// is saved as a screenshot in tests/e2e/screenshots/.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphAtRest, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { startDemoApp, type DemoApp } from './demo-app.ts';

interface Target {
  accountId: string;
  handle: string;
  specialty: string;
  place: string;
}

describe('outreach flow in the web app', () => {
  let demo: DemoApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let target: Target;

  const shot = (name: string) => page.screenshot({ path: `${screenshotDir}/${name}.png` });

  beforeAll(async () => {
    demo = await startDemoApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await demo?.app.close();
  });

  it('refuses a wrong password and signs in with the demo account', async () => {
    await page.goto(demo.url);
    await expect.poll(() => page.getByTestId('neo4j-version').textContent()).toMatch(/^5\.26/);
    await shot('signin');
    await page.getByLabel('Username').fill(demo.username);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/wrong username or password/);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe(demo.username);
  });

  it('draws the demo graph on the explore view', async () => {
    await expect
      .poll(() => page.getByTestId('graph-status').textContent(), { timeout: 30_000 })
      .toMatch(/\d+ accounts, \d+ links/);
    // Sigma draws into canvases inside the container.
    await expect
      .poll(() => page.locator('[data-testid="graph-canvas"] canvas').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await graphAtRest(page);
    await shot('explore');
  });

  it('filters influencers to a specialty and a place', async () => {
    // Choose a specialty and a city that the demo really holds, from the API the page itself uses.
    const res = await page.request.get(`${demo.url}/api/influencers?limit=100`);
    expect(res.status()).toBe(200);
    const { items } = (await res.json()) as {
      items: {
        accountId: string;
        handle: string | null;
        specialties: string[];
        place: { name: string | null } | null;
      }[];
    };
    const pick = items.find((i) => i.specialties.length > 0 && i.place?.name && i.handle);
    expect(pick, 'the demo has a ranked account with a specialty and a place').toBeDefined();
    const specialty = pick!.specialties[0]!;
    const place = pick!.place!.name!;

    await page.getByRole('link', { name: 'Influencers' }).click();
    await page.getByLabel('Specialty').fill(specialty);
    await page.getByLabel('Near (place)').fill(place);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url()).toContain(`specialty=${encodeURIComponent(specialty)}`);
    expect(page.url()).toContain(`near=${encodeURIComponent(place).replace(/%20/g, '+')}`);
    await expect
      .poll(() => page.getByTestId('influencer-count').textContent(), { timeout: 15_000 })
      .toMatch(/^[1-9]\d* shown/);

    const rows = page.locator('table.data-table tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      // Every row is in that specialty, and says why it was ranked.
      expect(await rows.nth(i).locator('td').nth(3).textContent()).toContain(specialty);
      expect((await rows.nth(i).locator('td.why').textContent())?.length).toBeGreaterThan(0);
    }
    const firstHandle = (await rows.first().locator('td').nth(1).locator('.handle').textContent())!.replace(
      /^@/,
      '',
    );
    const chosen = items.find((i) => i.handle === firstHandle);
    target = { accountId: chosen?.accountId ?? '', handle: firstHandle, specialty, place };
    await shot('influencers');

    // Sorting from the keyboard alone: Tab to the Score header, Enter sorts, Enter again reverses.
    const scoreHeader = page.getByRole('columnheader', { name: 'Score' });
    await page.getByRole('button', { name: 'Score' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => scoreHeader.getAttribute('aria-sort')).toBe('descending');
    await page.keyboard.press('Enter');
    await expect.poll(() => scoreHeader.getAttribute('aria-sort')).toBe('ascending');
    const scores = (await rows.locator('td.num').allTextContents())
      .filter((t) => t.includes('.'))
      .map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    await page.keyboard.press('Enter');
    await expect.poll(() => scoreHeader.getAttribute('aria-sort')).toBe('descending');

    // A shared link reproduces the filtered list.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect
      .poll(() => shared.getByTestId('influencer-count').textContent(), { timeout: 15_000 })
      .toBe(await page.getByTestId('influencer-count').textContent());
    await shared.close();
  });

  it('opens an account and shows why it ranks', async () => {
    await page.locator('table.data-table tbody tr').first().click();
    const panel = page.getByTestId('account-panel');
    await expect.poll(() => panel.locator('h2').textContent(), { timeout: 15_000 }).toBeTruthy();
    expect(await panel.textContent()).toContain(`@${target.handle}`);
    await expect
      .poll(() => page.getByTestId('account-explanation').locator('li').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('account-score').textContent()).toMatch(/^\d+\.\d{3}$/);
    // Beside the panel the table still fits its column at 1280x800: nothing to scroll sideways to.
    const fits = await page
      .locator('section[aria-labelledby="influencers-title"]')
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fits.scroll).toBeLessThanOrEqual(fits.client);
    expect(await page.getByRole('columnheader', { name: 'Why ranked' }).isVisible()).toBe(true);
    await shot('influencers-panel');
    const accountInUrl = new URL(page.url()).searchParams.get('account');
    expect(accountInUrl).toBeTruthy();
    target.accountId = accountInUrl!;
    await shot('account');
  });

  it('logs a contact and moves the relationship to contacted', async () => {
    const note = 'Introduced our diabetes education series; they asked us to call back Tuesday.';
    await page.getByLabel('Channel').selectOption('dm');
    await page.getByLabel('Note').fill(note);
    await page.getByLabel('Outcome').fill('interested');
    await page.getByRole('button', { name: 'Log contact' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Contact logged');
    await expect.poll(() => page.getByTestId('contact-log').textContent()).toContain(note);
    await expect.poll(() => page.getByTestId('account-stage').textContent()).toBe('Contacted');
  });

  it('refuses a note with a phone number, shows why next to the note, and saves nothing', async () => {
    const before = await page.getByTestId('contact-log').locator('li').count();
    const phi = 'Patient asked us to call her back on 617-555-0134 about her test results';
    await page.getByLabel('Note').fill(phi);
    await page.getByRole('button', { name: 'Log contact' }).click();
    const error = page.getByTestId('contact-note-error');
    await expect.poll(() => error.textContent()).toMatch(/phone/i);
    expect(await page.getByLabel('Note').getAttribute('aria-invalid')).toBe('true');
    // The text stays for the user to fix; the log did not grow.
    expect(await page.getByLabel('Note').inputValue()).toBe(phi);
    const log = await page.request.get(
      `${demo.url}/api/outreach/contacts?accountId=${encodeURIComponent(target.accountId)}`,
    );
    const { items } = (await log.json()) as { items: { note: string }[] };
    expect(items).toHaveLength(before);
    expect(items.some((c) => c.note.includes('617'))).toBe(false);
    // The refused span is highlighted in a copy of the note; the demo user is an admin, so each saved
    // note offers a purge.
    expect(await page.getByTestId('contact-note-highlight').locator('mark').allTextContents()).toEqual([
      '617-555-0134',
    ]);
    expect(await page.getByRole('button', { name: 'Purge note…' }).count()).toBe(items.length);
    await shot('phi-refused');

    // Closing the panel takes the account out of the URL.
    await page.getByRole('button', { name: 'Close account panel' }).click();
    await expect.poll(() => page.getByTestId('account-panel').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('account')).toBeNull();
  });

  it('shows the contact on the pipeline board', async () => {
    await page.getByRole('link', { name: 'Outreach' }).click();
    const column = page.getByTestId('pipeline-board').locator('[data-stage="contacted"]');
    await expect.poll(() => column.textContent(), { timeout: 15_000 }).toContain(`@${target.handle}`);
    expect(await column.locator('h3').textContent()).toMatch(/Contacted\s*1$/);
    await expect.poll(() => column.textContent()).toMatch(/(^|\D)1 contact(?!s)/);
    await shot('outreach');
    // A card opens its account.
    await column.getByRole('button', { name: new RegExp(`@${target.handle}`) }).click();
    await expect
      .poll(() => page.getByTestId('account-stage').textContent(), { timeout: 15_000 })
      .toBe('Contacted');
    await page.getByRole('button', { name: 'Close account panel' }).click();
  });

  it('shows the contact in the audit log', async () => {
    await page.getByRole('link', { name: 'Admin' }).click();
    const auditLog = page.getByTestId('audit-log');
    const row = auditLog
      .locator('tbody tr', { hasText: 'contact.create' })
      .filter({ hasText: target.accountId });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await row.first().textContent()).toContain(demo.username);
    // The stage change is there too, with its new value.
    const stageRow = auditLog
      .locator('tbody tr', { hasText: 'relationship.' })
      .filter({ hasText: target.accountId });
    expect(await stageRow.first().textContent()).toContain('stage: contacted');
    // The refused note never reached the log.
    expect(await auditLog.textContent()).not.toContain('617-555-0134');
    await shot('admin');
  });

  it('lists the users and runs an analysis job with its progress', async () => {
    const users = page.getByRole('region', { name: 'Users' }).locator('tbody tr');
    await expect.poll(() => users.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await users.filter({ hasText: demo.username }).first().textContent()).toContain('admin');

    await page.getByRole('button', { name: 'Run analysis' }).click();
    const progress = page.getByTestId('job-progress');
    await expect
      .poll(() => progress.textContent(), { timeout: 15_000 })
      .toMatch(/^analyze · (running|succeeded)/);
    await shot('admin-job');
    await expect.poll(() => progress.textContent(), { timeout: 120_000 }).toMatch(/^analyze · succeeded/);
    expect(await progress.locator('progress').getAttribute('value')).toBe('100');
    expect(await page.getByRole('button', { name: 'Run analysis' }).isEnabled()).toBe(true);
  });

  it('lists communities and hashtags', async () => {
    await page.getByRole('link', { name: /Communities/ }).click();
    const rows = page.locator('table.data-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await expect.poll(() => page.locator('ol.bars li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Top accounts are named by handle, not by internal id.
    await expect
      .poll(() => rows.first().locator('td').nth(3).textContent(), { timeout: 15_000 })
      .toMatch(/^@\S+/);
    await shot('communities');
  });

  it('exports the current graph view as a PNG', async () => {
    await page.getByRole('link', { name: 'Explore' }).click();
    await expect
      .poll(() => page.getByTestId('graph-status').textContent(), { timeout: 30_000 })
      .toMatch(/accounts/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5000);

    // A link with the account reopens it beside the graph.
    const link = new URL(page.url());
    link.searchParams.set('account', target.accountId);
    await page.goto(link.toString());
    await expect
      .poll(() => page.getByTestId('account-stage').textContent(), { timeout: 15_000 })
      .toBe('Contacted');
    await expect
      .poll(() => page.getByTestId('graph-status').textContent(), { timeout: 30_000 })
      .toMatch(/accounts/);
    await graphAtRest(page);
    await shot('explore-account');
  });
});
