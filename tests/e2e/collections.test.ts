// Admin → Collections in Chromium against the real server and a replay server speaking Mastodon: an
// admin adds a watch, runs it now, and sees the run's posts and interactions appear in the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUser } from '../../queries/users.ts';
import { screenshotDir } from '../helpers/browser.ts';
import { resetGraph, testDb } from '../helpers/db.ts';
import { useClientInBrowser } from '../helpers/server.ts';
import { startWorld, type World } from '../integration/collect/setup.ts';

const PASSWORD = 'plum tractor velvet harbour';
// The server's runs must not write an archive into the working tree.
process.env.CARECIRCLE_COLLECT_ARCHIVE = 'off';

describe('Admin → Collections', () => {
  const suite = useClientInBrowser();
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
    const db = testDb();
    try {
      await resetGraph(db);
      await setUser(db, 'collector', 'admin', PASSWORD);
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await world?.replay.close();
    const db = testDb();
    await resetGraph(db).finally(() => db.close());
  });

  it('adds a Mastodon watch, runs it now and shows what the run added', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(suite.server.url);
    await page.getByLabel('Username').fill('collector');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('button', { name: 'Collections' }).click();
    await expect.poll(() => page.getByText('No watches yet').count()).toBe(1);

    const form = page.getByRole('form', { name: 'Add a watch' });
    await form.getByLabel('What to follow').selectOption('account');
    await form.getByLabel(/^Target/).fill('schochastics@fosstodon.org');
    // Without the instance the server says what is missing, next to the field.
    await form.getByRole('button', { name: 'Add watch' }).click();
    await expect
      .poll(() => form.locator('#watch-instance-error').textContent())
      .toMatch(/is required for Mastodon/);
    await form.getByLabel('Instance (required)').fill(world.replay.base);
    await form.getByLabel('Every (minutes)').fill('30');
    await form.getByRole('button', { name: 'Add watch' }).click();

    const row = page.getByTestId('watch-mastodon-account-schochastics-fosstodon-org');
    await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('never');
    await row.getByRole('button', { name: 'Run now' }).click();
    // The run happens on the server in the background; the page looks again until it has finished.
    await expect.poll(() => row.locator('td').nth(2).textContent(), { timeout: 60_000 }).toMatch(/^done, /);
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(3, 6)).toEqual(['20', '20', '']);
    expect(cells[1]).toBe('active');
    expect(cells[7]).toBe('not set');

    await row.getByRole('button', { name: 'Runs' }).click();
    const runs = page.getByRole('table', { name: /Recent runs of/ });
    await expect.poll(() => runs.locator('tbody tr').count()).toBe(1);
    expect((await runs.locator('tbody tr td').allTextContents()).slice(1, 5)).toEqual([
      'done',
      '4',
      '20',
      '20',
    ]);
    await page.screenshot({ path: `${screenshotDir}/collections.png`, fullPage: true });
    await page.close();
  });
});
