// `npm run bench:browser`: the web app in Chromium on the graph already loaded and analysed in the
// Neo4j named by CARECIRCLE_NEO4J_INSTANCE / NEO4J_URI (issue 15: the 1M demo graph; see README
// "Sizing"). A benchmark, not a CI test: it measures how long each step a user takes needs, from the
// click to the answer on screen, and saves a screenshot of each (tests/bench/out/browser-*.png).
// Steps: sign in, Explore (aggregated communities), open a community, open an account, its ego
// network, warm introductions, filter the influencers, log a contact, then Explore for a period (the
// first quarter of data, from the filter panel's dates). Goal: every step under 2 s.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { connectionFromEnv, openDb } from '../../queries/connection.ts';
import { loadCypher } from '../../queries/cypher.ts';
import { benchCypher } from './cypher.ts';
import { int } from '../../queries/db.ts';
import { applySchema } from '../../queries/schema.ts';
import { buildApp } from '../../server/app.ts';
import { setUser } from '../../queries/users.ts';
import { ensureClientBuilt } from '../../server/client-build.ts';
import { setRelationship } from '../../queries/outreach/records.ts';
import { launchBrowser } from '../helpers/browser.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'tests/bench/out');
const GOAL_MS = 2_000;
mkdirSync(outDir, { recursive: true });

const db = openDb(connectionFromEnv());
await applySchema(db);
const [counts] = await db.read(loadCypher('graph/count'));
console.log(
  `graph: ${Number(counts?.accounts).toLocaleString('en-US')} accounts, ${Number(counts?.communities)} communities ` +
    `(Neo4j ${process.env.NEO4J_URI ?? process.env.CARECIRCLE_NEO4J_INSTANCE ?? 'dev'})`,
);
await ensureClientBuilt((l) => console.log(l));
// Warm introductions need accounts the organisation already works with: five of the best-ranked.
const top = await db.read(benchCypher('top-accounts'), { limit: int(40) });
for (const [i, r] of top.slice(1, 6).entries()) {
  await setRelationship(db, 'bench', String(r.id), { stage: i % 2 === 0 ? 'partner' : 'responded' });
}
const password = `bench-browser-${Math.random().toString(36).slice(2)}-password`;
await setUser(db, 'bench-browser', 'admin', password);
const app = await buildApp({ db, logLevel: 'warn' });
const url = await app.listen({ port: 0, host: '127.0.0.1' });

const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page: Page = await context.newPage();
const steps: { step: string; ms: number; met: boolean }[] = [];

/** Runs `act` (the user's action) and `until` (what they wait to see), timing both together. */
async function step(name: string, act: () => Promise<unknown>, until: () => Promise<unknown>) {
  const t = performance.now();
  await act();
  await until();
  const ms = Math.round(performance.now() - t);
  steps.push({ step: name, ms, met: ms <= GOAL_MS });
  await page.screenshot({
    path: path.join(outDir, `browser-${steps.length}-${name.replace(/\W+/g, '-')}.png`),
  });
  console.log(`${name}: ${ms} ms`);
}

const text = (testId: string) => page.getByTestId(testId);
try {
  await page.goto(url);
  await page.getByLabel('Username').waitFor();
  await step(
    'sign in and see Explore (aggregated)',
    async () => {
      await page.getByLabel('Username').fill('bench-browser');
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    },
    () =>
      page.waitForFunction(
        () =>
          /accounts in \d+ communities/.test(
            document.querySelector('[data-testid="graph-status"]')?.textContent ?? '',
          ),
        undefined,
        { timeout: 60_000 },
      ),
  );
  await step(
    'open the largest community',
    async () => {
      await page.getByRole('link', { name: 'Communities' }).click();
      await page.locator('table.data-table tbody tr').first().waitFor({ timeout: 60_000 });
      await page.locator('table.data-table tbody tr').first().click();
    },
    () =>
      page.waitForFunction(
        () =>
          /\d+ accounts, \d+ links/.test(
            document.querySelector('[data-testid="graph-status"]')?.textContent ?? '',
          ),
        undefined,
        { timeout: 60_000 },
      ),
  );
  const target = String(top[0]?.id);
  await step(
    'open an account',
    () =>
      page.goto(
        `${page.url().split('#')[0]}${page.url().includes('?') ? '&' : '?'}account=${encodeURIComponent(target)}`,
      ),
    () => text('account-explanation').locator('li').first().waitFor({ timeout: 60_000 }),
  );
  await step(
    'its ego network',
    () => page.getByRole('button', { name: 'Show ego network' }).click(),
    () => page.getByText(/strongest partners highlighted/).waitFor({ timeout: 60_000 }),
  );
  await step(
    'warm introductions',
    () => page.getByRole('button', { name: 'Find warm introductions' }).click(),
    () =>
      page
        .locator('ol.paths li')
        .or(page.getByText(/No path from an account/))
        .first()
        .waitFor({ timeout: 60_000 }),
  );
  const res = await page.request.get(`${url}/api/influencers?limit=100`);
  const { items } = (await res.json()) as { items: { specialties: string[] }[] };
  const specialty = items.find((i) => i.specialties.length > 0)?.specialties[0] ?? 'diabetes';
  await step(
    'filter the influencers by specialty',
    async () => {
      await page.getByRole('button', { name: 'Close account panel' }).click();
      await page.getByRole('link', { name: 'Influencers' }).click();
      // The filters are shared with Explore: drop the community opened above first.
      await page.getByRole('button', { name: 'Clear', exact: true }).first().click();
      await page.getByLabel('Specialty').fill(specialty);
      await page.getByRole('button', { name: 'Apply filters' }).click();
    },
    () =>
      page.waitForFunction(
        (s) =>
          location.search.includes(`specialty=${encodeURIComponent(s)}`) &&
          /^[1-9]\d* shown/.test(
            document.querySelector('[data-testid="influencer-count"]')?.textContent ?? '',
          ),
        specialty,
        { timeout: 60_000 },
      ),
  );
  await page.locator('table.data-table tbody tr').first().click();
  await text('account-explanation').locator('li').first().waitFor({ timeout: 60_000 });
  await step(
    'log a contact',
    async () => {
      await page.getByLabel('Channel').selectOption('dm');
      await page
        .getByLabel('Note')
        .fill('Introduced our education series at the 1M benchmark; will follow up.');
      await page.getByLabel('Outcome').fill('interested');
      await page.getByRole('button', { name: 'Log contact' }).click();
    },
    // Done when the contact is in the account's contact log, as the user checks it.
    async () => {
      await page
        .getByRole('status')
        .filter({ hasText: 'Contact logged' })
        .first()
        .waitFor({ timeout: 60_000 });
      await page
        .getByTestId('contact-log')
        .getByText('Introduced our education series', { exact: false })
        .first()
        .waitFor({ timeout: 60_000 });
    },
  );
  const [params] = await db.read(benchCypher('route-params'));
  const earliest = Date.parse(String(params?.earliest ?? '2025-01-01'));
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  await step(
    'Explore for a period (the first quarter of data)',
    async () => {
      const close = page.getByRole('button', { name: 'Close account panel' });
      if (await close.isVisible()) await close.click();
      await page.getByRole('link', { name: 'Explore' }).click();
      await page.getByRole('button', { name: 'Clear', exact: true }).first().click();
      await page.getByLabel('From').fill(day(earliest));
      await page.getByLabel('To').fill(day(earliest + 89 * 86_400_000));
      await page.getByRole('button', { name: 'Apply filters' }).click();
    },
    () =>
      page.waitForFunction(
        () => {
          const status = document.querySelector('[data-testid="graph-status"]')?.textContent ?? '';
          return /accounts in \d+ communities/.test(status) && / · .*\d{4}/.test(status);
        },
        undefined,
        { timeout: 60_000 },
      ),
  );
} finally {
  await context.close();
  await browser.close();
  await app.close();
}
console.table(steps);
for (const s of steps) console.log(`GOAL ${s.met ? 'MET   ' : 'MISSED'} ${s.step}: under 2 s (${s.ms} ms)`);
console.log(
  `load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} on ${os.cpus().length} CPUs; screenshots in tests/bench/out/browser-*.png`,
);
writeFileSync(
  path.join(outDir, 'browser.json'),
  JSON.stringify({ at: new Date().toISOString(), loadAverage: os.loadavg(), steps }, null, 2),
);
