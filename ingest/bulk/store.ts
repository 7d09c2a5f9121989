// The graph of `ingest --bulk`, kept in memory only as far as later rows need it, and written as
// neo4j-admin import CSV files. It answers the same questions a Neo4j transaction answers for the
// transactional loader (GraphStore in ingest/load.ts), so `applyBatch` makes the same decisions:
// the same duplicates, the same "newest non-empty value" per account, the same INTERACTS and USED
// sums. Posts and their relationships go to their files as soon as they are decided; what stays in
// memory is what must be aggregated or looked up again: accounts (their values are final only at the
// end), hashtags, post ids (StringIndex) with their author's index, relationship keys (a run per post
// in PostRelationships; FOLLOWS as pairs in a PairSet) and the pair/usage counters (PairIndex,
// Counters), the large ones in typed arrays that grow by chunks (columns.ts).
import { POST_INTERACTION_TYPES } from '../../queries/contract.ts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AccountValues } from '../accounts.ts';
import { emptyValues } from '../accounts.ts';
import {
  applyBatch,
  platformOf,
  type AccountRow,
  type BatchResult,
  type BatchWriter,
  type FreshPost,
  type GraphStore,
  type PairRow,
  type PostRow,
  type RelRow,
  type RelStatement,
  type TaggedRow,
  type Unit,
  type UsedRow,
} from '../decide.ts';
import { CsvOut } from './csv-out.ts';
import { Counters, IntColumn } from './columns.ts';
import { PairIndex, PairSet } from './pairs.ts';
import { PostRelationships } from './post-rels.ts';
import { StringIndex } from './string-index.ts';

/** Kinds of the relationships that start at a post, as the low 3 bits of their keys: end index * 8 + kind. */
const KIND = { mentions: 0, replies: 1, reposts: 2, quotes: 3, tagged: 5 } as const;
const REL_FILES: Record<RelStatement, { type: string; start: 'Post' | 'Account' }> = {
  mentions: { type: 'MENTIONS', start: 'Post' },
  replies: { type: 'REPLIES_TO', start: 'Post' },
  reposts: { type: 'REPOSTS', start: 'Post' },
  quotes: { type: 'QUOTES', start: 'Post' },
  follows: { type: 'FOLLOWS', start: 'Account' },
};
const POST_RELS = POST_INTERACTION_TYPES;
const POST_REL_NAME = { mention: 'mentions', reply: 'replies', repost: 'reposts', quote: 'quotes' } as const;
/** Post properties merge-posts fills when empty, as bits of a per-post flag. */
const FILLABLE = ['createdAt', 'text', 'lang', 'url'] as const;
/** Beyond this a relationship key no longer fits the pair encoding. */
const MAX_NODES = 2 ** 29;

interface ImportFiles {
  nodes: { label: string; file: string }[];
  relationships: { type: string; file: string }[];
  /** Files with a line break inside a field (read in multi-line mode). */
  multiline: string[];
  nodeCount: number;
  relationshipCount: number;
}

class Interner {
  readonly index = new Map<string, number>();
  readonly keys: string[] = [];
  get(key: string): number | undefined {
    return this.index.get(key);
  }
  add(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      if (i >= MAX_NODES) throw new RangeError(`more than ${MAX_NODES} nodes of one label`);
      this.index.set(key, i);
      this.keys.push(key);
    }
    return i;
  }
}

export class BulkStore implements GraphStore, BatchWriter {
  private readonly accounts = new Interner();
  /** Per account index: the values merge-accounts would have set; undefined for a stub. */
  private readonly accountData: ({ platform: string; values: AccountValues } | undefined)[] = [];
  private readonly tags = new Interner();
  private readonly posts = new StringIndex(1 << 16);
  private readonly postFlags = new IntColumn(0);
  private readonly postAuthor = new IntColumn(-1);
  private readonly postRels = new PostRelationships();
  private readonly follows = new PairSet(1 << 12);
  private readonly used = new PairIndex(1 << 12);
  private readonly usedCount = new Counters(1);
  private readonly pairs = new PairIndex(1 << 12);
  /** mention, reply, repost, quote, follow, total per INTERACTS pair. */
  private readonly pairWeights = new Counters(6);
  private readonly out: {
    posts: CsvOut;
    posted: CsvOut;
    tagged: CsvOut;
  } & Record<RelStatement, CsvOut>;
  /** merge-posts rows that fill an empty value of a post already written: applied after the import. */
  readonly postFills: PostRow[] = [];

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    const f = (name: string, header: string) => new CsvOut(path.join(dir, `${name}.csv`), header);
    const rel = ':START_ID(Post),:END_ID(Account),weight:double';
    this.out = {
      posts: f('posts', ':ID(Post),id,platform,createdAt,text,lang,url'),
      posted: f('posted', ':START_ID(Account),:END_ID(Post)'),
      tagged: f('tagged', ':START_ID(Post),:END_ID(Hashtag)'),
      mentions: f('mentions', rel),
      replies: f('replies', rel),
      reposts: f('reposts', rel),
      quotes: f('quotes', rel),
      follows: f('follows', ':START_ID(Account),:END_ID(Account)'),
    };
  }

  /** One batch, decided exactly as the transactional loader decides it; written to the files. */
  async write(units: Unit[]): Promise<BatchResult> {
    // The loader's `known` set only saves Neo4j from merging stubs again; here that is free.
    const { changed, rejected } = await applyBatch(this, units, new Set());
    for (const o of Object.values(this.out)) await o.drained();
    return { changed, rejected };
  }

  private account(id: string): number {
    const i = this.accounts.get(id);
    if (i === undefined) throw new Error(`bulk ingest: account ${id} used before it was merged`);
    return i;
  }
  private post(id: string): number {
    const i = this.posts.get(id);
    if (i === -1) throw new Error(`bulk ingest: post ${id} used before it was created`);
    return i;
  }
  private tag(tag: string): number {
    const i = this.tags.get(tag);
    if (i === undefined) throw new Error(`bulk ingest: hashtag ${tag} used before it was merged`);
    return i;
  }

  async accountValues(ids: string[]) {
    const stored = new Map<string, AccountValues>();
    for (const id of ids) {
      const i = this.accounts.get(id);
      if (i !== undefined) stored.set(id, this.accountData[i]?.values ?? emptyValues());
    }
    return stored;
  }
  async mergeAccounts(rows: AccountRow[]) {
    for (const { id, platform, handleLower: _derived, ...values } of rows) {
      this.accountData[this.accounts.add(id)] = { platform, values };
    }
  }
  async mergeStubs(stubs: { id: string; platform: string }[]) {
    // ON CREATE SET platform = platformOf(id): derived again when the file is written.
    for (const s of stubs) this.accounts.add(s.id);
  }
  async mergeHashtags(tags: string[]) {
    for (const t of tags) this.tags.add(t);
  }
  async existingPosts(ids: string[]) {
    const found = new Map<string, string | null>();
    for (const id of ids) {
      const x = this.posts.get(id);
      // Every post is created with its author (createPosts), so the index is always set.
      if (x !== -1) found.set(id, this.accounts.keys[this.postAuthor.get(x)] ?? null);
    }
    return found;
  }
  async createPosts(posts: FreshPost[]) {
    const { out } = this;
    for (const p of posts) {
      const x = this.posts.size;
      if (x >= MAX_NODES) throw new RangeError(`more than ${MAX_NODES} posts`);
      // applyBatch creates only the posts it found missing.
      if (this.posts.add(p.id) !== x) throw new Error(`bulk ingest: post ${p.id} created twice`);
      let flags = 0;
      FILLABLE.forEach((k, bit) => {
        if (p[k] !== null) flags |= 1 << bit;
      });
      this.postFlags.set(x, flags);
      this.postRels.opened(x);
      const author = this.account(p.author);
      this.postAuthor.set(x, author);
      const o = out.posts;
      o.row(
        `${x},${o.str(p.id)},${o.str(p.platform)},${o.str(p.createdAt)},${o.str(p.text)},${o.str(p.lang)},${o.str(p.url)}`,
      );
      out.posted.row(`${author},${x}`);
      for (const t of p.tags) {
        const h = this.tag(t);
        this.postRels.add(x, h * 8 + KIND.tagged);
        out.tagged.row(`${x},${h}`);
      }
      for (const type of POST_RELS) {
        const name = POST_REL_NAME[type];
        for (const e of p[type]) {
          const b = this.account(e.target);
          this.postRels.add(x, b * 8 + KIND[name]);
          out[name].row(`${x},${b},${e.weight}`);
        }
      }
    }
  }
  async mergePosts(posts: PostRow[]) {
    for (const p of posts) {
      const x = this.post(p.id);
      let flags = this.postFlags.get(x);
      let fills = false;
      FILLABLE.forEach((k, bit) => {
        if (p[k] !== null && !(flags & (1 << bit))) {
          flags |= 1 << bit;
          fills = true;
        }
      });
      // The author is the stored one (applyBatch refused rows naming another): no link to add.
      if (fills) {
        this.postFlags.set(x, flags);
        this.postFills.push(p);
      }
    }
  }
  async existingTagged(rows: TaggedRow[]) {
    const found = new Set<number>();
    for (const t of rows)
      if (this.postRels.has(this.post(t.post), this.tag(t.tag) * 8 + KIND.tagged)) found.add(t.i);
    return found;
  }
  async createTagged(rows: TaggedRow[]) {
    for (const t of rows) {
      const x = this.post(t.post);
      const h = this.tag(t.tag);
      this.postRels.add(x, h * 8 + KIND.tagged);
      this.out.tagged.row(`${x},${h}`);
    }
  }
  async existingRels(name: RelStatement, rows: RelRow[]) {
    const found = new Set<number>();
    for (const r of rows) {
      const b = this.account(r.target);
      const there =
        name === 'follows'
          ? this.follows.has(this.account(r.source!), b)
          : this.postRels.has(this.post(r.post!), b * 8 + KIND[name]);
      if (there) found.add(r.i);
    }
    return found;
  }
  async createRels(name: RelStatement, rows: RelRow[]) {
    const o = this.out[name];
    for (const r of rows) {
      const b = this.account(r.target);
      if (name === 'follows') {
        const a = this.account(r.source!);
        this.follows.add(a, b);
        o.row(`${a},${b}`);
      } else {
        const x = this.post(r.post!);
        this.postRels.add(x, b * 8 + KIND[name]);
        o.row(`${x},${b},${r.weight}`);
      }
    }
  }
  async addUsed(rows: UsedRow[]) {
    for (const r of rows)
      this.usedCount.add(this.used.index(this.account(r.author), this.tag(r.tag)), 0, Math.trunc(r.count));
  }
  async addInteracts(pairs: PairRow[]) {
    for (const p of pairs) {
      const i = this.pairs.index(this.account(p.a), this.account(p.b));
      const w = this.pairWeights;
      // The same additions, in the same order, as add-interacts.cypher: equal doubles.
      w.add(i, 0, p.mention);
      w.add(i, 1, p.reply);
      w.add(i, 2, p.repost);
      w.add(i, 3, p.quote);
      w.add(i, 4, p.follow);
      w.set(i, 5, w.get(i, 5) + p.mention + p.reply + p.repost + p.quote + p.follow);
    }
  }

  /** Closes the streamed files and writes the aggregated ones; returns what to import. */
  async finish(): Promise<ImportFiles> {
    const f = (name: string, header: string) => new CsvOut(path.join(this.dir, `${name}.csv`), header);
    const accounts = f(
      'accounts',
      ':ID(Account),id,platform,handle,handleLower,name,bio,location,followers:double,following:double,verified:boolean,url,observedAt',
    );
    const s = (v: unknown) => accounts.str(v as string | null);
    const n = (v: unknown) => accounts.val(v as number | boolean | null);
    // The aggregated files are written at once: waiting for the disk every so many rows keeps them
    // from queuing whole in memory (the INTERACTS file alone is tens of MB at a million rows).
    const paced = async (o: CsvOut) => {
      if (o.rows % 10_000 === 0) await o.drained();
    };
    for (const [i, id] of this.accounts.keys.entries()) {
      const d = this.accountData[i];
      if (!d) accounts.row(`${i},${s(id)},${s(platformOf(id))},,,,,,,,,,`);
      else {
        const v = d.values;
        const handleLower = typeof v.handle === 'string' ? v.handle.toLowerCase() : null;
        accounts.row(
          `${i},${s(id)},${s(d.platform)},${s(v.handle)},${s(handleLower)},${s(v.name)},${s(v.bio)},${s(v.location)},` +
            `${n(v.followers)},${n(v.following)},${n(v.verified)},${s(v.url)},${s(v.observedAt)}`,
        );
      }
      await paced(accounts);
    }
    const hashtags = f('hashtags', ':ID(Hashtag),tag');
    for (const [i, t] of this.tags.keys.entries()) {
      hashtags.row(`${i},${hashtags.str(t)}`);
      await paced(hashtags);
    }
    const used = f('used', ':START_ID(Account),:END_ID(Hashtag),count:long');
    for (const [a, h, i] of this.used.entries()) {
      used.row(`${a},${h},${this.usedCount.get(i, 0)}`);
      await paced(used);
    }
    const interacts = f(
      'interacts',
      ':START_ID(Account),:END_ID(Account),mention:double,reply:double,repost:double,quote:double,follow:double,total:double',
    );
    for (const [a, b, i] of this.pairs.entries()) {
      const w = (k: number) => this.pairWeights.get(i, k);
      interacts.row(`${a},${b},${w(0)},${w(1)},${w(2)},${w(3)},${w(4)},${w(5)}`);
      await paced(interacts);
    }

    const all = [...Object.values(this.out), accounts, hashtags, used, interacts];
    await Promise.all(all.map((o) => o.close()));
    const { out } = this;
    return {
      nodes: [
        { label: 'Account', file: accounts.path },
        { label: 'Hashtag', file: hashtags.path },
        { label: 'Post', file: out.posts.path },
      ],
      relationships: [
        { type: 'POSTED', file: out.posted.path },
        { type: 'TAGGED', file: out.tagged.path },
        ...(Object.keys(REL_FILES) as RelStatement[]).map((k) => ({
          type: REL_FILES[k].type,
          file: out[k].path,
        })),
        { type: 'INTERACTS', file: interacts.path },
        { type: 'USED', file: used.path },
      ],
      multiline: all.filter((o) => o.multiline).map((o) => o.path),
      nodeCount: accounts.rows + hashtags.rows + out.posts.rows,
      relationshipCount: all.reduce((k, o) => k + o.rows, 0) - accounts.rows - hashtags.rows - out.posts.rows,
    };
  }
}
