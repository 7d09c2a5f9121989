// API data (topology + per-node data) → the graphology graph Sigma draws. Colours, sizes, labels and
// starting positions are computed here and nowhere else; the API objects are never changed.
import Graph from 'graphology';
import type { GraphEdgeData, GraphNodeData, Stage } from '../api/types.ts';
import { communityColor, edgeLook, EDGE_TYPES, nodeSize, STAGE_COLORS, type EdgeType } from './style.ts';
import { runAtOnce, runInSlices, type SliceOptions } from '../lib/slices.ts';

export interface GraphData {
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
}

export interface DrawNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** The outreach stage drawn as a ring; transparent-looking (same as fill) when there is none. */
  borderColor: string;
  borderSize: number;
  forceLabel: boolean;
  type: 'bordered';
  kind: 'account' | 'community';
  community: number | string | null;
  score: number | null;
  stage: Stage | null;
  members: number;
  role: string | null;
  region: string | null;
  country: string | null;
  followers: number | null;
  /** true when the position came from the server's stored layout (the same for every user). */
  stored: boolean;
}

export interface DrawEdge {
  size: number;
  color: string;
  weight: number;
  /** Interactions by type (account views); null for links between communities. */
  types: Record<EdgeType, number> | null;
  hidden: boolean;
}

export type DrawGraph = Graph<DrawNode, DrawEdge>;
export type Positions = Record<string, [number, number]>;

export const EDGE_COLOR = '#c9cfdb';
/** Width of the outreach-stage ring, as a share of the node's radius. */
export const STAGE_RING = 0.35;
/** How many of the highest-scoring nodes always show their label. */
const LABELLED_TOP = 20;

const ALL_EDGE_TYPES: ReadonlySet<EdgeType> = new Set(EDGE_TYPES);

export const edgeKey = (source: string, target: string) => `${source}->${target}`;

/** A number in [0, 1) from a string, so a node without a stored position lands at the same place every time. */
function unitHash(s: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}

/**
 * Members of a community start together (on their community's sector), which gives ForceAtlas2 a head
 * start and makes the first picture already readable.
 */
export function seedPosition(id: string, community: number | string | null): [number, number] {
  const c = community === null ? 'none' : String(community);
  const angle = 2 * Math.PI * unitHash(c, 1);
  const r = 100 * (0.3 + 0.7 * unitHash(c, 2));
  const jitterA = 2 * Math.PI * unitHash(id, 3);
  const jitterR = 25 * Math.sqrt(unitHash(id, 4));
  return [
    r * Math.cos(angle) + jitterR * Math.cos(jitterA),
    r * Math.sin(angle) + jitterR * Math.sin(jitterA),
  ];
}

/** Items added between two checks of the clock when building in slices. */
const STEP = 256;

/**
 * The graph built item by item, pausing (yield) every STEP items: buildDrawGraph runs it at once,
 * buildDrawGraphInSlices between frames. Nodes first, so every edge finds its ends.
 * A node's position: the server's stored layout (analysis, the same for everyone), else one this
 * browser kept from a layout it ran (`positions`), else a spot derived from its id.
 */
function* buildSteps(data: GraphData, positions: Positions = {}): Generator<void, DrawGraph, void> {
  const graph: DrawGraph = new Graph<DrawNode, DrawEdge>({
    type: 'directed',
    multi: false,
    allowSelfLoops: false,
  });
  const maxScore = data.nodes.reduce((m, n) => Math.max(m, n.score ?? 0), 0);
  const labelled = new Set(
    [...data.nodes]
      .filter((n) => n.score !== null)
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
      .slice(0, LABELLED_TOP)
      .map((n) => n.id),
  );
  yield;
  let i = 0;
  for (const n of data.nodes) {
    if (++i % STEP === 0) yield;
    if (graph.hasNode(n.id)) continue;
    const fromServer = typeof n.x === 'number' && typeof n.y === 'number';
    const [x, y] = fromServer ? [n.x!, n.y!] : (positions[n.id] ?? seedPosition(n.id, n.community));
    const color = communityColor(n.community);
    const stage = n.stage ?? null;
    graph.addNode(n.id, {
      x,
      y,
      size: nodeSize(n.score, maxScore, n.kind === 'community' ? n.size : 1),
      color,
      label: n.kind === 'community' ? `${n.label} (${n.size})` : n.label,
      borderColor: stage ? STAGE_COLORS[stage] : color,
      borderSize: stage ? STAGE_RING : 0,
      forceLabel: labelled.has(n.id) || n.kind === 'community',
      type: 'bordered',
      kind: n.kind,
      community: n.community,
      score: n.score,
      stage,
      members: n.size,
      role: n.role ?? null,
      region: n.region ?? null,
      country: n.country ?? null,
      followers: n.followers ?? null,
      stored: fromServer,
    });
  }
  const maxWeight = data.edges.reduce((m, e) => Math.max(m, e.weight), 1);
  for (const e of data.edges) {
    if (++i % STEP === 0) yield;
    if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const key = edgeKey(e.source, e.target);
    if (graph.hasEdge(key)) continue;
    const types = e.types ?? null;
    graph.addDirectedEdgeWithKey(key, e.source, e.target, {
      weight: e.weight,
      size: 0.5 + 2.5 * Math.sqrt(e.weight / maxWeight),
      ...edgeLook(types, ALL_EDGE_TYPES, EDGE_COLOR),
      types,
    });
  }
  return graph;
}

export function buildDrawGraph(data: GraphData, positions: Positions = {}): DrawGraph {
  return runAtOnce(buildSteps(data, positions));
}

/**
 * The same graph, built between frames so a large one does not freeze the page (graphology's
 * per-edge bookkeeping is most of the cost: about a second for 100k edges on a slow machine).
 * The graph is handed over complete; Sigma never sees it half-built.
 */
export function buildDrawGraphInSlices(
  data: GraphData,
  positions: Positions = {},
  opts: SliceOptions = {},
): Promise<DrawGraph> {
  return runInSlices(buildSteps(data, positions), opts);
}

/** Current positions, to store so the next visit starts where this one ended. */
export function readPositions(graph: DrawGraph): Positions {
  const out: Positions = {};
  graph.forEachNode((id, a) => {
    out[id] = [Math.round(a.x * 100) / 100, Math.round(a.y * 100) / 100];
  });
  return out;
}
