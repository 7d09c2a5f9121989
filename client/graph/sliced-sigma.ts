// Sigma whose first full refresh runs in time slices.
//
// Why: Sigma's constructor computes the display data of every node and edge, fills the WebGL buffers
// and draws the first frame, all in one task. At 10k nodes and 100k edges that held the page's main
// thread for over a second (no input, no paint). Here the constructor only sets up the canvases and
// programs; `SlicedSigma.open` then does the same refresh in slices of about 40 ms:
//   1. display data (reducers, defaults) of nodes, then of edges, with Sigma's own addNode/addEdge;
//   2. Sigma's own process() over an edge-less view of the graph: node extent, label grid, node
//      buffers and picking ids;
//   3. the edges added to their programs in slices, with Sigma's own addEdgeToProgram, numbered after
//      the nodes and in zIndex order, which is what the edge half of Sigma 3's process() does;
//   4. the first render, in a task of its own.
// Before step 1 each program draws one throwaway item (warm-up.ts), so that WebGL in software compiles
// its pipelines while the slices run.
// Steps 2 and 3 read Sigma's private fields, so a Sigma upgrade can break them: the bench page's
// check (tests/bench/client/check-sliced.ts, run by tests/e2e/sliced-sigma.test.ts) compares the buffers
// and ids of this refresh with those of Sigma's own on the same graph.
// Later full refreshes (a setting changed) are Sigma's own, in one task.
import Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData } from 'sigma/types';
import type { AbstractGraph } from 'graphology-types';
import { runInSlices, type SliceOptions } from '../lib/slices.ts';
import { warmsUp } from './warm-up.ts';

/** What the sliced refresh reads and writes inside Sigma (private in its types). */
interface SigmaInternals {
  graph: AbstractGraph;
  edgeDataCache: Record<string, EdgeDisplayData>;
  edgePrograms: Record<string, { reallocate(capacity: number): void }>;
  edgeZExtent: [number, number];
  edgeIndices: Record<string, number>;
  itemIDsIndex: Record<number, { type: 'node' | 'edge'; id: string }>;
  needToProcess: boolean;
  settings: Settings;
  clearNodeIndices(): void;
  clearEdgeIndices(): void;
  addNode(node: string): void;
  addEdge(edge: string): void;
  addEdgeToProgram(edge: string, fingerprint: number, position: number): void;
  process(): void;
  render(): unknown;
  resetWebGLTexture(layer: string): void;
  nodePrograms: Record<string, unknown>;
}

/** Items between two looks at the clock (a mask: every 64th item). */
const PAUSE_EVERY = 63;

/** Set while the constructor runs, whose own full refresh is skipped (subclass fields do not exist yet). */
let constructing = false;

/** Resolves in a task after the next frame (its animation callbacks, layout and compositing). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The graph as Sigma's process() sees it: the same nodes and no edges. */
function edgeless(graph: AbstractGraph): AbstractGraph {
  return new Proxy(graph, {
    get(target, prop) {
      if (prop === 'edges') return () => [];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export class SlicedSigma<N extends Attributes = Attributes, E extends Attributes = Attributes> extends Sigma<
  N,
  E
> {
  /** A sliced refresh is under way; a refresh requested meanwhile replaces it with Sigma's own. */
  private slicing = false;

  /**
   * A renderer whose first frame is drawn once the resolved promise is: the page keeps answering
   * meanwhile. On abort (signal) the renderer is killed and the promise rejects.
   */
  static async open<N extends Attributes, E extends Attributes>(
    graph: ConstructorParameters<typeof Sigma<N, E>>[0],
    container: HTMLElement,
    settings: Partial<Settings<N, E>>,
    opts: SliceOptions = {},
  ): Promise<SlicedSigma<N, E>> {
    constructing = true;
    let sigma: SlicedSigma<N, E>;
    try {
      sigma = new SlicedSigma<N, E>(graph, container, settings);
    } finally {
      constructing = false;
    }
    try {
      await sigma.refreshInSlices(opts);
    } catch (err) {
      sigma.kill();
      throw err;
    }
    return sigma;
  }

  override refresh(opts?: Parameters<Sigma<N, E>['refresh']>[0]): this {
    if (constructing) return this;
    if (this.slicing) {
      // Half-built state cannot take a partial refresh: Sigma's full one makes it whole.
      this.slicing = false;
      Reflect.deleteProperty(this, 'render');
      return super.refresh();
    }
    return super.refresh(opts);
  }

  private async refreshInSlices(opts: SliceOptions): Promise<void> {
    this.slicing = true;
    // Nothing is drawn before the programs are filled: a frame asked for meanwhile (a resize, the
    // camera) is skipped, and the render at the end draws the whole picture. render is private in
    // Sigma's types, so it is shadowed on the instance rather than overridden.
    Reflect.set(this, 'render', () => this);
    try {
      // The new, empty canvases are composited once first: the compositor reads them back, waiting
      // for the GPU, and that wait must not include the compiles the warm-up starts.
      await afterNextFrame();
      opts.signal?.throwIfAborted();
      this.warmUpPrograms();
      await runInSlices(this.steps(), opts);
      if (!this.slicing) return;
      // Drawn in an animation frame, as Sigma's own renders are: a frame it asks for while drawing
      // then comes at the next frame, after this one is on screen, not before it in the same one.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      opts.signal?.throwIfAborted();
      if (!this.slicing) return;
    } finally {
      this.slicing = false;
      Reflect.deleteProperty(this, 'render');
    }
    const s = this as unknown as SigmaInternals;
    s.needToProcess = false;
    s.render();
  }

  /** warm-up.ts: each program that can draws one throwaway item, so its pipeline compiles meanwhile. */
  private warmUpPrograms(): void {
    const s = this as unknown as SigmaInternals;
    // The picking pass draws into the node layer's picking texture, which Sigma creates per frame.
    s.resetWebGLTexture('nodes');
    const params = this.getRenderParams();
    // Edges first: their warm-up links a program, which waits for the GPU (see progressive-edges.ts).
    for (const program of [...Object.values(s.edgePrograms), ...Object.values(s.nodePrograms)])
      if (warmsUp(program)) program.warmUp(params);
  }

  /** Steps 1–3 above; yields between items so runInSlices can pause. Stops when `slicing` is cleared. */
  private *steps(): Generator<void, void, void> {
    const s = this as unknown as SigmaInternals;
    const graph = s.graph;
    const nodes = graph.nodes();
    const edges = graph.edges();

    s.clearEdgeIndices();
    s.clearNodeIndices();
    for (let i = 0; i < nodes.length; i++) {
      s.addNode(nodes[i]!);
      if ((i & PAUSE_EVERY) === 0) yield;
      if (!this.slicing) return;
    }
    for (let i = 0; i < edges.length; i++) {
      s.addEdge(edges[i]!);
      if ((i & PAUSE_EVERY) === 0) yield;
      if (!this.slicing) return;
    }

    s.graph = edgeless(graph);
    try {
      s.process();
    } finally {
      s.graph = graph;
    }
    yield;
    if (!this.slicing) return;

    const perProgram: Record<string, number> = {};
    for (const edge of edges) {
      const type = s.edgeDataCache[edge]!.type;
      perProgram[type] = (perProgram[type] ?? 0) + 1;
    }
    if (s.settings.zIndex && s.edgeZExtent[0] !== s.edgeZExtent[1]) {
      // In place, as Sigma's own ordering (graph.edges() is a fresh array); the sort is stable, so
      // equal zIndex keeps graph order.
      const z = (edge: string) => s.edgeDataCache[edge]!.zIndex || 0;
      edges.sort((a, b) => z(a) - z(b));
    }
    for (const type in s.edgePrograms) {
      s.edgePrograms[type]!.reallocate(perProgram[type] ?? 0);
      perProgram[type] = 0;
    }
    // Picking ids: nodes took 1…order in process(); edges follow.
    for (let i = 0; i < edges.length; i++) {
      const edge = edges[i]!;
      const id = nodes.length + 1 + i;
      s.edgeIndices[edge] = id;
      s.itemIDsIndex[id] = { type: 'edge', id: edge };
      const type = s.edgeDataCache[edge]!.type;
      s.addEdgeToProgram(edge, id, perProgram[type]!++);
      if ((i & PAUSE_EVERY) === 0) yield;
      if (!this.slicing) return;
    }
  }
}
