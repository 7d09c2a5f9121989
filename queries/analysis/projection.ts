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

export interface AccountProjection {
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
  /** The first account id of each page read, so later steps can page through the same ranges. */
  pageStarts: string[];
}

const PageRow = z.object({
  id: z.string(),
  handle: z.string().nullable(),
  name: z.string().nullable(),
  bio: z.string().nullable(),
  location: z.string().nullable(),
  previous: z.number().nullable(),
  tags: z.array(z.tuple([z.string(), z.number()])),
});

/** [target id, weighted total] pairs, checked by hand: zod per edge costs seconds at a million. */
function edgesOf(raw: unknown, id: string): [string, number][] {
  if (!Array.isArray(raw)) throw new Error(`analysis: interactions of ${id} are not a list`);
  for (const e of raw as unknown[]) {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'number' || !Number.isFinite(e[1])) {
      throw new Error(`analysis: an INTERACTS relationship of ${id} has no numeric counts`);
    }
  }
  return raw as [string, number][];
}

const Boundary = z.object({ start: z.string() });

export interface ProjectionOptions {
  weights: InteractionWeights;
  pageSize?: number;
  /** Pages read at once; they are still processed in id order, so numbering is deterministic. */
  concurrency?: number;
  onPage?: (accountsRead: number) => void;
}

export async function projectAccounts(db: Db, opts: ProjectionOptions): Promise<AccountProjection> {
  const pageSize = opts.pageSize ?? 5_000;
  const w = opts.weights;
  const index = new Map<string, number>();
  const p: Omit<AccountProjection, 'edges' | 'pairs' | 'pageStarts'> = {
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
  const slot = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = p.ids.length;
      index.set(id, i);
      p.ids.push(id);
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
  const starts = (await db.read(loadCypher('analysis/account-boundaries'), { pageSize: int(pageSize) })).map(
    (r) => Boundary.parse(r).start,
  );
  const fetchPage = (k: number) =>
    db.read(loadCypher('analysis/account-page'), {
      from: starts[k]!,
      to: starts[k + 1] ?? null,
      weights: w,
    });
  const inFlight: Promise<Row[]>[] = [];
  let requested = 0;
  const concurrency = Math.max(1, opts.concurrency ?? 3);
  for (let k = 0; k < starts.length; k++) {
    while (requested < starts.length && requested < k + concurrency) inFlight.push(fetchPage(requested++));
    const rows = await inFlight.shift()!;
    for (const raw of rows) {
      const r = PageRow.parse(raw);
      const out = edgesOf((raw as { out?: unknown }).out, r.id);
      const i = slot(r.id);
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
  return { ...p, edges: edges.build(p.ids.length), pairs, pageStarts: starts };
}
