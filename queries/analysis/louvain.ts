// Communities with graphology-communities-louvain on the undirected weighted graph: both directions
// of a pair add up to one undirected edge (a conversation between two accounts is one tie). Nodes
// without any edge get no community (-1) rather than thousands of singleton communities.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { EdgeList } from './edges.ts';
import { seededRng } from '../random.ts';
import { louvainCsr } from './louvain-csr.ts';

export interface Partition {
  /** community per node, 0..count-1 numbered by decreasing size; -1 for nodes without edges */
  membership: Int32Array;
  count: number;
  modularity: number;
}

export interface LouvainOptions {
  seed: number;
  resolution: number;
  /**
   * 'csr' (default): our typed-array Louvain (louvain-csr.ts), ~8× faster on a million edges;
   * 'graphology': graphology-communities-louvain on a graphology graph.
   */
  engine?: 'csr' | 'graphology';
  /**
   * csr only: Leiden's refinement at each level, so every community is connected (default true);
   * false gives plain Louvain, kept to measure what the refinement changes.
   */
  refine?: boolean;
}

/** Sums directed edges into one undirected weight per pair; self-loops are dropped. */
function undirectedGraph(edges: EdgeList): Graph {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const { src, dst, weight } = edges;
  // Sum per pair first with numeric keys: graphology's per-edge updates with string keys are slow.
  const pairs = new Map<number, number>();
  for (let i = 0; i < edges.m; i++) {
    const s = src[i]!;
    const t = dst[i]!;
    const w = weight[i]!;
    if (s === t || !(w > 0)) continue;
    const key = s < t ? s * edges.n + t : t * edges.n + s;
    pairs.set(key, (pairs.get(key) ?? 0) + w);
  }
  for (const [key, w] of pairs) {
    const a = String(Math.floor(key / edges.n));
    const b = String(key % edges.n);
    if (!g.hasNode(a)) g.addNode(a);
    if (!g.hasNode(b)) g.addNode(b);
    g.addEdge(a, b, { weight: w });
  }
  return g;
}

function graphologyLouvain(edges: EdgeList, opts: LouvainOptions): Int32Array {
  const g = undirectedGraph(edges);
  const membership = new Int32Array(edges.n).fill(-1);
  if (g.size === 0) return membership;
  const communities = louvain(g, {
    getEdgeWeight: 'weight',
    resolution: opts.resolution,
    rng: seededRng(opts.seed),
  });
  for (const [node, c] of Object.entries(communities)) membership[Number(node)] = c;
  return membership;
}

/** Renumbers communities by decreasing size (ties: smallest member first), so ids do not depend on internals. */
function bySize(raw: Int32Array): { membership: Int32Array; count: number } {
  const sizes = new Map<number, { size: number; first: number }>();
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c < 0) continue;
    const s = sizes.get(c);
    if (!s) sizes.set(c, { size: 1, first: i });
    else s.size++;
  }
  const order = [...sizes.entries()].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first);
  const renumber = new Map(order.map(([c], k) => [c, k]));
  const membership = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) membership[i] = raw[i]! < 0 ? -1 : renumber.get(raw[i]!)!;
  return { membership, count: order.length };
}

export function detectCommunities(edges: EdgeList, opts: LouvainOptions): Partition {
  const raw =
    opts.engine === 'graphology'
      ? graphologyLouvain(edges, opts)
      : louvainCsr(edges, opts.resolution, seededRng(opts.seed), { refine: opts.refine ?? true });
  return partitionOf(raw, edges, opts.resolution);
}

/** A partition found elsewhere (GDS), numbered and measured the same way as ours. */
export function partitionOf(raw: Int32Array, edges: EdgeList, resolution: number): Partition {
  const { membership, count } = bySize(raw);
  return {
    membership,
    count,
    modularity: count === 0 ? 0 : modularity(edges, membership, resolution).total,
  };
}

/**
 * Newman modularity of a partition of the undirected weighted graph, with a resolution parameter, and
 * each community's share of it (the shares sum to the total). Used to describe communities and to
 * check Louvain against igraph.
 */
export function modularity(
  edges: EdgeList,
  membership: Int32Array,
  resolution = 1,
): { total: number; perCommunity: Map<number, number> } {
  const internal = new Map<number, number>();
  const degree = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < edges.m; i++) {
    const s = edges.src[i]!;
    const t = edges.dst[i]!;
    const w = edges.weight[i]!;
    if (s === t || !(w > 0)) continue;
    const cs = membership[s]!;
    const ct = membership[t]!;
    total += w;
    degree.set(cs, (degree.get(cs) ?? 0) + w);
    degree.set(ct, (degree.get(ct) ?? 0) + w);
    if (cs === ct) internal.set(cs, (internal.get(cs) ?? 0) + w);
  }
  const perCommunity = new Map<number, number>();
  if (total === 0) return { total: 0, perCommunity };
  let q = 0;
  for (const [c, d] of degree) {
    const share = (internal.get(c) ?? 0) / total - resolution * (d / (2 * total)) ** 2;
    perCommunity.set(c, share);
    q += share;
  }
  return { total: q, perCommunity };
}

/**
 * Keeps community ids stable between runs: each new community takes the id of the previous community
 * it overlaps most (Jaccard of the member sets ≥ minJaccard, best pairs first); the rest get fresh ids
 * above every id used before.
 */
export function stableIds(
  membership: Int32Array,
  count: number,
  previous: ReadonlyArray<number | null>,
  opts: { minJaccard?: number; nextFreeId?: number } = {},
): Int32Array {
  const minJaccard = opts.minJaccard ?? 0.5;
  const newSize = new Array<number>(count).fill(0);
  const oldSize = new Map<number, number>();
  const overlap = new Map<number, Map<number, number>>();
  let maxOld = (opts.nextFreeId ?? 0) - 1;
  for (let i = 0; i < membership.length; i++) {
    const p = previous[i];
    if (p !== null && p !== undefined) {
      oldSize.set(p, (oldSize.get(p) ?? 0) + 1);
      if (p > maxOld) maxOld = p;
    }
    const c = membership[i]!;
    if (c < 0) continue;
    newSize[c]!++;
    if (p === null || p === undefined) continue;
    let row = overlap.get(c);
    if (!row) overlap.set(c, (row = new Map()));
    row.set(p, (row.get(p) ?? 0) + 1);
  }
  const pairs: { c: number; p: number; j: number }[] = [];
  for (const [c, row] of overlap) {
    for (const [p, o] of row) {
      const j = o / (newSize[c]! + oldSize.get(p)! - o);
      if (j >= minJaccard) pairs.push({ c, p, j });
    }
  }
  pairs.sort((a, b) => b.j - a.j || a.c - b.c || a.p - b.p);
  const idOf = new Array<number>(count).fill(-1);
  const taken = new Set<number>();
  for (const { c, p } of pairs) {
    if (idOf[c] !== -1 || taken.has(p)) continue;
    idOf[c] = p;
    taken.add(p);
  }
  let next = maxOld + 1;
  for (let c = 0; c < count; c++) if (idOf[c] === -1) idOf[c] = next++;
  const out = new Int32Array(membership.length);
  for (let i = 0; i < membership.length; i++) {
    const c = membership[i]!;
    out[i] = c < 0 ? -1 : idOf[c]!;
  }
  return out;
}
