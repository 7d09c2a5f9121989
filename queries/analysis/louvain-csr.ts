// Louvain on compressed sparse rows. The benchmark (tests/bench/analysis.bench.ts) showed that for a
// million interactions, building the graphology graph took ~13 s of the ~16 s graphology's Louvain
// needed, against ~1.3 s for igraph; this version works on typed arrays end to end (same method:
// local moving in a seeded random order, then aggregation, level after level) and is what analyze
// uses. graphology-communities-louvain stays available (engine 'graphology') and both are checked
// against igraph in tests/unit/analysis/louvain-quality.test.ts.
//
// Louvain can leave a community internally disconnected (a node that held two parts together moves
// away later; Traag, Waltman & van Eck 2019, "From Louvain to Leiden"). With `refine` (the default)
// each level adds Leiden's refinement: inside every community found by local moving, nodes start
// alone and merge only with well-connected neighbouring sub-communities of the same community, and
// the graph is aggregated on those refined sub-communities, the local-moving partition being the
// starting point of the next level. We take the merge with the largest gain (Leiden's randomness
// parameter θ → 0). No maintained Leiden implementation exists on npm (checked the registry list),
// so this is written on the same CSR arrays. A last pass splits any community that is still not
// connected into its components, which can only raise modularity.
import type { EdgeList } from './edges.ts';

/** Undirected graph as symmetric CSR; a self-loop entry carries both ends' weight (2 × its weight). */
interface Csr {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/** Level 0: every directed edge s → t (s ≠ t, weight > 0) appears in both rows; duplicates are fine. */
function fromEdges(edges: EdgeList): Csr {
  const { n, m, src, dst, weight } = edges;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    if (src[i] === dst[i] || !(weight[i]! > 0)) continue;
    offsets[src[i]! + 1]!++;
    offsets[dst[i]! + 1]!++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  for (let i = 0; i < m; i++) {
    const s = src[i]!;
    const t = dst[i]!;
    const w = weight[i]!;
    if (s === t || !(w > 0)) continue;
    let k = fill[s]!++;
    targets[k] = t;
    weights[k] = w;
    k = fill[t]!++;
    targets[k] = s;
    weights[k] = w;
  }
  return { n, offsets, targets, weights };
}

function degrees(g: Csr): { k: Float64Array; m2: number } {
  const k = new Float64Array(g.n);
  let m2 = 0;
  for (let v = 0; v < g.n; v++) {
    let s = 0;
    for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) s += g.weights[e]!;
    k[v] = s;
    m2 += s;
  }
  return { k, m2 };
}

/**
 * Local moving until no node changes community, from singletons or from `init` (community ids below
 * n); returns the community of each node.
 */
function moveNodes(
  g: Csr,
  resolution: number,
  rng: () => number,
  init?: Int32Array,
): { comm: Int32Array; moved: boolean } {
  const { n, offsets, targets, weights } = g;
  const { k, m2 } = degrees(g);
  const comm = new Int32Array(n);
  const tot = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    comm[v] = init ? init[v]! : v;
    tot[comm[v]!] = tot[comm[v]!]! + k[v]!;
  }
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[v] = v;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const x = order[i]!;
    order[i] = order[j]!;
    order[j] = x;
  }
  const neighWeight = new Float64Array(n);
  const neighComms = new Int32Array(n);
  const seen = new Uint8Array(n);
  let movedAny = false;
  if (m2 === 0) return { comm, moved: false };
  for (let pass = 0; pass < 1000; pass++) {
    let moves = 0;
    for (let oi = 0; oi < n; oi++) {
      const v = order[oi]!;
      const kv = k[v]!;
      if (kv === 0) continue;
      const cv = comm[v]!;
      let count = 0;
      // The node's own community is always a candidate (staying put).
      seen[cv] = 1;
      neighComms[count++] = cv;
      neighWeight[cv] = 0;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const u = targets[e]!;
        if (u === v) continue;
        const c = comm[u]!;
        if (!seen[c]) {
          seen[c] = 1;
          neighWeight[c] = 0;
          neighComms[count++] = c;
        }
        neighWeight[c] = neighWeight[c]! + weights[e]!;
      }
      tot[cv] = tot[cv]! - kv;
      let best = cv;
      let bestGain = neighWeight[cv]! - (resolution * tot[cv]! * kv) / m2;
      for (let i = 1; i < count; i++) {
        const c = neighComms[i]!;
        const gain = neighWeight[c]! - (resolution * tot[c]! * kv) / m2;
        if (gain > bestGain + 1e-12) {
          bestGain = gain;
          best = c;
        }
      }
      tot[best] = tot[best]! + kv;
      for (let i = 0; i < count; i++) seen[neighComms[i]!] = 0;
      if (best !== cv) {
        comm[v] = best;
        moves++;
      }
    }
    if (moves === 0) break;
    movedAny = true;
  }
  return { comm, moved: movedAny };
}

/** Communities become nodes; weights between them are summed (inside ones become self-loops). */
function aggregate(g: Csr, comm: Int32Array, count: number): Csr {
  const members = new Int32Array(g.n);
  const start = new Int32Array(count + 1);
  for (let v = 0; v < g.n; v++) start[comm[v]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count);
  for (let v = 0; v < g.n; v++) members[fill[comm[v]!]!++] = v;
  const acc = new Float64Array(count);
  const touched = new Int32Array(count);
  const mark = new Uint8Array(count);
  const offsets = new Int32Array(count + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  for (let c = 0; c < count; c++) {
    let t = 0;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const v = members[i]!;
      for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
        const d = comm[g.targets[e]!]!;
        if (!mark[d]) {
          mark[d] = 1;
          acc[d] = 0;
          touched[t++] = d;
        }
        acc[d] = acc[d]! + g.weights[e]!;
      }
    }
    for (let i = 0; i < t; i++) {
      const d = touched[i]!;
      targets.push(d);
      weights.push(acc[d]!);
      mark[d] = 0;
    }
    offsets[c + 1] = targets.length;
  }
  return { n: count, offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
}

/** Renumbers communities 0..count-1 in order of first appearance. */
function compact(comm: Int32Array): number {
  const map = new Int32Array(comm.length).fill(-1);
  let next = 0;
  for (let v = 0; v < comm.length; v++) {
    const c = comm[v]!;
    if (map[c] === -1) map[c] = next++;
    comm[v] = map[c]!;
  }
  return next;
}

/**
 * Leiden's refinement of one local-moving partition: within each community every node starts alone;
 * a node still alone that is well connected to its community joins the neighbouring sub-community
 * (same community, itself well connected) with the largest non-negative modularity gain. Each
 * sub-community is therefore connected. Returns sub-community ids (node ids, to be compacted).
 */
function refine(g: Csr, comm: Int32Array, count: number, resolution: number, rng: () => number): Int32Array {
  const { n, offsets, targets, weights } = g;
  const { k, m2 } = degrees(g);
  const commTot = new Float64Array(count);
  for (let v = 0; v < n; v++) commTot[comm[v]!] = commTot[comm[v]!]! + k[v]!;
  // Weight from each node to the rest of its community, then per sub-community (initially the same).
  const toOwn = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const u = targets[e]!;
      if (u !== v && comm[u] === comm[v]) s += weights[e]!;
    }
    toOwn[v] = s;
  }
  const sub = new Int32Array(n);
  const subTot = new Float64Array(n);
  const subOut = new Float64Array(n);
  const subSize = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    sub[v] = v;
    subTot[v] = k[v]!;
    subOut[v] = toOwn[v]!;
    subSize[v] = 1;
  }
  if (m2 === 0) return sub;
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[v] = v;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const x = order[i]!;
    order[i] = order[j]!;
    order[j] = x;
  }
  const neighWeight = new Float64Array(n);
  const neighSubs = new Int32Array(n);
  const seen = new Uint8Array(n);
  for (let oi = 0; oi < n; oi++) {
    const v = order[oi]!;
    if (sub[v] !== v || subSize[v] !== 1) continue;
    const kv = k[v]!;
    const S = commTot[comm[v]!]!;
    if (kv === 0 || toOwn[v]! < (resolution * kv * (S - kv)) / m2) continue;
    let count2 = 0;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const u = targets[e]!;
      if (u === v || comm[u] !== comm[v]) continue;
      const c = sub[u]!;
      if (!seen[c]) {
        seen[c] = 1;
        neighWeight[c] = 0;
        neighSubs[count2++] = c;
      }
      neighWeight[c] = neighWeight[c]! + weights[e]!;
    }
    let best = -1;
    let bestGain = 0;
    for (let i = 0; i < count2; i++) {
      const c = neighSubs[i]!;
      seen[c] = 0;
      const tc = subTot[c]!;
      if (subOut[c]! < (resolution * tc * (S - tc)) / m2) continue;
      const gain = neighWeight[c]! - (resolution * tc * kv) / m2;
      if (gain >= bestGain && (best === -1 || gain > bestGain + 1e-12)) {
        best = c;
        bestGain = gain;
      }
    }
    if (best === -1) continue;
    sub[v] = best;
    subTot[best] = subTot[best]! + kv;
    subOut[best] = subOut[best]! + toOwn[v]! - 2 * neighWeight[best]!;
    subSize[best]!++;
    subSize[v] = 0;
  }
  return sub;
}

/**
 * Splits every community that is not connected (through edges of the original graph) into its
 * components; returns how many communities had to be split.
 */
function splitDisconnected(g: Csr, membership: Int32Array): number {
  const n = g.n;
  const label = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const firstLabelOf = new Map<number, number>();
  const split = new Set<number>();
  let next = 0;
  for (let s = 0; s < n; s++) {
    const c = membership[s]!;
    if (c < 0 || label[s] !== -1) continue;
    const id = next++;
    if (firstLabelOf.has(c)) split.add(c);
    else firstLabelOf.set(c, id);
    label[s] = id;
    let top = 0;
    stack[top++] = s;
    while (top > 0) {
      const v = stack[--top]!;
      for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
        const u = g.targets[e]!;
        if (label[u] === -1 && membership[u] === c) {
          label[u] = id;
          stack[top++] = u;
        }
      }
    }
  }
  if (split.size > 0) for (let v = 0; v < n; v++) if (membership[v]! >= 0) membership[v] = label[v]!;
  return split.size;
}

/** How many communities of `membership` (-1 = none) are not connected inside. */
export function disconnectedCommunities(edges: EdgeList, membership: Int32Array): number {
  return splitDisconnected(fromEdges(edges), Int32Array.from(membership));
}

/**
 * Community of every node (nodes without edges get -1), before any renumbering by size.
 * Deterministic for a given rng. `refine` (default true) makes it Leiden (see the top of the file).
 */
export function louvainCsr(
  edges: EdgeList,
  resolution: number,
  rng: () => number,
  opts: { refine?: boolean } = {},
): Int32Array {
  const refineLevels = opts.refine ?? true;
  const level0 = fromEdges(edges);
  let g = level0;
  const isolated = new Uint8Array(edges.n);
  for (let v = 0; v < edges.n; v++) if (g.offsets[v] === g.offsets[v + 1]) isolated[v] = 1;
  // Node of the current (aggregated) graph each original node belongs to.
  const membership = new Int32Array(edges.n);
  for (let v = 0; v < edges.n; v++) membership[v] = v;
  let init: Int32Array | undefined;
  let final: Int32Array | null = null;
  for (let level = 0; level < 100; level++) {
    const { comm, moved } = moveNodes(g, resolution, rng, init);
    const count = compact(comm);
    if (!refineLevels) {
      if (!moved) break;
      for (let v = 0; v < edges.n; v++) membership[v] = comm[membership[v]!]!;
      if (count === g.n) break;
      g = aggregate(g, comm, count);
      continue;
    }
    final = comm;
    if (count === g.n) break;
    const sub = refine(g, comm, count, resolution, rng);
    const subCount = compact(sub);
    // Nothing merged: aggregating would give the same graph again.
    if (subCount === g.n) break;
    const next = new Int32Array(subCount);
    for (let v = 0; v < g.n; v++) next[sub[v]!] = comm[v]!;
    for (let v = 0; v < edges.n; v++) membership[v] = sub[membership[v]!]!;
    g = aggregate(g, sub, subCount);
    init = next;
    final = null;
  }
  if (refineLevels) {
    const last = final ?? init!;
    for (let v = 0; v < edges.n; v++) membership[v] = last[membership[v]!]!;
  }
  // Nodes without any edge are not in a community.
  for (let v = 0; v < edges.n; v++) if (isolated[v]) membership[v] = -1;
  if (refineLevels) splitDisconnected(level0, membership);
  return membership;
}
