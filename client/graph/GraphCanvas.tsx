// The Sigma canvas: builds the drawn graph from API data, runs the layout, and reports clicks.
// Hover lives here; selection, filter matches and paths come in as a Focus and reach Sigma through
// its reducers (the graph is not changed for them).
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import { EdgeLineProgram, EdgeRectangleProgram, type NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import { createNodeBorderProgram } from '@sigma/node-border';
import { BorderedPointProgram } from './bordered-point.ts';
import {
  buildDrawGraphInSlices,
  type DrawEdge,
  type DrawGraph,
  type DrawNode,
  type GraphData,
} from './build.ts';
import { ProgressiveEdgeLineProgram } from './progressive-edges.ts';
import { SlicedSigma } from './sliced-sigma.ts';
import { hideIdleLayers } from './idle-layers.ts';
import { labelPlacer } from './labels.ts';
import { Layout, loadPositions } from './layout.ts';
import { makeEdgeReducer, makeNodeReducer, type Focus } from './reducers.ts';
import { DEFAULT_LOOK, EDGE_TYPES, plainWords, STAGE_LABELS, type EdgeType, type Look } from './style.ts';
import { applyEdgeTypes, applyLook } from './look.ts';

export interface CanvasHandle {
  sigma: Sigma<DrawNode, DrawEdge>;
  graph: DrawGraph;
  layout: Layout;
}

/** The instanced-quad version of the same picture, kept for comparison in the benchmark (?nodeProgram=quad). */
const BorderedQuadProgram = createNodeBorderProgram<DrawNode, DrawEdge>({
  borders: [
    { size: { attribute: 'borderSize', defaultValue: 0 }, color: { attribute: 'borderColor' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

/** Above this many edges they are drawn as one-pixel lines (see openRenderer). */
const THIN_EDGES_ABOVE = 5_000;

export interface RendererOptions {
  /** Overrides for the benchmark page, to compare programs; the app uses the size-based defaults. */
  edges?: 'rectangle' | 'line' | 'line-at-once';
  nodes?: 'point' | 'quad';
  /** Whether the reducers currently draw a node highlighted (see idle-layers.ts). */
  highlighted?: () => boolean;
  /** Stops the sliced first refresh (the renderer is then killed and the promise rejects). */
  signal?: AbortSignal;
}

/**
 * Sigma settings shared by the app and the benchmark, so the benchmark measures what users get.
 * `drawLabel` is the label function (labels.ts collects and places them after each frame).
 */
export function rendererSettings(
  graph: DrawGraph,
  opts: Pick<RendererOptions, 'edges' | 'nodes'>,
  drawLabel: NodeLabelDrawingFunction<DrawNode, DrawEdge>,
): Partial<Settings<DrawNode, DrawEdge>> {
  // Without a GPU (WebGL in SwiftShader) the cost is in filling pixels: the default edge program draws
  // each edge as an antialiased quad, which on a hairball of tens of thousands of edges takes seconds per
  // frame. Past a few thousand edges they are plain lines, whose width says nothing anyway at that density.
  // The lines are drawn a slice per frame (progressive-edges.ts), so that no frame waits for all of
  // them; 'line-at-once' is the former way, kept for comparison in the benchmark.
  const edges = opts.edges ?? (graph.size > THIN_EDGES_ABOVE ? 'line' : 'rectangle');
  const edgeProgram =
    edges === 'line'
      ? ProgressiveEdgeLineProgram
      : edges === 'line-at-once'
        ? EdgeLineProgram
        : EdgeRectangleProgram;
  const nodeProgram = opts.nodes === 'quad' ? BorderedQuadProgram : BorderedPointProgram<DrawNode, DrawEdge>;
  return {
    nodeProgramClasses: { bordered: nodeProgram },
    edgeProgramClasses: { line: edgeProgram },
    defaultNodeType: 'bordered',
    defaultEdgeType: 'line',
    zIndex: true,
    // Sigma's grid offers about one label per 120-px cell (the largest node's); labels.ts then drops
    // any that would cross a more important one.
    labelRenderedSizeThreshold: 7,
    labelDensity: 1,
    labelGridCellSize: 120,
    defaultDrawNodeLabel: drawLabel,
    // Drawing every edge on each frame of a pan is what makes it stutter; edges come back as soon as
    // the camera stops. Labels likewise on large graphs.
    hideEdgesOnMove: graph.size > 2_000,
    hideLabelsOnMove: graph.order > 5_000,
    enableEdgeEvents: false,
    renderEdgeLabels: false,
  };
}

/**
 * The renderer of the app and the benchmark. Its first refresh runs in slices (sliced-sigma.ts): the
 * promise resolves once the first frame is drawn.
 */
export async function openRenderer(
  graph: DrawGraph,
  container: HTMLElement,
  opts: RendererOptions = {},
): Promise<Sigma<DrawNode, DrawEdge>> {
  const labels = labelPlacer<DrawNode, DrawEdge>();
  const sigma = await SlicedSigma.open<DrawNode, DrawEdge>(
    graph,
    container,
    rendererSettings(graph, opts, labels.collect),
    { signal: opts.signal },
  );
  labels.attach(sigma);
  hideIdleLayers(sigma, opts.highlighted);
  return sigma;
}

export function GraphCanvas(props: {
  data: GraphData;
  /** Which stored layout to use, e.g. "all" or "community:7". */
  layoutKey: string;
  focus: Omit<Focus, 'hovered'>;
  onSelect: (id: string | null) => void;
  onReady?: (handle: CanvasHandle | null) => void;
  onLayoutChange?: (running: boolean) => void;
  /** What sets node size and fill; applied to the drawn graph without rebuilding it. */
  look?: Look;
  /** Community names for the hover tooltip, by community id. */
  communityNames?: ReadonlyMap<string, string>;
  /** Scores in the filtered topic by account id (size by topic score); null without a topic. */
  topicScores?: ReadonlyMap<string, number> | null;
  /** Interaction types whose links are drawn (all when not given). */
  edgeTypes?: ReadonlySet<EdgeType>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const handle = useRef<CanvasHandle | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  // Counts finished builds, so the reducers below are set once the renderer exists.
  const [built, setBuilt] = useState(0);
  const { data, layoutKey, onSelect, onReady, onLayoutChange } = props;
  const look = props.look ?? DEFAULT_LOOK;
  const topicScores = props.topicScores ?? null;
  const edgeTypes = props.edgeTypes ?? ALL_TYPES;
  const lookRef = useRef({ look, topicScores, edgeTypes });
  lookRef.current = { look, topicScores, edgeTypes };
  const applied = useRef<{ look: Look; topicScores: unknown; edgeTypes: unknown } | null>(null);
  const callbacks = useRef({ onSelect, onLayoutChange });
  callbacks.current = { onSelect, onLayoutChange };

  const centre = useRef<string | null>(null);
  centre.current = hovered ?? props.focus.selected;

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const abort = new AbortController();
    let live: CanvasHandle | null = null;
    const stored = loadPositions(layoutKey);
    // Built between frames, so a large graph does not freeze the page while it loads.
    buildDrawGraphInSlices(data, stored, { signal: abort.signal })
      .then(async (graph) => {
        // Before the renderer opens, so the sliced first refresh draws the chosen look at once.
        const chosen = lookRef.current;
        applyLook(graph, chosen.look, chosen.topicScores);
        applyEdgeTypes(graph, chosen.edgeTypes);
        applied.current = chosen;
        const sigma = await openRenderer(graph, el, {
          highlighted: () => centre.current !== null,
          signal: abort.signal,
        });
        if (abort.signal.aborted) {
          sigma.kill();
          return;
        }
        const layout = new Layout(graph, layoutKey, (running) => callbacks.current.onLayoutChange?.(running));
        sigma.on('enterNode', ({ node }) => setHovered(node));
        sigma.on('leaveNode', () => setHovered(null));
        sigma.on('clickNode', ({ node }) => callbacks.current.onSelect(node));
        sigma.on('clickStage', () => callbacks.current.onSelect(null));
        live = { sigma, graph, layout };
        handle.current = live;
        setBuilt((n) => n + 1);
        onReady?.(live);
        // The server's stored layout is the picture (the same for every user and every load); the
        // layout runs only on request. A graph analysis never laid out gets a few seconds of it,
        // unless this browser kept the positions of an earlier run.
        const fromServer = graph.someNode((_, a) => a.stored);
        const known = graph.order > 0 && graph.everyNode((id) => id in stored);
        if (!fromServer && !known && graph.order > 1) layout.start(Math.min(8000, 2000 + graph.order));
      })
      .catch((err: unknown) => {
        if (!abort.signal.aborted) throw err;
      });
    return () => {
      abort.abort();
      if (live) {
        live.layout.kill();
        live.sigma.kill();
        handle.current = null;
        onReady?.(null);
      }
    };
  }, [data, layoutKey, onReady]);

  // A new look changes node and edge attributes in place: one refresh, and the layout keeps its
  // positions.
  useEffect(() => {
    const h = handle.current;
    const before = applied.current;
    if (!h || !before) return;
    const sameNodes =
      before.look.size === look.size &&
      before.look.color === look.color &&
      (look.size !== 'topic' || before.topicScores === topicScores);
    if (!sameNodes) applyLook(h.graph, look, topicScores);
    if (before.edgeTypes !== edgeTypes) applyEdgeTypes(h.graph, edgeTypes);
    applied.current = { look, topicScores, edgeTypes };
  }, [look, topicScores, edgeTypes, built]);

  const { selected, matches, path } = props.focus;
  useEffect(() => {
    const h = handle.current;
    if (!h) return;
    const focus: Focus = { hovered, selected, matches, path };
    // With nothing in focus there are no reducers at all: Sigma then copies each item once instead
    // of running a function per node and per edge on every refresh.
    const idle = !hovered && !selected && !matches && !path;
    // Each setSetting reprocesses the whole graph: none when it would change nothing.
    if (idle && !h.sigma.getSetting('nodeReducer') && !h.sigma.getSetting('edgeReducer')) return;
    h.sigma.setSettings({
      nodeReducer: idle ? null : makeNodeReducer(h.graph, focus),
      edgeReducer: idle ? null : makeEdgeReducer(h.graph, focus),
    });
  }, [hovered, selected, matches, path, built]);

  return (
    <div className="graph-frame">
      <div
        ref={container}
        className="graph-canvas"
        data-testid="graph-canvas"
        // A picture to assistive technology (a label on a plain div is not allowed); the match list
        // and the account search are the keyboard path to its accounts.
        role="img"
        aria-label="Interaction graph: reach its accounts with the match list or the account search"
      />
      {hovered && handle.current && (
        <Tooltip handle={handle.current} node={hovered} communityNames={props.communityNames} />
      )}
    </div>
  );
}

const ALL_TYPES: ReadonlySet<EdgeType> = new Set(EDGE_TYPES);

/** What the hovered node is, in words, next to it. Text only: handles and names are untrusted. */
function Tooltip(props: {
  handle: CanvasHandle;
  node: string;
  communityNames?: ReadonlyMap<string, string>;
}) {
  const { sigma, graph } = props.handle;
  if (!graph.hasNode(props.node)) return null;
  const a = graph.getNodeAttributes(props.node);
  const shown = sigma.getNodeDisplayData(props.node);
  if (!shown) return null;
  // Display data is in Sigma's framed (normalised) coordinates, not the graph's own.
  const p = sigma.framedGraphToViewport(shown);
  const community =
    a.community === null
      ? null
      : (props.communityNames?.get(String(a.community)) ?? `community ${a.community}`);
  const links = graph.degree(props.node);
  return (
    <div className="graph-tooltip" role="tooltip" style={{ left: p.x + shown.size + 8, top: p.y - 8 }}>
      <strong>{a.kind === 'community' ? (community ?? a.label) : a.label}</strong>
      {a.kind === 'community' ? (
        <div>
          {a.members} {a.members === 1 ? 'account' : 'accounts'}; click to open
        </div>
      ) : (
        <>
          {community && <div>In {community}</div>}
          {(a.role || a.region || a.country) && (
            <div>
              {[a.role && plainWords(a.role), [a.region, a.country].filter(Boolean).join(', ')]
                .filter(Boolean)
                .join(' · ')}
            </div>
          )}
          <div>
            {links} {links === 1 ? 'link' : 'links'} in this view
            {a.stage ? ` · ${STAGE_LABELS[a.stage]}` : ''}
          </div>
        </>
      )}
    </div>
  );
}
