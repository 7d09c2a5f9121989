// ForceAtlas2 in a web worker (start/stop from the toolbar), and positions kept in localStorage per
// graph so the picture does not jump on every visit.
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { DrawGraph, Positions } from './build.ts';
import { readPositions } from './build.ts';

const PREFIX = 'carecircle:positions:';

export function loadPositions(
  key: string,
  storage: Storage | undefined = globalThis.localStorage,
): Positions {
  try {
    const raw = storage?.getItem(PREFIX + key);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Positions) : {};
  } catch {
    return {};
  }
}

function savePositions(
  key: string,
  graph: DrawGraph,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(PREFIX + key, JSON.stringify(readPositions(graph)));
  } catch {
    // Storage full or disabled: the layout still works, it just starts fresh next time.
  }
}

export class Layout {
  private readonly worker: FA2Layout;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly graph: DrawGraph,
    private readonly key: string,
    private readonly onChange: (running: boolean) => void,
  ) {
    const settings = forceAtlas2.inferSettings(graph);
    this.worker = new FA2Layout(graph, {
      settings: { ...settings, barnesHutOptimize: graph.order > 1000, adjustSizes: false },
      getEdgeWeight: 'weight',
    });
  }

  get running(): boolean {
    return this.worker.isRunning();
  }

  /** Runs until stop(), or for `ms` milliseconds when given (the first layout of a new graph). */
  start(ms?: number): void {
    this.worker.start();
    this.onChange(true);
    if (ms !== undefined) this.timer = setTimeout(() => this.stop(), ms);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.worker.isRunning()) return;
    this.worker.stop();
    savePositions(this.key, this.graph);
    this.onChange(false);
  }

  kill(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.worker.isRunning()) savePositions(this.key, this.graph);
    this.worker.kill();
  }
}
