// Debian's Chromium driven by playwright-core (`npx playwright install` cannot work here).
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const screenshotDir = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Waits until the page shows what a person would look at: two animation frames have been drawn (a
 * resize or a click has been laid out) and no CSS transition or animation is still running. Used
 * instead of fixed pauses before pictures and accessibility checks.
 */
export async function pageAtRest(page: Page, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => done(document.getAnimations().every((a) => a.playState !== 'running'))),
        ),
      ),
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
}

/**
 * Waits until the graph's picture stops changing (edges fill in over a few frames and the map may
 * still move after a draw): two pictures in a row alike, taken `intervalMs` apart, at most `maxMs`.
 * Returns that picture.
 */
export async function graphAtRest(page: Page, intervalMs = 300, maxMs = 20_000): Promise<Buffer> {
  const canvas = page.getByTestId('graph-canvas');
  await page.mouse.move(1, 1); // no hover highlight in the picture
  let before = await canvas.screenshot();
  for (let waited = 0; waited < maxMs; waited += intervalMs) {
    await page.waitForTimeout(intervalMs);
    const now = await canvas.screenshot();
    if (now.equals(before)) return now;
    before = now;
  }
  throw new Error(`the graph kept changing for ${maxMs / 1000} s`);
}
