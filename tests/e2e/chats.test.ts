// Issue 19's acceptance flow in Chromium against the real server and Neo4j on the demo data (which
// plants hashtag chats): open the chats list, open a chat, add its host to the outreach pipeline and
// see the host there at "to follow". Screenshots of both pages go to tests/e2e/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { startDemoApp, type DemoApp } from './demo-app.ts';

describe('hashtag chats in the web app', () => {
  let demo: DemoApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });

  beforeAll(async () => {
    demo = await startDemoApp();
    browser = await launchBrowser();
    // A viewer in Berlin: times on the page are shown in the viewer's zone, not the chat's.
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Europe/Berlin',
    });
    page = await context.newPage();
  }, 600_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await demo?.app.close();
  });

  it('lists the chats with their schedule and next session in the viewer’s zone', async () => {
    await page.goto(demo.url);
    await page.getByLabel('Username').fill(demo.username);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe(demo.username);
    await page.getByRole('link', { name: 'Hashtag chats' }).click();
    const row = page.locator('tr', { has: page.getByRole('button', { name: '#hcsmchat' }) });
    await expect
      .poll(() => row.textContent(), { timeout: 30_000 })
      .toContain('Mondays 21:00–22:00 America/New_York');
    // 21:00 in New York is 03:00 the next day in Berlin.
    expect(await row.locator('td').nth(2).textContent()).toMatch(/Tue.*03:00/);
    expect(await page.locator('tr', { hasText: '#mhchat' }).textContent()).toContain('stopped');
    await shot('chats-list');
  });

  it('opens a chat and adds its host to the outreach pipeline', async () => {
    await page.getByRole('button', { name: '#hcsmchat' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '#hcsmchat' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('chat-next').textContent()).toMatch(/Tue.*03:00/);
    const detail = await (await page.request.get(`${demo.url}/api/chats/hcsmchat`)).json();
    const host = detail.hosts[0] as { id: string; handle: string };
    expect(await page.getByRole('heading', { name: 'Hosts' }).locator('..').textContent()).toContain(
      `@${host.handle}`,
    );
    await shot('chat-page');
    await page.getByRole('button', { name: 'Add hosts to the outreach pipeline' }).click();
    await expect.poll(() => page.getByTestId('pipeline-message').textContent()).toMatch(/Hosts: \d+ added/);
    const rel = await (
      await page.request.get(`${demo.url}/api/outreach/relationships/${encodeURIComponent(host.id)}`)
    ).json();
    expect(rel.relationship).toMatchObject({ stage: 'to_follow' });
    // A second click moves nobody: everyone is already there.
    await page.getByRole('button', { name: 'Add hosts to the outreach pipeline' }).click();
    await expect
      .poll(() => page.getByTestId('pipeline-message').textContent())
      .toMatch(/Hosts: 0 added.*\d+ already there/);
    await shot('chat-page-added');
  });
});
