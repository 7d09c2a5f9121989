// Issue 13 in Chromium: the strict Content-Security-Policy is sent for the web client and the API
// docs, and both still work under it (no violation reported); "Add to pipeline" on an account that
// already responded shows its stage and moves it back only when asked twice.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { graphAtRest, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { resetGraph, testDb } from '../helpers/db.ts';
import { startTestServer } from '../helpers/server.ts';
import { seedGraph } from '../integration/server/seed.ts';
import { ensureDemoUser } from '../../queries/users.ts';

interface Violation {
  directive: string;
  blocked: string;
}

/** A page that records every CSP violation the browser reports. */
async function watchedPage(
  browser: Browser,
): Promise<{ page: Page; violations: () => Promise<Violation[]> }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  // Init scripts are injected by the browser itself, outside the page's CSP.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: { directive: string; blocked: string }[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    );
  });
  const page = await context.newPage();
  const consoleCsp: Violation[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text()))
      consoleCsp.push({ directive: 'console', blocked: m.text() });
  });
  return {
    page,
    violations: async () => [
      ...(await page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp)),
      ...consoleCsp,
    ],
  };
}

describe('Content-Security-Policy in Chromium', () => {
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let login: { username: string; password: string };
  beforeAll(async () => {
    const db = testDb();
    try {
      await resetGraph(db);
      await seedGraph(db);
      login = await ensureDemoUser(db);
    } finally {
      await db.close();
    }
    ({ app, url } = await startTestServer({ client: true }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    const db = testDb();
    await resetGraph(db).finally(() => db.close());
  });

  it('sends a policy without inline scripts on / and /api/docs', async () => {
    for (const path of ['/', '/api/docs', '/api/docs/static/index.html', '/api/health']) {
      const res = await fetch(url + path);
      const csp = res.headers.get('content-security-policy');
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("script-src-attr 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
    }
  });

  it('the client signs in and shows its views with no violation', async () => {
    const { page, violations } = await watchedPage(browser);
    await page.goto(url);
    await page.getByLabel('Username').fill(login.username);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Influencers' }).click();
    await expect
      .poll(() => page.getByTestId('influencer-count').textContent(), { timeout: 15_000 })
      .toMatch(/^[1-9]\d* shown/);
    await page.screenshot({ path: `${screenshotDir}/csp-influencers.png` });
    await page.getByRole('link', { name: 'Admin' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Users' }).locator('tbody tr').count())
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${screenshotDir}/csp-admin.png`, fullPage: true });
    await page.getByRole('link', { name: 'Explore' }).click();
    await expect
      .poll(() => page.getByTestId('graph-status').textContent(), { timeout: 30_000 })
      .toMatch(/\d+ accounts/);
    await graphAtRest(page);
    await page.screenshot({ path: `${screenshotDir}/csp-explore.png` });
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('the API docs page renders its operations with no violation', async () => {
    const { page, violations } = await watchedPage(browser);
    await page.goto(`${url}/api/docs`);
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await page.locator('.opblock-summary-path').allTextContents()).toContain('/api/influencers');
    await page.screenshot({ path: `${screenshotDir}/csp-docs.png` });
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('"Add to pipeline" on a responded account shows the stage and asks before moving it back', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(url);
    await page.getByLabel('Username').fill(login.username);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Influencers' }).waitFor();
    // x:1 (@T1DAdvocate) has responded, through the API the page uses.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'cc_csrf')!.value;
    const set = await page.request.put(`${url}/api/outreach/relationships/x%3A1`, {
      data: { stage: 'responded' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(set.status()).toBe(200);
    await page.getByRole('link', { name: 'Influencers' }).click();
    await page.getByRole('button', { name: 'Add to pipeline: @T1DAdvocate' }).click();
    // Other rows name @T1DAdvocate among their reasons; x:1 itself ranks first.
    const row = page.getByRole('row', { name: /^1 Ana Rivera @T1DAdvocate/ });
    await expect
      .poll(() => row.textContent(), { timeout: 15_000 })
      .toContain('Already in the pipeline: Responded');
    const stage = async () =>
      (await (await page.request.get(`${url}/api/outreach/relationships/x%3A1`)).json()).relationship.stage;
    expect(await stage()).toBe('responded');
    await page.screenshot({ path: `${screenshotDir}/add-to-pipeline-ahead.png` });
    await row.getByRole('button', { name: 'Move back @T1DAdvocate to To follow' }).click();
    await expect
      .poll(() => row.textContent(), { timeout: 15_000 })
      .toContain('back from Responded to To follow?');
    await row.getByRole('button', { name: 'Keep Responded' }).click();
    expect(await stage()).toBe('responded');
    await row.getByRole('button', { name: 'Move back @T1DAdvocate to To follow' }).click();
    await row.getByRole('button', { name: 'Move back', exact: true }).click();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('Added');
    expect(await stage()).toBe('to_follow');
    await page.context().close();
  });
});
