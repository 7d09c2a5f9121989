// The stored map (phase `layout`): ForceAtlas2, seeded, so every user opens the same picture and the
// client only refines it on request. Bounded whatever the graph's size:
// 1. communities as super-nodes (the largest LAYOUT_COMMUNITIES), linked by their summed weights;
// 2. the highest-scoring accounts (at most LAYOUT_ACCOUNTS), started on their community's place and
//    laid out with the interactions among them;
// 3. every other account placed inside its community's disc, at a spot derived from its id (no
//    iterations, so a million accounts cost one loop).
// ForceAtlas2 itself has no randomness: the same start gives the same result, and the start comes
// from the seeded generator, so the same graph and seed give the same map.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { seededRng } from '../random.ts';
import type { EdgeList } from './edges.ts';

/** Accounts laid out with forces: as many as the Explore view draws at once (its cap). */
const LAYOUT_ACCOUNTS = 5_000;
/** Community super-nodes laid out with forces; the rest go on an outer ring. */
const LAYOUT_COMMUNITIES = 5_000;
const LAYOUT_ITERATIONS = { communities: 300, accounts: 100 };

interface LayoutOptions {
  seed: number;
  accounts?: number;
  communities?: number;
  iterations?: { communities: number; accounts: number };
}

interface StoredLayout {
  /** One position per account (index as in the edge list), rounded to 0.01. */
  x: Float64Array;
  y: Float64Array;
  /** Position of each community id. */
  community: Map<number, { x: number; y: number }>;
  /** How many accounts and communities the forces moved (the rest were placed). */
  laidOut: { accounts: number; communities: number };
}

type Pos = { x: number; y: number };

export function computeLayout(
  ids: readonly string[],
  edges: EdgeList,
  community: Int32Array,
  score: Float64Array,
  opts: LayoutOptions,
): StoredLayout {
  const n = edges.n;
  const rng = seededRng(opts.seed);
  const iterations = opts.iterations ?? LAYOUT_ITERATIONS;

  // 1. Communities, largest first (ties by id, so the order never depends on a Map's history).
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    if (c >= 0) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  }
  const byCommunitySize = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const forced = new Set(byCommunitySize.slice(0, opts.communities ?? LAYOUT_COMMUNITIES));
  const cg = new Graph<Pos & { size: number }>({ type: 'undirected', allowSelfLoops: false });
  for (const c of byCommunitySize) {
    if (forced.has(c)) cg.addNode(String(c), { ...disc(rng, 100), size: sizes.get(c)! });
  }
  for (let e = 0; e < edges.m; e++) {
    const a = community[edges.src[e]!]!;
    const b = community[edges.dst[e]!]!;
    if (a === b || !forced.has(a) || !forced.has(b)) continue;
    cg.updateUndirectedEdge(String(a), String(b), (attr: { weight?: number }) => ({
      weight: (attr.weight ?? 0) + edges.weight[e]!,
    }));
  }
  if (cg.order > 1) {
    forceAtlas2.assign(cg, {
      iterations: iterations.communities,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(cg), barnesHutOptimize: cg.order > 500 },
    });
  }
  const centres = new Map<number, Pos>();
  cg.forEachNode((c, a) => centres.set(Number(c), { x: a.x, y: a.y }));
  // Spread the community map so the accounts of one community (step 2) have room around its centre.
  const extent = radiusOf([...centres.values()]) || 1;
  const scale = (50 * Math.sqrt(Math.max(1, Math.min(n, opts.accounts ?? LAYOUT_ACCOUNTS)))) / extent;
  for (const [c, p] of centres) centres.set(c, { x: p.x * scale, y: p.y * scale });
  const outer = radiusOf([...centres.values()]) * 1.15 + 10;
  for (const c of byCommunitySize) {
    if (!centres.has(c)) {
      const angle = 2 * Math.PI * unitHash(String(c), opts.seed);
      centres.set(c, { x: outer * Math.cos(angle), y: outer * Math.sin(angle) });
    }
  }

  // 2. The top accounts by score, started around their community's centre.
  const top = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => score[b]! - score[a]! || a - b)
    .slice(0, opts.accounts ?? LAYOUT_ACCOUNTS);
  const inTop = new Int32Array(n).fill(-1);
  const ag = new Graph<Pos>({ type: 'undirected', allowSelfLoops: false });
  for (const i of top) {
    const centre = centres.get(community[i]!) ?? { x: 0, y: 0 };
    const d = disc(rng, 20);
    inTop[i] = ag.order;
    ag.addNode(String(i), { x: centre.x + d.x, y: centre.y + d.y });
  }
  for (let e = 0; e < edges.m; e++) {
    const s = edges.src[e]!;
    const t = edges.dst[e]!;
    if (s === t || inTop[s]! < 0 || inTop[t]! < 0) continue;
    ag.updateUndirectedEdge(String(s), String(t), (attr: { weight?: number }) => ({
      weight: (attr.weight ?? 0) + edges.weight[e]!,
    }));
  }
  if (ag.order > 1 && ag.size > 0) {
    forceAtlas2.assign(ag, {
      iterations: iterations.accounts,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(ag), barnesHutOptimize: ag.order > 1000 },
    });
  }

  // 3. Everyone else inside their community's disc: centred where its laid-out members ended up
  //    (or its super-node's place), as wide as they spread.
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const sum = new Map<number, { x: number; y: number; r2: number; k: number }>();
  for (const i of top) {
    const a = ag.getNodeAttributes(String(i));
    x[i] = a.x;
    y[i] = a.y;
    const c = community[i]!;
    const s = sum.get(c) ?? { x: 0, y: 0, r2: 0, k: 0 };
    s.x += a.x;
    s.y += a.y;
    s.k++;
    sum.set(c, s);
  }
  for (const i of top) {
    const s = sum.get(community[i]!)!;
    s.r2 += (x[i]! - s.x / s.k) ** 2 + (y[i]! - s.y / s.k) ** 2;
  }
  for (let i = 0; i < n; i++) {
    if (inTop[i]! >= 0) continue;
    const c = community[i]!;
    const angle = 2 * Math.PI * unitHash(ids[i]!, opts.seed + 1);
    if (c < 0) {
      // No community (no interaction at all): a thin band outside the map, out of the way.
      const band = outer * (1.05 + 0.1 * unitHash(ids[i]!, opts.seed + 2));
      x[i] = band * Math.cos(angle);
      y[i] = band * Math.sin(angle);
      continue;
    }
    const s = sum.get(c);
    const centre = s ? { x: s.x / s.k, y: s.y / s.k } : (centres.get(c) ?? { x: 0, y: 0 });
    const r = s && s.k > 1 ? Math.sqrt(s.r2 / s.k) : 10 + Math.sqrt(sizes.get(c) ?? 1);
    const dist = r * Math.sqrt(unitHash(ids[i]!, opts.seed + 2));
    x[i] = centre.x + dist * Math.cos(angle);
    y[i] = centre.y + dist * Math.sin(angle);
  }
  for (let i = 0; i < n; i++) {
    x[i] = round(x[i]!);
    y[i] = round(y[i]!);
  }
  // A super-node sits where its members are drawn, so opening a community keeps it in place.
  const communityOut = new Map<number, Pos>();
  for (const [c, p] of centres) {
    const s = sum.get(c);
    communityOut.set(c, s ? { x: round(s.x / s.k), y: round(s.y / s.k) } : { x: round(p.x), y: round(p.y) });
  }
  return { x, y, community: communityOut, laidOut: { accounts: ag.order, communities: cg.order } };
}

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : 0);

function disc(rng: () => number, r: number): Pos {
  const angle = 2 * Math.PI * rng();
  const d = r * Math.sqrt(rng());
  return { x: d * Math.cos(angle), y: d * Math.sin(angle) };
}

function radiusOf(points: Pos[]): number {
  let r = 0;
  for (const p of points) r = Math.max(r, Math.hypot(p.x, p.y));
  return r;
}

/** A number in [0, 1) from a string and a salt (FNV-1a), so a placed account never moves between runs. */
function unitHash(s: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}
