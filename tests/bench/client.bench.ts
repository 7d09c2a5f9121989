// `npm run bench:client`: the built client's benchmark page (/?bench=N&edges=M, client/bench/run.ts)
// in Debian's Chromium. For graphs of 2k, 10k and 50k nodes it prints the time to first render, the
// frames per second while the camera pans for a few seconds, and the longest main-thread block
// (PerformanceObserver 'longtask') during load and during the pan (until the edges are back after
// it). fps counts the frames Sigma drew, and the run fails if the camera did not move. No GPU here: WebGL runs in
// SwiftShader, so these are software-rendering figures.
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../helpers/browser.ts';

const root = fileURLToPath(new URL('../../dist/client/', import.meta.url));
const outDir = fileURLToPath(new URL('./out/', import.meta.url));
const SIZES = [
  { nodes: 2_000, edges: 20_000 },
  { nodes: 10_000, edges: 100_000 },
  { nodes: 50_000, edges: 250_000 },
];
const PAN_MS = 5000;
const GOALS = { fps10k: 30, maxBlockMs: 200, firstRender2kMs: 2000 };

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

/** The built client as static files: the bench needs no API and no Neo4j. */
function serveStatic() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = path.join(root, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise<{ url: string; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

interface Row {
  nodes: number;
  edges: number;
  firstRenderMs: number;
  allEdgesMs: number;
  sinceNavigationMs: number;
  buildMs: number;
  fps: number;
  renders: number;
  cameraTravel: number;
  settleMs: number;
  loadBlockMs: number;
  panBlockMs: number;
}

/**
 * A fresh production build of the current sources. Vite bakes the NODE_ENV it finds into the bundle,
 * and a build left behind by a test run (NODE_ENV=test) carries React's development build, which would
 * measure the wrong thing.
 */
async function buildProduction(): Promise<void> {
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const t = performance.now();
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    mode: 'production',
  });
  console.log(`production build of the client: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function main() {
  await buildProduction();
  const http = await serveStatic();
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${http.url}/?bench=${size.nodes}&edges=${size.edges}`);
      await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 300_000 });
      const first = await page.evaluate(() => window.__bench!.ready);
      await page.waitForTimeout(500);
      const loadBlockMs = await page.evaluate(() => window.__bench!.longestTaskMs());
      const pan = await page.evaluate((ms) => window.__bench!.pan(ms), PAN_MS);
      // A pan that moved nothing or drew nothing measures nothing.
      if (pan.cameraTravel < 0.1 || pan.renders < 2)
        throw new Error(`the scripted pan did not pan: ${JSON.stringify(pan)}`);
      const settle = await page.evaluate(() => window.__bench!.settled());
      rows.push({
        nodes: first.nodes,
        edges: first.edges,
        firstRenderMs: first.firstRenderMs,
        allEdgesMs: first.allEdgesMs,
        sinceNavigationMs: first.sinceNavigationMs,
        buildMs: first.buildMs,
        fps: pan.fps,
        renders: pan.renders,
        cameraTravel: pan.cameraTravel,
        settleMs: settle.ms,
        loadBlockMs,
        panBlockMs: Math.max(pan.longestTaskMs, settle.longestTaskMs),
      });
      await page.close();
      const r = rows.at(-1)!;
      console.log(
        `${String(r.nodes).padStart(6)} nodes ${String(r.edges).padStart(7)} edges | first render ${r.firstRenderMs.toFixed(0)} ms ` +
          `(build ${r.buildMs.toFixed(0)} ms; ${r.sinceNavigationMs.toFixed(0)} ms after navigation; all edges ${r.allEdgesMs.toFixed(0)} ms) | ` +
          `pan ${r.fps.toFixed(1)} fps (${r.renders} frames drawn, camera moved ${r.cameraTravel.toFixed(2)}; edges back ${r.settleMs.toFixed(0)} ms after) | ` +
          `longest block: load ${r.loadBlockMs.toFixed(0)} ms, pan ${r.panBlockMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    http.close();
  }
  const r2k = rows.find((r) => r.nodes === 2_000);
  const r10k = rows.find((r) => r.nodes === 10_000);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  // Other work on the machine slows software WebGL directly: say how busy it was.
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(
    `\nGoals (software WebGL in SwiftShader, no GPU; load average ${load.join(' ')} on ${cpus().length} cores;` +
      ' the synthetic data, which stands in for the API answer, is generated before the load is timed):',
  );
  if (r10k) {
    console.log(
      `  GOAL >= ${GOALS.fps10k} fps panning at 10k nodes / 100k edges: ${r10k.fps.toFixed(1)} fps: ${verdict(r10k.fps >= GOALS.fps10k)}`,
    );
    const worst10k = Math.max(r10k.loadBlockMs, r10k.panBlockMs);
    console.log(
      `  GOAL no main-thread block over ${GOALS.maxBlockMs} ms at 10k nodes / 100k edges: load ${r10k.loadBlockMs.toFixed(0)} ms, pan ${r10k.panBlockMs.toFixed(0)} ms: ${verdict(worst10k <= GOALS.maxBlockMs)}`,
    );
  }
  for (const r of rows.filter((r) => r !== r10k))
    console.log(
      `  (${r.nodes} nodes: longest block load ${r.loadBlockMs.toFixed(0)} ms, pan ${r.panBlockMs.toFixed(0)} ms: ${r.loadBlockMs <= GOALS.maxBlockMs && r.panBlockMs <= GOALS.maxBlockMs ? 'under' : 'OVER'} ${GOALS.maxBlockMs} ms${r.nodes > 20_000 ? '; Explore never draws this many: past its cap (2k nodes by default, 20k at most) it shows communities as nodes' : ''})`,
    );
  if (r2k)
    console.log(
      `  GOAL first render of the 2k graph <= ${GOALS.firstRender2kMs} ms: ${r2k.firstRenderMs.toFixed(0)} ms: ${verdict(r2k.firstRenderMs <= GOALS.firstRender2kMs)}`,
    );
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, 'client.json'),
    JSON.stringify({ at: new Date().toISOString(), panMs: PAN_MS, loadAverage: loadavg(), rows }, null, 2),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
