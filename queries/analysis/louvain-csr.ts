// Louvain on compressed sparse rows. The benchmark (tests/bench/analysis.bench.ts) showed that for a
// million interactions, building the graphology graph took ~13 s of the ~16 s graphology's Louvain
// needed, against ~1.3 s for igraph; this version works on typed arrays end to end (same method:
// local moving in a seeded random order, then aggregation, level after level) and is what analyze
// uses. graphology-communities-louvain stays available (engine 'graphology') and both are checked
// against igraph in tests/unit/analysis/louvain-quality.test.ts.
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

/** One pass of local moving until no node changes community; returns the community of each node. */
function moveNodes(g: Csr, resolution: number, rng: () => number): { comm: Int32Array; moved: boolean } {
  const { n, offsets, targets, weights } = g;
  const k = new Float64Array(n);
  let m2 = 0;
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) s += weights[e]!;
    k[v] = s;
    m2 += s;
  }
  const comm = new Int32Array(n);
  const tot = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    comm[v] = v;
    tot[v] = k[v]!;
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
 * Community of every node (nodes without edges get -1), before any renumbering by size.
 * Deterministic for a given rng.
 */
export function louvainCsr(edges: EdgeList, resolution: number, rng: () => number): Int32Array {
  let g = fromEdges(edges);
  const isolated = new Uint8Array(edges.n);
  for (let v = 0; v < edges.n; v++) if (g.offsets[v] === g.offsets[v + 1]) isolated[v] = 1;
  const membership = new Int32Array(edges.n);
  for (let v = 0; v < edges.n; v++) membership[v] = v;
  for (let level = 0; level < 100; level++) {
    const { comm, moved } = moveNodes(g, resolution, rng);
    if (!moved) break;
    const count = compact(comm);
    for (let v = 0; v < edges.n; v++) membership[v] = comm[membership[v]!]!;
    if (count === g.n) break;
    g = aggregate(g, comm, count);
  }
  // Nodes without any edge are not in a community.
  for (let v = 0; v < edges.n; v++) if (isolated[v]) membership[v] = -1;
  return membership;
}
