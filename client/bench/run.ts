// The client benchmark page (`/?bench=NODES&edges=EDGES`): a synthetic graph drawn by the same builder
// and Sigma settings as Explore, with hooks the Playwright script (tests/bench/client.bench.ts) calls:
// time to first render, frames per second during a scripted pan, and the longest main-thread block.
import { buildDrawGraph } from '../graph/build.ts';
import { createRenderer, type RendererOptions } from '../graph/GraphCanvas.tsx';
import { syntheticGraph } from './synthetic.ts';

export interface BenchResult {
  nodes: number;
  edges: number;
  generateMs: number;
  buildMs: number;
  firstRenderMs: number;
  /** From navigation start to the first frame Sigma drew. */
  sinceNavigationMs: number;
}

declare global {
  interface Window {
    __bench?: {
      ready: Promise<BenchResult>;
      pan: (ms: number) => Promise<{ fps: number; frames: number; longestTaskMs: number }>;
      longestTaskMs: () => number;
      /** The renderer itself, for trying settings from the console or a profiling script. */
      sigma: unknown;
    };
  }
}

export function runBench(root: HTMLElement, params: URLSearchParams): void {
  const tasks: number[] = [];
  let sinceMark = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        tasks.push(e.duration);
        sinceMark = Math.max(sinceMark, e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Long Task API missing: the figure is reported as 0 and the script says so.
  }
  const n = Number(params.get('bench')) || 2000;
  const m = Number(params.get('edges')) || n * 10;
  root.style.cssText = 'position:fixed;inset:0;background:#fff';

  const t0 = performance.now();
  const data = syntheticGraph({ nodes: n, edges: m, seed: 42 });
  const t1 = performance.now();
  const graph = buildDrawGraph(data);
  const t2 = performance.now();
  // ?edgeProgram=line|rectangle and ?nodeProgram=point|quad compare programs; by default the
  // page uses what the app uses.
  const opts: RendererOptions = {};
  const ep = params.get('edgeProgram');
  if (ep === 'line' || ep === 'rectangle') opts.edges = ep;
  const np = params.get('nodeProgram');
  if (np === 'point' || np === 'quad') opts.nodes = np;
  const sigma = createRenderer(graph, root, opts);
  const ready = new Promise<BenchResult>((resolve) => {
    sigma.once('afterRender', () => {
      const t3 = performance.now();
      resolve({
        nodes: graph.order,
        edges: graph.size,
        generateMs: t1 - t0,
        buildMs: t2 - t1,
        firstRenderMs: t3 - t1,
        sinceNavigationMs: t3,
      });
    });
  });
  sigma.refresh();

  window.__bench = {
    ready,
    sigma,
    longestTaskMs: () => Math.max(0, ...tasks),
    pan: (ms) =>
      new Promise((done) => {
        sinceMark = 0;
        const camera = sigma.getCamera();
        let frames = 0;
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
            const secs = (performance.now() - start) / 1000;
            // Long tasks are reported a little after they end; give the observer a moment.
            setTimeout(() => done({ fps: frames / secs, frames, longestTaskMs: sinceMark }), 300);
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
