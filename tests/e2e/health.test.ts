import { describe, expect, it } from 'vitest';
import { screenshotDir } from '../helpers/browser.ts';
import { useClientInBrowser } from '../helpers/server.ts';

describe('the web client in Chromium', () => {
  const suite = useClientInBrowser();

  it('shows the Neo4j version reported by /api/health', async () => {
    const page = await suite.browser.newPage();
    await page.goto(suite.server.url);
    await expect
      .poll(() => page.getByTestId('neo4j-version').textContent())
      .toMatch(/^5\.26\.\d+ \(community\)/);
    await page.screenshot({ path: `${screenshotDir}/health.png` });
  });
});
