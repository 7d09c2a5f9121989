// Issue 16's Explore acceptance in Chromium against the real server and Neo4j on the demo network: the
// stored layout gives the same first picture on every load, colour by role with its legend, the
// community legend by name, the link-type filter, the GEXF of the view read back by networkx (colours,
// sizes, positions), the PNG with its legend, filter matches listed, the keyboard path to a node
// (match list and search), "Run layout" refining on request, and screenshots at 1280×800 and 1920×1080.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphAtRest, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { startDemoApp, type DemoApp } from './demo-app.ts';

interface ApiNode {
  id: string;
  label: string;
  community: number | null;
  score: number | null;
  x?: number | null;
  y?: number | null;
  role?: string | null;
}
interface ApiEdge {
  source: string;
  target: string;
  types?: Record<'mention' | 'reply' | 'repost' | 'quote' | 'follow', number>;
}
interface ApiGraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
  aggregated: boolean;
}

describe('explore in the web app', () => {
  let demo: DemoApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scratch: Page;
  let view: ApiGraph;
  let first: Buffer;

  const shot = (name: string) => page.screenshot({ path: `${screenshotDir}/${name}.png` });
  const canvas = () => page.getByTestId('graph-canvas');
  const linkTypes = () => page.getByRole('group', { name: 'Links by type' });
  /** The graph's picture once it stops changing (edges fill in over a few frames after a draw). */
  const settled = (): Promise<Buffer> => graphAtRest(page, 400, 16_000);
  /**
   * Share of pixels that differ between two pictures of the graph (any channel by more than 24 of 255),
   * decoded in a blank page. WebGL in software antialiases the same lines a little differently from one
   * draw to the next, so "the same picture" is a share near zero, not equal bytes.
   */
  const difference = (a: Buffer, b: Buffer): Promise<number> =>
    scratch.evaluate(
      async ([a, b]) => {
        const pixels = async (b64: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, c.width, c.height).data;
        };
        const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
        if (pa.length !== pb.length) return 1;
        let differ = 0;
        for (let i = 0; i < pa.length; i += 4) {
          const d = Math.max(
            Math.abs(pa[i]! - pb[i]!),
            Math.abs(pa[i + 1]! - pb[i + 1]!),
            Math.abs(pa[i + 2]! - pb[i + 2]!),
          );
          if (d > 24) differ++;
        }
        return differ / (pa.length / 4);
      },
      [a.toString('base64'), b.toString('base64')] as const,
    );
  /** The same picture: under 0.5% of pixels differ (a moved node or recoloured group is far more). */
  const SAME = 0.005;
  const graphLoaded = async () => {
    await expect
      .poll(() => page.getByTestId('graph-status').textContent(), { timeout: 30_000 })
      .toMatch(/\d+ accounts, \d+ links/);
    await expect
      .poll(() => page.locator('[data-testid="graph-canvas"] canvas').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
  };

  beforeAll(async () => {
    demo = await startDemoApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    scratch = await context.newPage();
    await page.goto(demo.url);
    await page.getByLabel('Username').fill(demo.username);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-user').waitFor({ timeout: 15_000 });
    const res = await page.request.get(`${demo.url}/api/graph?cap=5000`);
    expect(res.status()).toBe(200);
    view = (await res.json()) as ApiGraph;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await demo?.app.close();
  });

  it('draws the stored layout: every account has its position from analysis, and no layout runs', async () => {
    expect(view.aggregated).toBe(false);
    expect(view.nodes.length).toBeGreaterThan(100);
    for (const n of view.nodes) {
      expect(typeof n.x, n.id).toBe('number');
      expect(typeof n.y, n.id).toBe('number');
    }
    await graphLoaded();
    expect(await page.getByRole('button', { name: 'Run layout' }).count()).toBe(1);
    first = await settled();
    await shot('explore-1280');
  });

  it('shows the same first picture on the next load', async () => {
    await page.reload();
    await graphLoaded();
    const again = await settled();
    const share = await difference(first, again);
    if (share >= SAME) {
      writeFileSync(`${screenshotDir}/explore-load-1.png`, first);
      writeFileSync(`${screenshotDir}/explore-load-2.png`, again);
    }
    expect(share, 'share of pixels that changed on reload').toBeLessThan(SAME);
  });

  it('colours by role, with a legend of the roles in view that adds up to the accounts', async () => {
    await page.getByLabel('Node colour', { exact: true }).selectOption('role');
    const legend = page.getByRole('list', { name: 'Role (node colour)' });
    await expect.poll(() => legend.getByRole('listitem').count()).toBeGreaterThan(1);
    const items = await legend.getByRole('listitem').allTextContents();
    // Plain words, never the stored code.
    expect(items.join(' ')).not.toMatch(/_/);
    const counted = items.reduce((sum, t) => sum + Number(/(\d+)\s*$/.exec(t)?.[1] ?? 0), 0);
    expect(counted).toBe(view.nodes.length);
    const clinicians = view.nodes.filter((n) => n.role === 'clinician').length;
    if (clinicians > 0) expect(items).toContain(`Clinician ${clinicians}`);
    const recoloured = await settled();
    expect(await difference(first, recoloured)).toBeGreaterThan(0.02);
    await shot('explore-colour-role');
    await page.getByLabel('Node colour', { exact: true }).selectOption('community');
    expect(await difference(first, await settled()), 'back to community colours').toBeLessThan(SAME);
  });

  it('names the communities in view in the legend, as analysis labelled them', async () => {
    const res = await page.request.get(`${demo.url}/api/communities`);
    const known = ((await res.json()) as { items: { id: number; label: string | null }[] }).items;
    const inView = new Set(view.nodes.map((n) => n.community).filter((c) => c !== null));
    const legend = page.getByRole('list', { name: 'Communities (node colour)' });
    const names = await legend.getByRole('button').allTextContents();
    expect(names.length).toBe(Math.min(12, inView.size));
    for (const name of names) {
      const c = known.find((k) => (k.label ?? `Community ${k.id}`) === name.trim());
      expect(c, `legend entry "${name}" is a community's name`).toBeDefined();
      expect(inView.has(c!.id)).toBe(true);
    }
    expect(names.some((n) => n.startsWith('#'))).toBe(true);
  });

  it('hides links of unticked types and says how many are left', async () => {
    const typed = view.edges.filter((e) => e.types);
    expect(typed.length).toBe(view.edges.length);
    expect(await page.getByTestId('links-shown').textContent()).toBe(`all ${typed.length} links shown`);
    const replies = typed.filter((e) => e.types!.reply > 0).length;
    expect(replies).toBeGreaterThan(0);
    expect(replies).toBeLessThan(typed.length);
    for (const label of ['Mentions', 'Reposts', 'Quotes', 'Follows']) {
      await linkTypes()
        .getByRole('checkbox', { name: new RegExp(`^${label}`) })
        .uncheck();
    }
    expect(await page.getByTestId('links-shown').textContent()).toBe(
      `${replies} of ${typed.length} links shown`,
    );
    expect(await difference(first, await settled())).toBeGreaterThan(0.02);
    await shot('explore-replies-only');
  });

  it('exports the view as GEXF that networkx reads with colours, sizes and positions', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'GEXF' }).click(),
    ]);
    const file = `${screenshotDir}/explore-view.gexf`;
    await download.saveAs(file);
    const script = [
      'import json, sys, networkx as nx',
      'g = nx.read_gexf(sys.argv[1])',
      'out = {"edges": g.number_of_edges(), "nodes": {}}',
      'for n, a in g.nodes(data=True):',
      '    v = a.get("viz", {})',
      '    out["nodes"][n] = {"color": v.get("color"), "size": v.get("size"), "position": v.get("position")}',
      'print(json.dumps(out))',
    ].join('\n');
    const read = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as {
      edges: number;
      nodes: Record<
        string,
        { color: { r: number; g: number; b: number }; size: number; position: { x: number; y: number } }
      >;
    };
    expect(Object.keys(read.nodes).length).toBe(view.nodes.length);
    // Only the links on the picture: replies, as ticked above.
    expect(read.edges).toBe(view.edges.filter((e) => e.types!.reply > 0).length);
    const colours = new Set<string>();
    for (const n of view.nodes) {
      const got = read.nodes[n.id]!;
      expect(got.position.x).toBeCloseTo(n.x!, 1);
      expect(got.position.y).toBeCloseTo(n.y!, 1);
      expect(got.size).toBeGreaterThan(0);
      colours.add(`${got.color.r},${got.color.g},${got.color.b}`);
    }
    expect(colours.size).toBeGreaterThan(1);
    const byScore = [...view.nodes].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    expect(read.nodes[byScore[0]!.id]!.size).toBeGreaterThan(read.nodes[byScore.at(-1)!.id]!.size);
    for (const label of ['Mentions', 'Reposts', 'Quotes', 'Follows']) {
      await linkTypes()
        .getByRole('checkbox', { name: new RegExp(`^${label}`) })
        .check();
    }
  });

  it('exports a PNG with the title above the graph and the legend below it', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG' }).click(),
    ]);
    const file = `${screenshotDir}/explore-export.png`;
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const height = bytes.readUInt32BE(20);
    const box = (await canvas().boundingBox())!;
    // Title band (56 px) and at least two legend rows (22 px each) around the graph itself.
    expect(height).toBeGreaterThan(box.height + 56 + 2 * 22);
  });

  it('lists the accounts a filter keeps beside the graph, best first', async () => {
    const res = await page.request.get(`${demo.url}/api/influencers?role=clinician&limit=500`);
    const { items } = (await res.json()) as { items: { accountId: string }[] };
    const kept = new Set(items.map((i) => i.accountId));
    const expected = view.nodes
      .filter((n) => kept.has(n.id))
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.label.localeCompare(b.label));
    expect(expected.length).toBeGreaterThan(0);
    await page.getByLabel('Role', { exact: true }).selectOption('clinician');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const list = page.getByRole('complementary', { name: /match/ });
    await expect
      .poll(() => list.getByRole('heading').textContent(), { timeout: 15_000 })
      .toBe(`${expected.length} ${expected.length === 1 ? 'match' : 'matches'}`);
    const shown = await list.getByRole('listitem').getByRole('button').allTextContents();
    expect(shown.slice(0, 5)).toEqual(expected.slice(0, 5).map((n) => n.label));
    expect(await page.getByTestId('graph-status').textContent()).toContain(
      `${expected.length} match the filters`,
    );
    await settled();
    await shot('explore-matches');
  });

  it('reaches a node by keyboard through the match list, and Escape gives focus back', async () => {
    const list = page.getByRole('complementary', { name: /match/ });
    await list.getByRole('button', { name: 'Zoom to matches' }).focus();
    await page.keyboard.press('Tab');
    const firstMatch = list.getByRole('listitem').first().getByRole('button');
    expect(await firstMatch.evaluate((el) => el === document.activeElement)).toBe(true);
    const handle = (await firstMatch.textContent())!;
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('account-panel');
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain(`@${handle}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await firstMatch.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('finds an account by keyboard through the search and steps through its matches', async () => {
    await page.getByRole('form', { name: 'Filters' }).getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => page.getByRole('complementary', { name: /match/ }).count()).toBe(0);
    const target = [...view.nodes].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0]!;
    const query = target.label.slice(0, 3);
    const q = query.toLowerCase();
    const hits = view.nodes.filter(
      (n) => n.label.toLowerCase().includes(q) || n.id.toLowerCase().includes(q),
    ).length;
    await page.getByLabel('Search by handle or name').focus();
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-position').textContent()).toBe(`1 of ${hits}`);
    const list = page.getByRole('complementary', { name: /match/ });
    await expect.poll(() => list.getByRole('listitem').first().textContent()).toContain(target.label);
  });

  it('opens a community from its name in the legend', async () => {
    await page.goto(demo.url);
    await graphLoaded();
    const legend = page.getByRole('list', { name: 'Communities (node colour)' });
    const entry = legend.getByRole('listitem').first();
    const size = Number(await entry.locator('.muted').textContent());
    await entry.getByRole('button').click();
    await expect
      .poll(() => page.getByTestId('graph-status').textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^${size} accounts`));
    expect(await page.getByRole('button', { name: 'Back to all communities' }).count()).toBe(1);
  });

  it('refines the layout only on request', async () => {
    await page.goto(demo.url);
    await graphLoaded();
    expect(await difference(first, await settled())).toBeLessThan(SAME);
    await page.getByRole('button', { name: 'Run layout' }).click();
    // The layout runs for as long as the person lets it: a second and a half here, on purpose.
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Stop layout' }).click();
    // ForceAtlas2 from the stored map moves nodes: a visibly different picture.
    expect(await difference(first, await settled())).toBeGreaterThan(0.02);
  });

  it('reads at 1920×1080', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(demo.url);
    await graphLoaded();
    await settled();
    await shot('explore-1920');
  });
});
