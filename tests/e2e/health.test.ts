import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

describe('the web client in Chromium', () => {
  let browser: Browser;
  let server: { app: FastifyInstance; url: string };
  beforeAll(async () => {
    server = await startTestServer({ client: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
  });

  it('shows the Neo4j version reported by /api/health', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect
      .poll(() => page.getByTestId('neo4j-version').textContent())
      .toMatch(/^5\.26\.\d+ \(community\)/);
    await page.screenshot({ path: `${screenshotDir}/health.png` });
  });
});
