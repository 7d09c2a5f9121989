// What the Explore view draws: accounts when the graph fits under the cap, community super-nodes
// when it does not, one community's members on request. Every read here is bounded by the cap, not
// by the size of the graph: totals come from the count store and Community sizes, super-nodes and
// their weights from what analysis stored (queries/analysis/summaries.ts).
import { z } from 'zod';
import { loadCypher } from './cypher.ts';
import { activityKeys } from './analysis/activity-days.ts';
import { int, type Db, type Row, type Tx } from './db.ts';
import { Stage } from './outreach/model.ts';
import { DAY, isoBound, WINDOW_TYPES, type PostWindow, type WindowType } from './window.ts';

/** A community id as stored on an Account and a Community: whatever analysis wrote (numbers from Louvain, or strings). A community asked for by number is communities.ts's CommunityNumber. */
export const CommunityId = z.union([z.number(), z.string()]);

/** `?community=7` arrives as text; analysis stores Louvain's integer labels as numbers. */
export function communityParam(raw: string | undefined): number | string | null {
  if (raw === undefined) return null;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
}

export const GraphNode = z.object({
  id: z.string(),
  label: z.string(),
  community: CommunityId.nullable(),
  score: z.number().nullable(),
  stage: Stage.nullable().optional(),
  /** Accounts a node stands for: 1 for an account, the member count for a community super-node. */
  size: z.number().int(),
  kind: z.enum(['account', 'community']),
  /** The stored map position (analysis `layout` phase); absent until an analysis has run. */
  x: z.number().nullable().optional(),
  y: z.number().nullable().optional(),
  /** What the colourings and sizes read (accounts only). */
  role: z.string().nullable().optional(),
  region: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  followers: z.number().nullable().optional(),
});
/** Interaction counts by type on a drawn link (account views; community links carry only weight). */
const EdgeTypeCounts = z.object({
  mention: z.number(),
  reply: z.number(),
  repost: z.number(),
  quote: z.number(),
  follow: z.number(),
});
export const GraphEdge = z.object({
  source: z.string(),
  target: z.string(),
  weight: z.number(),
  types: EdgeTypeCounts.optional(),
});
export const GraphView = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  /** true when communities stand in for their members because the graph is larger than the cap. */
  aggregated: z.boolean(),
  /** true when some accounts were left out (highest scores kept). */
  truncated: z.boolean(),
  totalAccounts: z.number().int(),
  /**
   * The time window and types the edges count, when one was asked for: only interactions made by
   * posts created in it (follows have no time, so a window leaves them out). The aggregated view counts
   * whole UTC days (from the days analysis stored), and from/to then say which. `capped`: the window
   * held more than the newest posts read live (GRAPH_WINDOW_POSTS). Null: every interaction, follows
   * included.
   */
  window: z
    .object({
      from: z.string(),
      to: z.string(),
      types: z.array(z.enum(WINDOW_TYPES)),
      capped: z.boolean(),
    })
    .nullable()
    .default(null),
});
export type GraphView = z.infer<typeof GraphView>;

export const nodeRow = (r: Record<string, unknown>, kind: 'account' | 'community') =>
  GraphNode.parse({
    id: r.id,
    label: r.label,
    community: r.community ?? null,
    score: typeof r.score === 'number' ? r.score : null,
    stage: r.stage ?? null,
    size: r.size ?? 1,
    kind,
    x: typeof r.x === 'number' ? r.x : null,
    y: typeof r.y === 'number' ? r.y : null,
    ...(kind === 'account'
      ? {
          role: typeof r.role === 'string' ? r.role : null,
          region: typeof r.region === 'string' ? r.region : null,
          country: typeof r.country === 'string' ? r.country : null,
          followers: typeof r.followers === 'number' ? r.followers : null,
        }
      : {}),
  });

/** An account link with its counts by type when the read returned them. */
const edgeRow = (r: Record<string, unknown>) =>
  GraphEdge.parse({
    source: r.source,
    target: r.target,
    weight: r.weight,
    ...(typeof r.mention === 'number'
      ? {
          types: {
            mention: r.mention,
            reply: r.reply,
            repost: r.repost,
            quote: r.quote,
            follow: r.follow,
          },
        }
      : {}),
  });

/** Edges drawn per node shown, at most. */
const EDGES_PER_NODE = 8;

/** A windowed view reads at most this many posts of the window, newest first. */
export const GRAPH_WINDOW_POSTS = 100_000;

interface GraphQuery {
  cap: number;
  community: number | string | null;
  /** Only interactions in this window and of these types (queries/window.ts), or all of them. */
  window?: PostWindow | null;
}

export async function graphView(db: Db, q: GraphQuery): Promise<GraphView> {
  if (q.window) return windowView(db, { ...q, window: q.window });
  const maxEdges = int(q.cap * EDGES_PER_NODE);
  const [count] = await db.read(loadCypher('graph/count'));
  const communities = Number(count?.communities ?? 0);
  const total =
    q.community === null
      ? Number(count?.accounts ?? 0)
      : Number(
          (await db.read(loadCypher('graph/community-size'), { community: q.community }))[0]?.accounts ?? 0,
        );
  if (total > q.cap && q.community === null && communities > 0) {
    const { nodes, edges } = await db.readTx(async (tx) => {
      const nodes = await tx.run(loadCypher('graph/community-nodes'), { cap: int(q.cap) });
      const ids = nodes.map((n) => n.community);
      const edges = await tx.run(loadCypher('graph/community-links'), { ids, maxEdges });
      return { nodes, edges };
    }, 'graph/communities');
    return {
      nodes: nodes.map((n) => nodeRow({ ...n, id: superId(n.community) }, 'community')),
      edges: edges.map((e) =>
        GraphEdge.parse({ ...e, source: superId(e.source), target: superId(e.target) }),
      ),
      aggregated: true,
      truncated: communities > q.cap,
      totalAccounts: total,
      window: null,
    };
  }
  // Nodes and edges read in one transaction, so the edges are among exactly these nodes.
  const { nodes, edges } = await db.readTx(async (tx) => {
    let nodes: Row[];
    if (q.community !== null) {
      nodes = await tx.run(loadCypher('graph/community-accounts'), {
        community: q.community,
        cap: int(q.cap),
      });
    } else {
      nodes = await tx.run(loadCypher('graph/top-accounts'), { cap: int(q.cap) });
      if (nodes.length < q.cap) {
        const rest = await tx.run(loadCypher('graph/unscored-accounts'), { cap: int(q.cap - nodes.length) });
        nodes = nodes.concat(rest);
      }
    }
    const ids = nodes.map((n) => String(n.id));
    const edges = await tx.run(loadCypher('graph/account-edges'), { ids, maxEdges });
    return { nodes, edges };
  }, 'graph/accounts');
  return {
    nodes: nodes.map((n) => nodeRow(n, 'account')),
    edges: edges.map(edgeRow),
    aggregated: false,
    truncated: total > q.cap,
    totalAccounts: total,
    window: null,
  };
}

// Built here, not in Cypher, so 1 and 1.0 (integer or float community ids) give the same id.
const superId = (c: unknown) => `community:${String(c)}`;

/** The aggregated view of a window reads at most this many stored days; a longer one is read live. */
const MAX_WINDOW_DAYS = 400;
/** After every stored day ('YYYY-MM-DD' ≤ '9999-12-31'), for a window with no end. */
const AFTER_LAST_DAY = '9999-99-99';

/**
 * The graph of one time window: the accounts that took part in its interactions, most active first,
 * with the window's interactions among them; when more accounts took part than the cap (and no
 * community is open), their communities stand in for them, joined by the window's interactions
 * between members. Accounts and communities that took no part in the window are not drawn.
 *
 * The aggregated view comes from the days analysis stored (activity-days.ts) when there are any, in
 * whole UTC days: a bound inside a day counts that whole day, and the answer's window says so. Without
 * them, or for a window over MAX_WINDOW_DAYS, it is read live from the newest GRAPH_WINDOW_POSTS posts.
 */
async function windowView(db: Db, q: GraphQuery & { window: PostWindow }): Promise<GraphView> {
  const w = q.window;
  const maxEdges = int(q.cap * EDGES_PER_NODE);
  const span = { from: w.from, to: w.to, types: w.types };
  const counted = { from: w.from, to: w.to, types: w.asked.types ?? [...WINDOW_TYPES] };
  const [count] = await db.read(loadCypher('graph/count'));
  const communities = Number(count?.communities ?? 0);
  if (q.community === null && communities > 0 && Number(count?.activityDays ?? 0) > 0) {
    const stored = await storedDaysView(db, q.cap, w, counted.types);
    if (stored) return stored;
  }
  return db.readTx(async (tx) => {
    const nodes = await tx.run(loadCypher('graph/window-accounts'), {
      ...span,
      community: q.community,
      cap: int(q.cap),
      maxPosts: int(GRAPH_WINDOW_POSTS),
    });
    const active = Number(nodes[0]?.active ?? 0);
    const capped = nodes[0]?.capped === true;
    if (active > q.cap && q.community === null && communities > 0) {
      const pairs = (
        await tx.run(loadCypher('graph/window-communities'), { ...span, maxPosts: int(GRAPH_WINDOW_POSTS) })
      ).map((r): Pair => ({ source: r.source, target: r.target, weight: Number(r.weight) }));
      return aggregatedWindow(tx, pairs, q.cap, active, { ...counted, capped });
    }
    const ids = nodes.map((n) => String(n.id));
    const edges = ids.length
      ? await tx.run(loadCypher('graph/window-edges'), { ...span, ids, maxEdges })
      : [];
    return {
      nodes: nodes.map((n) => nodeRow(n, 'account')),
      edges: edges.map((e) => GraphEdge.parse(e)),
      aggregated: false,
      truncated: active > q.cap,
      totalAccounts: active,
      window: { ...counted, capped },
    };
  }, 'graph/window');
}

/** Interaction weight from one community to another (the same: inside it) in a window. */
interface Pair {
  source: unknown;
  target: unknown;
  weight: number;
}
type CountedWindow = NonNullable<GraphView['window']>;

/**
 * The aggregated view of a window from the stored days, or null when the live read answers it: more
 * than MAX_WINDOW_DAYS days, or no more accounts active than the cap (then the accounts are drawn).
 */
async function storedDaysView(
  db: Db,
  cap: number,
  w: PostWindow,
  types: WindowType[],
): Promise<GraphView | null> {
  const fromDay = w.from.slice(0, 10);
  const toDay =
    w.asked.to === null
      ? AFTER_LAST_DAY
      : w.to.endsWith('T00:00:00Z')
        ? w.to.slice(0, 10)
        : isoBound(Date.parse(`${w.to.slice(0, 10)}T00:00:00Z`) + DAY).slice(0, 10);
  return db.readTx(async (tx) => {
    const days = await tx.run(loadCypher('graph/window-days'), {
      fromDay,
      toDay,
      limit: int(MAX_WINDOW_DAYS + 1),
      activeKeys: types.map((t) => activityKeys(t).active),
      weightKeys: types.map((t) => activityKeys(t).weight),
    });
    if (days.length > MAX_WINDOW_DAYS) return null;
    let union: Uint8Array | null = null;
    const weights = new Map<string, Pair>();
    for (const day of days) {
      for (const bits of day.active as (Int8Array | null)[]) {
        if (!bits) continue;
        const b = new Uint8Array(bits.buffer, bits.byteOffset, bits.byteLength);
        if (!union) union = new Uint8Array(b.length);
        for (let i = 0; i < b.length; i++) union[i]! |= b[i]!;
      }
      const sources = day.sources as string[];
      const targets = day.targets as string[];
      for (const list of day.weights as (number[] | null)[]) {
        if (!list) continue;
        for (let k = 0; k < sources.length; k++) {
          if (!list[k]) continue;
          const key = `${sources[k]}\u0000${targets[k]}`;
          const pair = weights.get(key);
          if (pair) pair.weight += list[k]!;
          else
            weights.set(key, {
              source: communityParam(sources[k]),
              target: communityParam(targets[k]),
              weight: list[k]!,
            });
        }
      }
    }
    const active = union ? popcount(union) : 0;
    if (active <= cap) return null;
    const window: CountedWindow = {
      from: w.asked.from === null ? w.from : `${fromDay}T00:00:00Z`,
      to: w.asked.to === null ? w.to : `${toDay}T00:00:00Z`,
      types,
      capped: false,
    };
    return aggregatedWindow(tx, [...weights.values()], cap, active, window);
  }, 'graph/window-days');
}

function popcount(bits: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let b = bits[i]!;
    while (b) {
      b &= b - 1;
      n++;
    }
  }
  return n;
}

/**
 * Communities standing in for the accounts of a window: each one's activity (inside it or across),
 * busiest first, up to the cap, joined by the window's interactions between them.
 */
async function aggregatedWindow(
  tx: Tx,
  pairs: Pair[],
  cap: number,
  active: number,
  window: CountedWindow,
): Promise<GraphView> {
  const activity = new Map<string, { id: unknown; weight: number }>();
  for (const p of pairs) {
    for (const c of p.source === p.target ? [p.source] : [p.source, p.target]) {
      const k = String(c);
      const a = activity.get(k) ?? { id: c, weight: 0 };
      a.weight += Number(p.weight);
      activity.set(k, a);
    }
  }
  const kept = [...activity.values()]
    .sort((a, b) => b.weight - a.weight || String(a.id).localeCompare(String(b.id)))
    .slice(0, cap);
  const ids = new Set(kept.map((k) => String(k.id)));
  const rows = await tx.run(loadCypher('graph/communities-by-id'), { ids: kept.map((k) => k.id) });
  const byId = new Map(rows.map((r) => [String(r.community), r]));
  const edges = pairs
    .filter((p) => p.source !== p.target && ids.has(String(p.source)) && ids.has(String(p.target)))
    .sort((a, b) => Number(b.weight) - Number(a.weight))
    .slice(0, cap * EDGES_PER_NODE);
  return {
    nodes: kept
      .filter((k) => byId.has(String(k.id)))
      .map((k) => nodeRow({ ...byId.get(String(k.id))!, id: superId(k.id) }, 'community')),
    edges: edges.map((e) =>
      GraphEdge.parse({ source: superId(e.source), target: superId(e.target), weight: Number(e.weight) }),
    ),
    aggregated: true,
    truncated: activity.size > cap,
    totalAccounts: active,
    window,
  };
}
