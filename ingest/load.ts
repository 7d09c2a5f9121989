// Batched writes: one transaction per batch of units (a unit is what one input row became). In that
// transaction the loader first reads which of the batch's keys exist, then MERGEs the nodes on their
// constrained keys, CREATEs the posts and relationships that were missing, and adds exactly those
// relationships to the INTERACTS / USED summaries. A relationship exists if and only if it was counted,
// so a batch written again — a second run, or a rerun after a kill — changes nothing. Plans have no
// Eager operator (tests/integration/ingest checks with EXPLAIN). One ingest at a time per database:
// two concurrent runs of the same rows could both find a relationship missing.
import { loadCypher } from '../queries/cypher.ts';
import { ConstraintViolationError, type Db, type Tx } from '../queries/db.ts';
import type { CanonicalRecord } from '../queries/model.ts';
import { applyObservation, emptyValues, sameValues, type AccountValues } from './accounts.ts';

/** The canonical records one input row produced. */
export interface Unit {
  records: CanonicalRecord[];
}

export const REL_TYPES = ['mention', 'reply', 'repost', 'quote', 'follow'] as const;
type RelType = (typeof REL_TYPES)[number];

const statementName: Record<RelType, string> = {
  mention: 'mentions',
  reply: 'replies',
  repost: 'reposts',
  quote: 'quotes',
  follow: 'follows',
};

interface RelRow {
  i: number;
  u: number;
  post?: string;
  author?: string;
  source?: string;
  target: string;
  weight: number;
}

interface Prepared {
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

function platformOf(id: string): string {
  const i = id.indexOf(':');
  return i > 0 ? id.slice(0, i) : 'unknown';
}

/**
 * Turns a batch into statement parameters. A key repeated inside a batch is kept once (the first unit
 * wins; later ones are duplicates), so each statement sees each relationship once.
 */
export function prepare(units: Unit[]): Prepared {
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

/** Account ids this run has written, so later batches skip merging them again (bounded memory). */
const KNOWN_LIMIT = 500_000;

export class Loader {
  private readonly known = new Set<string>();
  constructor(private readonly db: Db) {}

  /** Writes one batch in one transaction; returns the indexes of the units that changed the graph. */
  async write(units: Unit[]): Promise<Set<number>> {
    const prepared = prepare(units);
    let changed: Set<number>;
    for (let attempt = 1; ; attempt++) {
      try {
        changed = await this.db.writeTx((tx) => writeInTx(tx, prepared, this.known), 'ingest/batch');
        break;
      } catch (err) {
        // A post or account created by another transaction after this one looked (a killed run whose
        // last commit was still landing, an ingest job started from the web app) breaks a uniqueness
        // constraint. The batch rolled back as a whole; run it again and the lookups will see it.
        if (!(err instanceof ConstraintViolationError) || attempt >= 3) throw err;
      }
    }
    // Only after the commit: a rolled-back batch must not make later ones skip its accounts.
    if (this.known.size > KNOWN_LIMIT) this.known.clear();
    for (const a of prepared.stubs) this.known.add(a.id);
    for (const a of prepared.accounts) this.known.add(a.record.id);
    return changed;
  }
}

async function existing(tx: Tx, name: string, rows: { i: number }[]): Promise<Set<number>> {
  if (!rows.length) return new Set();
  const found = await tx.run(loadCypher(`ingest/existing-${name}`), { rows });
  return new Set(found.map((r) => Number(r.i)));
}

async function writeAccounts(tx: Tx, p: Prepared, changed: Set<number>, known: Set<string>) {
  if (p.accounts.length) {
    const ids = [...new Set(p.accounts.map((a) => a.record.id))];
    const stored = new Map<string, AccountValues>();
    for (const row of await tx.run(loadCypher('ingest/existing-accounts'), { ids })) {
      const { id, ...values } = row;
      stored.set(String(id), values as AccountValues);
    }
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
      await tx.run(loadCypher('ingest/merge-accounts'), { accounts });
    }
  }
  const stubs = p.stubs.filter((a) => !known.has(a.id));
  if (stubs.length) await tx.run(loadCypher('ingest/merge-stubs'), { accounts: stubs });
}

type PostRels = Record<Exclude<RelType, 'follow'>, { target: string; weight: number }[]>;

async function writeInTx(tx: Tx, p: Prepared, known: Set<string>): Promise<Set<number>> {
  const changed = new Set<number>();
  await writeAccounts(tx, p, changed, known);
  const tags = [...new Set(p.tagged.map((t) => t.tag))];
  if (tags.length) await tx.run(loadCypher('ingest/merge-hashtags'), { tags });

  // What this batch adds to the per-account USED and per-pair INTERACTS summaries: exactly the
  // relationships it creates, so a summary always equals the sum over what exists.
  const used = new Map<string, { author: string; tag: string; count: number }>();
  const pairs = new Map<string, Record<string, number | string>>();
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
    pair[type] = Number(pair[type]) + r.weight;
  };

  // Posts new to the database (the usual case) are written by one statement together with their
  // hashtags and interactions: nothing of theirs can exist yet, so nothing is looked up first, and
  // each post is found once instead of once per relationship.
  const old = new Set<string>();
  if (p.posts.length) {
    const found = await tx.run(loadCypher('ingest/existing-posts'), { ids: p.posts.map((x) => x.id) });
    for (const r of found) old.add(String(r.id));
  }
  const fresh = new Map<string, Prepared['posts'][number] & { tags: string[] } & PostRels>();
  for (const x of p.posts) {
    if (old.has(x.id)) continue;
    changed.add(x.u);
    fresh.set(x.id, { ...x, tags: [], mention: [], reply: [], repost: [], quote: [] });
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
  if (fresh.size) await tx.run(loadCypher('ingest/create-posts'), { posts: [...fresh.values()] });
  if (old.size)
    await tx.run(loadCypher('ingest/merge-posts'), { posts: p.posts.filter((x) => old.has(x.id)) });

  // Posts seen before (a file loaded again, a post quoted in several files): each hashtag link and
  // interaction is created only if it is missing, the check running in this same transaction.
  if (oldTagged.length) {
    const found = await existing(tx, 'tagged', oldTagged);
    const missing = oldTagged.filter((t) => !found.has(t.i));
    for (const t of missing) countTag(t);
    if (missing.length) await tx.run(loadCypher('ingest/create-tagged'), { rows: missing });
  }
  for (const type of REL_TYPES) {
    const rows = oldRels[type];
    if (!rows.length) continue;
    const found = await existing(tx, statementName[type], rows);
    const missing = rows.filter((r) => !found.has(r.i));
    for (const r of missing) countRel(type, r);
    if (missing.length) await tx.run(loadCypher(`ingest/create-${statementName[type]}`), { rows: missing });
  }
  if (used.size) await tx.run(loadCypher('ingest/add-used'), { rows: [...used.values()] });
  if (pairs.size) await tx.run(loadCypher('ingest/add-interacts'), { pairs: [...pairs.values()] });
  return changed;
}
