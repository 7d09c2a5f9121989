// Neo4j → memory. Reads accounts in pages of ids (never the whole graph in one result), turning each
// INTERACTS relationship into one directed weighted edge with the configured type weights, and
// keeping what the per-account derivations need (place, specialties, role) as they stream past.
import { loadCypher } from '../cypher.ts';
import { int, type Db, type Row } from '../db.ts';
import { resolvePlace, type Place } from '../geo/resolve.ts';
import { specialtiesFor } from '../taxonomy/specialties.ts';
import { roleFromBio, type Role } from '../taxonomy/role.ts';
import { EdgeListBuilder, type EdgeList } from './edges.ts';
import type { InteractionWeights } from './params.ts';
import { z } from 'zod';

interface AccountProjection {
  ids: string[];
  handles: (string | null)[];
  /** Community id each account had after the previous run (null when none). */
  previous: (number | null)[];
  places: (Place | null)[];
  /** How many accounts had a location text we could not place. */
  unresolvedLocations: number;
  specialties: string[][];
  roles: Role[];
  /** Hashtag use per account, for community labels: parallel arrays account index → tag, count. */
  tagAccount: number[];
  tagName: string[];
  tagCount: number[];
  edges: EdgeList;
  /** INTERACTS relationships read (pairs), before weighting. */
  pairs: number;
  /** The id range of each page read, so later steps can page through the same ranges. */
  pages: IdRange[];
}

const PageRow = z.object({
  node: z.number(),
  id: z.string(),
  handle: z.string().nullable(),
  name: z.string().nullable(),
  bio: z.string().nullable(),
  location: z.string().nullable(),
  previous: z.number().nullable(),
  tags: z.array(z.tuple([z.string(), z.number()])),
});

/** [target node, weighted total] pairs, checked by hand: zod per edge costs seconds at a million. */
function edgesOf(raw: unknown, id: string): [number, number][] {
  if (!Array.isArray(raw)) throw new Error(`analysis: interactions of ${id} are not a list`);
  for (const e of raw as unknown[]) {
    if (!Array.isArray(e) || typeof e[0] !== 'number' || typeof e[1] !== 'number' || !Number.isFinite(e[1])) {
      throw new Error(`analysis: an INTERACTS relationship of ${id} has no numeric counts`);
    }
  }
  return raw as [number, number][];
}

const IdRange = z.object({ first: z.string(), last: z.string() });
export type IdRange = z.infer<typeof IdRange>;
const LateAccount = z.object({ node: z.number(), id: z.string(), handle: z.string().nullable() });

interface ProjectionOptions {
  weights: InteractionWeights;
  pageSize?: number;
  /** Pages read at once; they are still processed in id order, so numbering is deterministic. */
  concurrency?: number;
  onPage?: (accountsRead: number) => void;
}

export async function projectAccounts(db: Db, opts: ProjectionOptions): Promise<AccountProjection> {
  const pageSize = opts.pageSize ?? 5_000;
  const w = opts.weights;
  // Keyed by internal node id (see account-page.cypher); `ids` gets each account's `id` property.
  const index = new Map<number, number>();
  const p: Omit<AccountProjection, 'edges' | 'pairs' | 'pages'> = {
    ids: [],
    handles: [],
    previous: [],
    places: [],
    unresolvedLocations: 0,
    specialties: [],
    roles: [],
    tagAccount: [],
    tagName: [],
    tagCount: [],
  };
  // A target can be seen before its own page: give it a slot now, fill its details later.
  const slot = (node: number): number => {
    let i = index.get(node);
    if (i === undefined) {
      i = p.ids.length;
      index.set(node, i);
      p.ids.push('');
      p.handles.push(null);
      p.previous.push(null);
      p.places.push(null);
      p.specialties.push([]);
      p.roles.push('other');
    }
    return i;
  };
  const placeCache = new Map<string, Place | null>();
  const edges = new EdgeListBuilder();
  let pairs = 0;
  let read = 0;
  const pages = (await db.read(loadCypher('analysis/account-boundaries'), { pageSize: int(pageSize) })).map(
    (r) => IdRange.parse(r),
  );
  const fetchPage = (k: number) => db.read(loadCypher('analysis/account-page'), { ...pages[k]!, weights: w });
  const inFlight: Promise<Row[]>[] = [];
  let requested = 0;
  const concurrency = Math.max(1, opts.concurrency ?? 3);
  for (let k = 0; k < pages.length; k++) {
    while (requested < pages.length && requested < k + concurrency) inFlight.push(fetchPage(requested++));
    const rows = await inFlight.shift()!;
    for (const raw of rows) {
      const r = PageRow.parse(raw);
      const out = edgesOf((raw as { out?: unknown }).out, r.id);
      const i = slot(r.node);
      p.ids[i] = r.id;
      p.handles[i] = r.handle;
      p.previous[i] = r.previous;
      if (r.location && r.location.trim()) {
        let place = placeCache.get(r.location);
        if (place === undefined) placeCache.set(r.location, (place = resolvePlace(r.location)));
        p.places[i] = place;
        if (!place) p.unresolvedLocations++;
      }
      const tags = r.tags.map(([tag, count]) => ({ tag, count }));
      p.specialties[i] = specialtiesFor(tags, r.bio);
      p.roles[i] = roleFromBio(r.bio, r.name);
      for (const { tag, count } of tags) {
        p.tagAccount.push(i);
        p.tagName.push(tag);
        p.tagCount.push(count);
      }
      for (const [target, weight] of out) {
        pairs++;
        if (weight > 0) edges.add(i, slot(target), weight);
      }
    }
    read += rows.length;
    opts.onPage?.(read);
  }
  const built = await withLateAccounts(db, p, index, edges.build(p.ids.length));
  return { ...p, edges: built, pairs, pages };
}

/**
 * Targets whose own page never came were created while the read ran, outside the ranges still to
 * read: their `id` is fetched by node id. One deleted meanwhile is dropped with its edges, and the
 * remaining accounts are renumbered, so every slot names a real account. Returns the edge list, the
 * same one unless something was dropped.
 */
export async function withLateAccounts(
  db: Db,
  p: Omit<AccountProjection, 'edges' | 'pairs' | 'pages'>,
  index: Map<number, number>,
  edges: EdgeList,
): Promise<EdgeList> {
  const late: number[] = [];
  for (const [node, i] of index) if (p.ids[i] === '') late.push(node);
  if (late.length === 0) return edges;
  for (const raw of await db.read(loadCypher('analysis/account-ids'), { nodes: late })) {
    const r = LateAccount.parse(raw);
    const i = index.get(r.node)!;
    p.ids[i] = r.id;
    p.handles[i] = r.handle;
  }
  const keep = new Int32Array(p.ids.length).fill(-1);
  let n = 0;
  for (let i = 0; i < p.ids.length; i++) if (p.ids[i] !== '') keep[i] = n++;
  if (n === p.ids.length) return edges;
  const columns = [p.ids, p.handles, p.previous, p.places, p.specialties, p.roles] as unknown[][];
  for (const column of columns) {
    let k = 0;
    for (let i = 0; i < column.length; i++) if (keep[i]! >= 0) column[k++] = column[i];
    column.length = n;
  }
  let t = 0;
  for (let k = 0; k < p.tagAccount.length; k++) {
    const i = keep[p.tagAccount[k]!]!;
    if (i < 0) continue;
    p.tagAccount[t] = i;
    p.tagName[t] = p.tagName[k]!;
    p.tagCount[t++] = p.tagCount[k]!;
  }
  p.tagAccount.length = p.tagName.length = p.tagCount.length = t;
  const b = new EdgeListBuilder();
  for (let e = 0; e < edges.m; e++) {
    const s = keep[edges.src[e]!]!;
    const d = keep[edges.dst[e]!]!;
    if (s >= 0 && d >= 0) b.add(s, d, edges.weight[e]!);
  }
  return b.build(n);
}
