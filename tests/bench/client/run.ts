// The client benchmark page (`?bench=NODES&edges=EDGES`, built only for the bench: page.ts): a
// synthetic graph drawn by the same builder and Sigma settings as Explore, with hooks the Playwright
// script (tests/bench/client.bench.ts) calls: time to first render, frames per second during a
// scripted pan, and the longest main-thread block. `&renderer=v4` draws the same graph with Sigma 4
// as it comes (renderer-v4.ts), to decide by measurement whether to move to it.
import { buildDrawGraphInSlices, type DrawGraph } from '../../../client/graph/build.ts';
import { nextTask } from '../../../client/lib/slices.ts';
import { openRenderer, type RendererOptions } from '../../../client/graph/GraphCanvas.tsx';
import type { EdgeProgress } from '../../../client/graph/progressive-edges.ts';
import { syntheticGraph } from './synthetic.ts';
import { checkSlicedRefresh, type SlicedCheck } from './check-sliced.ts';
import { openSigma4 } from './renderer-v4.ts';

/** What the harness needs of a renderer, whichever Sigma draws: both versions offer these. */
export interface BenchRenderer {
  getCamera(): {
    getState(): { x: number; y: number; ratio: number; angle: number };
    animate(
      state: { x: number; y: number; ratio: number },
      opts: { duration: number; easing: 'linear' },
    ): Promise<void>;
  };
  on(event: 'afterRender', fn: () => void): unknown;
  off(event: 'afterRender', fn: () => void): unknown;
}

interface BenchResult {
  nodes: number;
  edges: number;
  generateMs: number;
  buildMs: number;
  /** From the end of generation to the first frame painted after Sigma's first render. */
  firstRenderMs: number;
  /** From the end of generation until every edge is on screen (edges fill in over a few frames). */
  allEdgesMs: number;
  /** From navigation start to the first painted frame. */
  sinceNavigationMs: number;
}

interface PanResult {
  /** Frames Sigma drew per second during the pan. */
  fps: number;
  renders: number;
  /** Animation frames the page got during the pan (Sigma draws at most one per frame). */
  frames: number;
  longestTaskMs: number;
  /** How far the camera travelled in graph units: a pan that did not move is not a measurement. */
  cameraTravel: number;
}

declare global {
  interface Window {
    /** `?check=sliced`: the sliced refresh compared with Sigma's own (check-sliced.ts). */
    __checkSliced?: Promise<SlicedCheck>;
    __bench?: {
      ready: Promise<BenchResult>;
      pan: (ms: number) => Promise<PanResult>;
      /**
       * Resolves when the edges drawn after the pan are all on screen: the time that took, and the
       * longest main-thread block since the pan began (the redraw after a pan counts as the pan's).
       */
      settled: () => Promise<{ ms: number; longestTaskMs: number }>;
      longestTaskMs: () => number;
      /** The renderer itself, for trying settings from the console or a profiling script. */
      sigma: unknown;
    };
  }
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

export function runBench(root: HTMLElement, params: URLSearchParams): void {
  const tasks: { start: number; ms: number }[] = [];
  let sinceMark = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        tasks.push({ start: e.startTime, ms: e.duration });
        sinceMark = Math.max(sinceMark, e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Long Task API missing: the figure is reported as 0 and the script says so.
  }
  const n = Number(params.get('bench')) || 2000;
  const m = Number(params.get('edges')) || n * 10;
  root.style.cssText = 'position:fixed;inset:0;background:#fff';
  if (params.get('check') === 'sliced') {
    window.__checkSliced = buildDrawGraphInSlices(syntheticGraph({ nodes: n, edges: m, seed: 42 })).then(
      (graph) => checkSlicedRefresh(graph, root),
    );
    return;
  }
  // ?edgeProgram=line|line-at-once|rectangle and ?nodeProgram=point|quad compare programs; by
  // default the page uses what the app uses.
  const opts: RendererOptions = {};
  const ep = params.get('edgeProgram');
  if (ep === 'line' || ep === 'rectangle' || ep === 'line-at-once') opts.edges = ep;
  const np = params.get('nodeProgram');
  if (np === 'point' || np === 'quad') opts.nodes = np;

  const t0 = performance.now();
  const data = syntheticGraph({ nodes: n, edges: m, seed: 42 });
  const t1 = performance.now();
  let loadFrom = t1;
  const v4 = params.get('renderer') === 'v4';
  let sigma: BenchRenderer | null = null;

  /** Edges drawn so far, when the edge program draws progressively (else all at once). */
  const progress = (): EdgeProgress | null => {
    if (v4) return null; // Sigma 4 draws every edge in the frame that shows them
    // Sigma keeps its programs private; the benchmark looks in to know when the picture is whole.
    const programs = (sigma as unknown as { edgePrograms?: Record<string, { progress?: EdgeProgress }> })
      ?.edgePrograms;
    return programs?.line?.progress ?? null;
  };
  const open = (graph: DrawGraph): Promise<BenchRenderer> =>
    v4
      ? openSigma4(graph, root, params)
      : (openRenderer(graph, root, opts) as Promise<unknown> as Promise<BenchRenderer>);
  /** Waits for painted frames until the edge program has drawn every edge. */
  const edgesComplete = async (): Promise<void> => {
    for (;;) {
      await frame();
      const p = progress();
      if (!p || p.drawn >= p.total) break;
    }
    // The frame that drew the last slice is painted before the next one starts.
    await frame();
  };

  const ready = (async (): Promise<BenchResult> => {
    // The synthetic data stands in for the API's answer: its generation is a task of its own and
    // is not counted in the load's longest block (generateMs says what it took).
    await nextTask();
    loadFrom = performance.now();
    // The same builder as Explore: between frames.
    const graph = await buildDrawGraphInSlices(data);
    const t2 = performance.now();
    sigma = await open(graph);
    (window.__bench as { sigma: unknown }).sigma = sigma;
    // The renderer drew its first frame as its last slice; the next frame starts once that picture
    // is painted (the software compositor reads the canvases back before it).
    await frame();
    const t3 = performance.now();
    await edgesComplete();
    const t4 = performance.now();
    return {
      nodes: graph.order,
      edges: graph.size,
      generateMs: t1 - t0,
      buildMs: t2 - t1,
      firstRenderMs: t3 - t1,
      allEdgesMs: t4 - t1,
      sinceNavigationMs: t3,
    };
  })();

  window.__bench = {
    ready,
    sigma: null,
    longestTaskMs: () => Math.max(0, ...tasks.filter((t) => t.start >= loadFrom).map((t) => t.ms)),
    settled: async () => {
      const t = performance.now();
      await edgesComplete();
      const ms = performance.now() - t;
      await new Promise((r) => setTimeout(r, 300));
      return { ms, longestTaskMs: sinceMark };
    },
    pan: (ms) =>
      new Promise((done) => {
        if (!sigma) throw new Error('pan() before the graph was drawn: await ready first');
        const s = sigma;
        sinceMark = 0;
        const camera = s.getCamera();
        let frames = 0;
        let renders = 0;
        let travel = 0;
        let last = camera.getState();
        const onRender = () => {
          renders++;
          const now = camera.getState();
          travel += Math.hypot(now.x - last.x, now.y - last.y);
          last = now;
        };
        s.on('afterRender', onRender);
        let running = true;
        const start = performance.now();
        const count = () => {
          frames++;
          if (running) requestAnimationFrame(count);
        };
        requestAnimationFrame(count);
        // A scripted pan, as a user dragging would: eight legs around the centre at 60 % zoom, each
        // an animation (so Sigma treats the camera as moving, like during a drag).
        const legs = 8;
        const leg = (i: number) => {
          if (i === legs) {
            running = false;
            s.off('afterRender', onRender);
            const secs = (performance.now() - start) / 1000;
            // Long tasks are reported a little after they end; give the observer a moment.
            setTimeout(
              () =>
                done({
                  fps: renders / secs,
                  renders,
                  frames,
                  longestTaskMs: sinceMark,
                  cameraTravel: travel,
                }),
              300,
            );
            return;
          }
          const a = (2 * Math.PI * (i + 1)) / legs;
          void camera
            .animate(
              { x: 0.5 + 0.25 * Math.cos(a), y: 0.5 + 0.25 * Math.sin(a), ratio: 0.6 },
              { duration: ms / legs, easing: 'linear' },
            )
            .then(() => leg(i + 1));
        };
        leg(0);
      }),
  };
}
