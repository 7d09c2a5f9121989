// Influence scores from the directed weighted graph (edge u → v: u paid attention to v) and the
// community partition. metrics.ts describes each one for the API and the client.
import type { EdgeList } from './edges.ts';

interface PageRankOptions {
  damping?: number;
  /** Stop when the L1 change between iterations falls below this. */
  tolerance?: number;
  maxIterations?: number;
}

/**
 * Weighted PageRank: a node passes its rank to the accounts it interacted with in proportion to the
 * weights; a node with no outgoing edge spreads its rank evenly (as igraph's PRPACK does), so ranks
 * always sum to 1.
 */
export function pagerank(edges: EdgeList, opts: PageRankOptions = {}): Float64Array {
  const { n, m, src, dst, weight } = edges;
  const d = opts.damping ?? 0.85;
  const tol = opts.tolerance ?? 1e-10;
  const maxIter = opts.maxIterations ?? 200;
  const rank = new Float64Array(n);
  if (n === 0) return rank;
  const outW = new Float64Array(n);
  for (let i = 0; i < m; i++) if (weight[i]! > 0) outW[src[i]!] = outW[src[i]!]! + weight[i]!;
  // Incoming CSR: for each node, its in-edges as (source, weight / source's out-weight).
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) if (weight[i]! > 0) start[dst[i]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const inSrc = new Int32Array(start[n]!);
  const inW = new Float64Array(start[n]!);
  for (let i = 0; i < m; i++) {
    const w = weight[i]!;
    if (!(w > 0)) continue;
    const k = fill[dst[i]!]!++;
    inSrc[k] = src[i]!;
    inW[k] = w / outW[src[i]!]!;
  }
  rank.fill(1 / n);
  let next = new Float64Array(n);
  let cur = rank;
  for (let iter = 0; iter < maxIter; iter++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outW[v] === 0) dangling += cur[v]!;
    const base = (1 - d) / n + (d * dangling) / n;
    let diff = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let k = start[v]!; k < start[v + 1]!; k++) sum += cur[inSrc[k]!]! * inW[k]!;
      const r = base + d * sum;
      next[v] = r;
      diff += Math.abs(r - cur[v]!);
    }
    [cur, next] = [next, cur];
    if (diff < tol) break;
  }
  return cur === rank ? rank : Float64Array.from(cur);
}

/** Sum of the weights of a node's incoming edges (self-loops excluded). */
export function inWeight(edges: EdgeList): Float64Array {
  const out = new Float64Array(edges.n);
  for (let i = 0; i < edges.m; i++) {
    const t = edges.dst[i]!;
    if (edges.src[i] !== t) out[t] = out[t]! + edges.weight[i]!;
  }
  return out;
}

/**
 * Share of its community's attention: the weight an account receives from members of its own
 * community divided by all the weight exchanged inside that community. 0 without a community.
 */
export function communityShare(edges: EdgeList, membership: Int32Array): Float64Array {
  const received = new Float64Array(edges.n);
  const internal = new Map<number, number>();
  for (let i = 0; i < edges.m; i++) {
    const s = edges.src[i]!;
    const t = edges.dst[i]!;
    const c = membership[t]!;
    if (s === t || c < 0 || membership[s] !== c) continue;
    received[t] = received[t]! + edges.weight[i]!;
    internal.set(c, (internal.get(c) ?? 0) + edges.weight[i]!);
  }
  const out = new Float64Array(edges.n);
  for (let v = 0; v < edges.n; v++) {
    const total = internal.get(membership[v]!) ?? 0;
    out[v] = total > 0 ? received[v]! / total : 0;
  }
  return out;
}

/**
 * Bridge score: the participation coefficient 1 − Σ_c (k_c / k)², where k is a node's total
 * interaction weight (in and out) and k_c the part exchanged with community c. 0 when all of it stays
 * in one community, approaching 1 when it is spread evenly over many.
 */
export function bridge(edges: EdgeList, membership: Int32Array): Float64Array {
  const total = new Float64Array(edges.n);
  const byCommunity = new Map<number, Map<number, number>>();
  const add = (v: number, c: number, w: number) => {
    total[v] = total[v]! + w;
    let row = byCommunity.get(v);
    if (!row) byCommunity.set(v, (row = new Map()));
    row.set(c, (row.get(c) ?? 0) + w);
  };
  for (let i = 0; i < edges.m; i++) {
    const s = edges.src[i]!;
    const t = edges.dst[i]!;
    const w = edges.weight[i]!;
    if (s === t || !(w > 0)) continue;
    add(s, membership[t]!, w);
    add(t, membership[s]!, w);
  }
  const out = new Float64Array(edges.n);
  for (const [v, row] of byCommunity) {
    let sum = 0;
    for (const k of row.values()) sum += (k / total[v]!) ** 2;
    out[v] = 1 - sum;
  }
  return out;
}

/**
 * The combined influence score in [0, 1]:
 *   0.5 × PageRank / the highest PageRank
 * + 0.25 × log(1 + weighted in-degree) / log(1 + the highest weighted in-degree)
 * + 0.15 × community share
 * + 0.1 × bridge
 * PageRank carries most because attention from attended accounts matters more than raw volume; the
 * log keeps a few viral accounts from flattening everyone else; community share lifts the voices a
 * smaller community listens to, and bridge those who carry messages between communities.
 */
const SCORE_WEIGHTS = { pagerank: 0.5, inWeight: 0.25, communityShare: 0.15, bridge: 0.1 } as const;

interface Scores {
  pagerank: Float64Array;
  inWeight: Float64Array;
  communityShare: Float64Array;
  bridge: Float64Array;
  score: Float64Array;
}

/** `givenPagerank`: ranks computed elsewhere (GDS), summing to 1 like ours; otherwise computed here. */
export function computeScores(edges: EdgeList, membership: Int32Array, givenPagerank?: Float64Array): Scores {
  const pr = givenPagerank ?? pagerank(edges);
  const inW = inWeight(edges);
  const share = communityShare(edges, membership);
  const br = bridge(edges, membership);
  let maxPr = 0;
  let maxIn = 0;
  for (let v = 0; v < edges.n; v++) {
    if (pr[v]! > maxPr) maxPr = pr[v]!;
    if (inW[v]! > maxIn) maxIn = inW[v]!;
  }
  const logMaxIn = Math.log1p(maxIn);
  const score = new Float64Array(edges.n);
  for (let v = 0; v < edges.n; v++) {
    score[v] =
      SCORE_WEIGHTS.pagerank * (maxPr > 0 ? pr[v]! / maxPr : 0) +
      SCORE_WEIGHTS.inWeight * (logMaxIn > 0 ? Math.log1p(inW[v]!) / logMaxIn : 0) +
      SCORE_WEIGHTS.communityShare * share[v]! +
      SCORE_WEIGHTS.bridge * br[v]!;
  }
  return { pagerank: pr, inWeight: inW, communityShare: share, bridge: br, score };
}
