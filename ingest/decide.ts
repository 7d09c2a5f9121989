// What a batch of units (a unit is what one input row became) writes, decided once for every path:
// the transactional ingest (ingest/tx-writer.ts, through queries/ingest-store.ts), the collectors
// (collect/run.ts) and `ingest --bulk` (ingest/bulk/store.ts, in memory).
//
// In one transaction a batch first reads which of its keys exist, then MERGEs the nodes on their
// constrained keys, CREATEs the posts and relationships that were missing, and adds exactly those
// relationships to the INTERACTS / USED summaries. A relationship exists if and only if it was counted,
// so a batch written again — a second run, or a rerun after a kill — changes nothing. Plans have no
// Eager operator (tests/integration/ingest checks with EXPLAIN). One ingest at a time per database:
// two concurrent runs of the same rows could both find a relationship missing.
//
// What to write is decided by `applyBatch` against a `GraphStore`: a Neo4j transaction, or the
// in-memory model of `ingest --bulk` (ingest/bulk/store.ts). One decision procedure for both paths is
// what makes the bulk import produce the same graph, duplicates, rejects and counts as this one.
//
// A post has one author, the first one seen (DESIGN.md: an interaction is from the post's author). A
// row naming another author for a stored post, or for one an earlier row of the batch introduced, is a
// data error: that row is refused whole, in the same transaction that reads the stored authors, so a
// rerun decides it the same way.
import { INTERACTION_TYPES } from '../queries/contract.ts';
import type { CanonicalRecord } from '../queries/model.ts';
import { applyObservation, emptyValues, sameValues, type AccountValues } from './accounts.ts';

/** The canonical records one input row produced. */
export interface Unit {
  records: CanonicalRecord[];
  /** The row's line, and its raw text (clipped) when the source gave one: for a reject decided when
   * the batch is written (an author conflict needs the stored graph). */
  line: number;
  raw?: string;
}

/** A unit refused when its batch was written; `u` is its index in the batch. */
export interface RejectedUnit {
  u: number;
  reason: string;
}

/** What a batch did: the indexes of the units that changed the graph, and the units refused. */
export interface BatchResult {
  changed: Set<number>;
  rejected: RejectedUnit[];
}

const REL_TYPES = INTERACTION_TYPES;
type RelType = (typeof REL_TYPES)[number];

const statementName: Record<RelType, RelStatement> = {
  mention: 'mentions',
  reply: 'replies',
  repost: 'reposts',
  quote: 'quotes',
  follow: 'follows',
};

export type RelStatement = 'mentions' | 'replies' | 'reposts' | 'quotes' | 'follows';

export interface RelRow {
  i: number;
  u: number;
  post?: string;
  author?: string;
  source?: string;
  target: string;
  weight: number;
}

export interface Prepared {
  accounts: { u: number; record: Extract<CanonicalRecord, { kind: 'account' }> }[];
  stubs: { id: string; platform: string }[];
  posts: {
    u: number;
    id: string;
    platform: string;
    author: string;
    createdAt: string | null;
    text: string | null;
    lang: string | null;
    url: string | null;
  }[];
  tagged: { i: number; u: number; post: string; author: string; tag: string }[];
  rels: Record<RelType, RelRow[]>;
}

export function platformOf(id: string): string {
  const i = id.indexOf(':');
  return i > 0 ? id.slice(0, i) : 'unknown';
}

/**
 * Turns a batch into statement parameters. A key repeated inside a batch is kept once (the first unit
 * wins; later ones are duplicates), so each statement sees each relationship once. Units in `skip`
 * (refused) contribute nothing; the others keep their index in `units`.
 */
export function prepare(units: Unit[], skip: ReadonlyMap<number, unknown> = new Map()): Prepared {
  const p: Prepared = {
    accounts: [],
    stubs: [],
    posts: [],
    tagged: [],
    rels: { mention: [], reply: [], repost: [], quote: [], follow: [] },
  };
  const seenAccount = new Set<string>();
  const stubs = new Set<string>();
  const seenPost = new Set<string>();
  const seen = new Set<string>();
  const once = (key: string) => (seen.has(key) ? false : (seen.add(key), true));

  units.forEach((unit, u) => {
    if (skip.has(u)) return;
    for (const r of unit.records) {
      if (r.kind === 'account') {
        p.accounts.push({ u, record: r });
        seenAccount.add(r.id);
      } else if (r.kind === 'post') {
        stubs.add(r.author);
        if (!seenPost.has(r.id)) {
          seenPost.add(r.id);
          p.posts.push({
            u,
            id: r.id,
            platform: r.platform,
            author: r.author,
            createdAt: r.createdAt ?? null,
            text: r.text || null,
            lang: r.lang || null,
            url: r.url || null,
          });
        }
        for (const tag of r.hashtags) {
          if (once(`t\u0000${r.id}\u0000${tag}`))
            p.tagged.push({ i: p.tagged.length, u, post: r.id, author: r.author, tag });
        }
        for (const x of r.interactions) {
          // An account interacting with itself is not an interaction (DESIGN.md).
          if (x.target === r.author) continue;
          if (!once(`${x.type}\u0000${r.id}\u0000${x.target}`)) continue;
          stubs.add(x.target);
          const rows = p.rels[x.type];
          rows.push({ i: rows.length, u, post: r.id, author: r.author, target: x.target, weight: x.weight });
        }
      } else {
        if (r.source === r.target || !once(`follow\u0000${r.source}\u0000${r.target}`)) continue;
        stubs.add(r.source);
        stubs.add(r.target);
        p.rels.follow.push({
          i: p.rels.follow.length,
          u,
          source: r.source,
          author: r.source,
          target: r.target,
          weight: 1,
        });
      }
    }
  });
  for (const id of stubs) if (!seenAccount.has(id)) p.stubs.push({ id, platform: platformOf(id) });
  return p;
}

/** The post ids a batch names, each once: what `existingPosts` is asked about. */
function postIds(units: Unit[]): string[] {
  const ids = new Set<string>();
  for (const unit of units) for (const r of unit.records) if (r.kind === 'post') ids.add(r.id);
  return [...ids];
}

/**
 * The units that name a different author for a post than the one it already has: stored (`stored`,
 * post id → author), or given by an earlier accepted unit of the batch (or an earlier record of the
 * same unit). Returns unit index → reason. A refused unit introduces nothing, so the first author an
 * accepted row gave is the one every later row is compared with — the same answer on a rerun, where
 * that author is stored.
 */
export function authorConflicts(
  units: Unit[],
  stored: ReadonlyMap<string, string | null>,
): Map<number, string> {
  const owner = new Map<string, string>();
  const conflicts = new Map<number, string>();
  units.forEach((unit, u) => {
    const mine = new Map<string, string>();
    for (const r of unit.records) {
      if (r.kind !== 'post') continue;
      const first = stored.get(r.id) ?? owner.get(r.id) ?? mine.get(r.id);
      if (first === undefined) mine.set(r.id, r.author);
      else if (first !== r.author) {
        conflicts.set(u, `post ${r.id} already belongs to ${first}; this row says ${r.author}`);
        return;
      }
    }
    for (const [id, author] of mine) owner.set(id, author);
  });
  return conflicts;
}

/** An account as merge-accounts writes it: every property, null ones removed. */
export type AccountRow = { id: string; platform: string; handleLower: string | null } & AccountValues;
export type PostRow = Prepared['posts'][number];
export type TaggedRow = Prepared['tagged'][number];
type PostRels = Record<Exclude<RelType, 'follow'>, { target: string; weight: number }[]>;
export type FreshPost = PostRow & { tags: string[] } & PostRels;
export interface UsedRow {
  author: string;
  tag: string;
  count: number;
}
export interface PairRow {
  a: string;
  b: string;
  mention: number;
  reply: number;
  repost: number;
  quote: number;
  follow: number;
}

/** The reads and writes a batch needs, named after the ingest statements that do them in Neo4j. */
export interface GraphStore {
  /** Stored values of those accounts that exist (a stub has every value null). */
  accountValues(ids: string[]): Promise<Map<string, AccountValues>>;
  mergeAccounts(accounts: AccountRow[]): Promise<void>;
  /** Creates the accounts that do not exist yet, with just their platform. */
  mergeStubs(stubs: { id: string; platform: string }[]): Promise<void>;
  mergeHashtags(tags: string[]): Promise<void>;
  /** Stored posts among `ids`, with their author's id (null only for a post that lost its author). */
  existingPosts(ids: string[]): Promise<Map<string, string | null>>;
  createPosts(posts: FreshPost[]): Promise<void>;
  /** Posts seen before, by the same author: fill their empty values (the author link stays as it is). */
  mergePosts(posts: PostRow[]): Promise<void>;
  /** The `i` of the rows whose relationship exists already. */
  existingTagged(rows: TaggedRow[]): Promise<Set<number>>;
  createTagged(rows: TaggedRow[]): Promise<void>;
  existingRels(name: RelStatement, rows: RelRow[]): Promise<Set<number>>;
  createRels(name: RelStatement, rows: RelRow[]): Promise<void>;
  addUsed(rows: UsedRow[]): Promise<void>;
  addInteracts(pairs: PairRow[]): Promise<void>;
}

/** What a batch writer gives the pipeline: the units that changed the graph and those refused. */
export interface BatchWriter {
  write(units: Unit[]): Promise<BatchResult>;
}

/** Account ids this run has written, so later batches skip merging them again (bounded memory). */
const KNOWN_LIMIT = 500_000;

export function rememberAccounts(known: Set<string>, p: Prepared): void {
  if (known.size > KNOWN_LIMIT) known.clear();
  for (const a of p.stubs) known.add(a.id);
  for (const a of p.accounts) known.add(a.record.id);
}

async function writeAccounts(store: GraphStore, p: Prepared, changed: Set<number>, known: Set<string>) {
  if (p.accounts.length) {
    const stored = await store.accountValues([...new Set(p.accounts.map((a) => a.record.id))]);
    const final = new Map<string, { platform: string; values: AccountValues; rows: number[] }>();
    for (const { u, record } of p.accounts) {
      const seen = final.get(record.id);
      const before = seen?.values ?? stored.get(record.id);
      const { values, changed: c } = applyObservation(before ?? emptyValues(), record);
      if (c || !before) {
        const rows = seen?.rows ?? [];
        rows.push(u);
        final.set(record.id, { platform: record.platform, values, rows });
      }
    }
    // Rows of one batch that change an account back and forth (a file loaded again) end where the
    // stored account already is: then nothing is written and those rows are duplicates.
    for (const [id, f] of final) {
      const s = stored.get(id);
      if (s && sameValues(s, f.values)) final.delete(id);
      else for (const u of f.rows) changed.add(u);
    }
    if (final.size) {
      const accounts = [...final].map(([id, { platform, values }]) => ({
        id,
        platform,
        ...values,
        handleLower: typeof values.handle === 'string' ? values.handle.toLowerCase() : null,
      }));
      await store.mergeAccounts(accounts);
    }
  }
  const stubs = p.stubs.filter((a) => !known.has(a.id));
  if (stubs.length) await store.mergeStubs(stubs);
}

/**
 * Decides and makes one batch's writes: refuses the units that contradict a post's author, then
 * writes the rest. Returns what changed, what was refused, and what was prepared (for the caller's
 * `known` accounts).
 */
export async function applyBatch(
  store: GraphStore,
  units: Unit[],
  known: Set<string>,
): Promise<BatchResult & { prepared: Prepared }> {
  const ids = postIds(units);
  const stored = ids.length ? await store.existingPosts(ids) : new Map<string, string | null>();
  const conflicts = authorConflicts(units, stored);
  const prepared = prepare(units, conflicts);
  const changed = await writeBatch(store, prepared, stored, known);
  return { changed, rejected: [...conflicts].map(([u, reason]) => ({ u, reason })), prepared };
}

/** Makes the writes of a prepared batch whose stored posts are `stored`; returns the changed units. */
async function writeBatch(
  store: GraphStore,
  p: Prepared,
  stored: ReadonlyMap<string, string | null>,
  known: Set<string>,
): Promise<Set<number>> {
  const changed = new Set<number>();
  await writeAccounts(store, p, changed, known);
  const tags = [...new Set(p.tagged.map((t) => t.tag))];
  if (tags.length) await store.mergeHashtags(tags);

  // What this batch adds to the per-account USED and per-pair INTERACTS summaries: exactly the
  // relationships it creates, so a summary always equals the sum over what exists.
  const used = new Map<string, UsedRow>();
  const pairs = new Map<string, PairRow>();
  const countTag = (t: { u: number; author: string; tag: string }) => {
    changed.add(t.u);
    const key = `${t.author}\u0000${t.tag}`;
    const e = used.get(key);
    if (e) e.count += 1;
    else used.set(key, { author: t.author, tag: t.tag, count: 1 });
  };
  const countRel = (type: RelType, r: RelRow) => {
    changed.add(r.u);
    const key = `${r.author}\u0000${r.target}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { a: r.author!, b: r.target, mention: 0, reply: 0, repost: 0, quote: 0, follow: 0 };
      pairs.set(key, pair);
    }
    pair[type] += r.weight;
  };

  // Posts new to the database (the usual case) are written by one statement together with their
  // hashtags and interactions: nothing of theirs can exist yet, so nothing is looked up first, and
  // each post is found once instead of once per relationship.
  const fresh = new Map<string, FreshPost>();
  for (const x of p.posts) {
    if (stored.has(x.id)) continue;
    changed.add(x.u);
    // Spelled out: an object spread with this many properties comes out as a slow dictionary-mode
    // object (about 1 kB, and ten times slower to build), and --bulk builds one per post.
    fresh.set(x.id, {
      u: x.u,
      id: x.id,
      platform: x.platform,
      author: x.author,
      createdAt: x.createdAt,
      text: x.text,
      lang: x.lang,
      url: x.url,
      tags: [],
      mention: [],
      reply: [],
      repost: [],
      quote: [],
    });
  }
  const oldTagged: Prepared['tagged'] = [];
  for (const t of p.tagged) {
    const post = fresh.get(t.post);
    if (!post) {
      oldTagged.push(t);
      continue;
    }
    post.tags.push(t.tag);
    countTag(t);
  }
  const oldRels: Record<RelType, RelRow[]> = { mention: [], reply: [], repost: [], quote: [], follow: [] };
  for (const type of REL_TYPES) {
    for (const r of p.rels[type]) {
      const post = type === 'follow' || r.post === undefined ? undefined : fresh.get(r.post);
      if (!post || type === 'follow') {
        oldRels[type].push(r);
        continue;
      }
      post[type].push({ target: r.target, weight: r.weight });
      countRel(type, r);
    }
  }
  if (fresh.size) await store.createPosts([...fresh.values()]);
  const old = p.posts.filter((x) => stored.has(x.id));
  if (old.length) await store.mergePosts(old);

  // Posts seen before (a file loaded again, a post quoted in several files): each hashtag link and
  // interaction is created only if it is missing, the check running in this same transaction.
  if (oldTagged.length) {
    const found = await store.existingTagged(oldTagged);
    const missing = oldTagged.filter((t) => !found.has(t.i));
    for (const t of missing) countTag(t);
    if (missing.length) await store.createTagged(missing);
  }
  for (const type of REL_TYPES) {
    const rows = oldRels[type];
    if (!rows.length) continue;
    const found = await store.existingRels(statementName[type], rows);
    const missing = rows.filter((r) => !found.has(r.i));
    for (const r of missing) countRel(type, r);
    if (missing.length) await store.createRels(statementName[type], missing);
  }
  if (used.size) await store.addUsed([...used.values()]);
  if (pairs.size) await store.addInteracts([...pairs.values()]);
  return changed;
}
