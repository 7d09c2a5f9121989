// SlicedSigma (client/graph/sliced-sigma.ts) reproduces part of Sigma's private process() so that the
// first refresh of a large graph does not block the page. Here, in Chromium with real WebGL
// (SwiftShader), the same graph goes through its sliced refresh and through Sigma's own, and the
// buffers, picking ids and display data must agree: the test that fails if a Sigma upgrade changes
// what the sliced refresh relies on.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchPageDir, buildBenchPage } from '../bench/client/build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

describe('the sliced first refresh of the graph renderer', () => {
  // The check runs on the benchmark page (built on its own: the app does not carry it); it needs
  // no API and no Neo4j.
  const suite = {} as { browser: Browser; server: { url: string; close: () => void } };
  beforeAll(async () => {
    await buildBenchPage();
    suite.server = await serveStatic(benchPageDir);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    suite.server?.close();
  });

  // 4k edges are drawn as quads (EdgeRectangleProgram), 30k as progressive lines.
  it.each([
    { nodes: 1_000, edges: 4_000 },
    { nodes: 3_000, edges: 30_000 },
  ])('matches Sigma’s own refresh on $nodes nodes / $edges edges', async ({ nodes, edges }) => {
    const page = await suite.browser.newPage({ viewport: { width: 1000, height: 700 } });
    try {
      await page.goto(`${suite.server.url}/?bench=${nodes}&edges=${edges}&check=sliced`);
      await page.waitForFunction(() => window.__checkSliced !== undefined);
      const check = await page.evaluate(() => window.__checkSliced!);
      expect(check.nodes).toBe(nodes);
      expect(check.edges).toBeGreaterThan(edges * 0.9);
      // A node is selected, so its edges are raised above the others: the zIndex order was used.
      expect(check.raisedEdges).toBeGreaterThan(0);
      expect(check.mismatches).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
