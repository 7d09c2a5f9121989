// One run of one watch: take the lease, plan the pass (platforms/), then page by page: fetch politely
// (http.ts), archive the raw page (archive.ts), parse it with the ingest source of its platform, and
// write its batch with applyBatch in one transaction that also moves the watch's cursor and renews the
// lease. A page is thus either wholly in the graph with the cursor past it, or not at all: a run
// killed anywhere and run again ends where one clean run ends. Errors end the run with a clear message
// on the watch; what was committed stays.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { applyBatch, rememberAccounts, type GraphStore, type Unit } from '../ingest/decide.ts';
import { TxStore } from '../queries/ingest-store.ts';
import { validate } from '../ingest/pipeline.ts';
import type { Envelope, PageMeta } from '../ingest/sources/envelope.ts';
import { mastodonValue, type LocalIds } from '../ingest/sources/mastodon.ts';
import { blueskyValue } from '../ingest/sources/bluesky.ts';
import { xValue } from '../ingest/sources/x-v2.ts';
import { scanMentions } from '../queries/mentions.ts';
import { clip, type SourceItem } from '../ingest/sources/source.ts';
import { ConstraintViolationError, type Db } from '../queries/db.ts';
import {
  acquireLease,
  commitPage,
  finishRun,
  type Lease,
  type PageState,
  type WatchState,
} from '../queries/watches.ts';
import { appendPage } from './archive.ts';
import { DEFAULT_HTTP, getJson, postJson, type HttpOptions, type Page } from './http.ts';
import { realClock, RateLimiter, type Clock } from './rate-limit.ts';
import { tokensFromEnv, type Tokens } from './tokens.ts';
import type { Collector } from './platforms/platform.ts';
import { mastodon } from './platforms/mastodon.ts';
import { bluesky } from './platforms/bluesky.ts';
import { x } from './platforms/x.ts';
import type { Platform } from './watches.ts';

const collectors: Record<Platform, Collector> = { mastodon, bluesky, x };

export interface RunOptions {
  /** Who holds the lease (default: host, pid and a random part). */
  owner?: string;
  leaseMs?: number;
  clock?: Clock;
  http?: Partial<Pick<HttpOptions, 'timeoutMs' | 'maxBytes' | 'maxAttempts' | 'backoff' | 'fetch'>>;
  /** Where raw pages are archived; null: not archived. */
  archiveDir: string | null;
  tokens?: Tokens;
  log?: (line: string) => void;
  /** Stop after this many pages (the pass stays open and the next run goes on). */
  maxPages?: number;
  /** Called after each committed page (tests kill the process here). */
  onPage?: (n: number) => void;
  /** Checked after each committed page: once aborted (the server shutting down) the run stops there, resumable. */
  signal?: AbortSignal;
}

export interface RunResult {
  watch: string;
  runId: string | null;
  status: 'done' | 'failed';
  /** False when the run stopped before the end of its pass (maxPages): the next run goes on. */
  complete: boolean;
  pages: number;
  posts: number;
  interactions: number;
  rejected: number;
  error: string | null;
}

function defaultLeaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.CARECIRCLE_WATCH_LEASE_SECONDS);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 120_000;
}

/** Counts what a batch creates: the run's "posts and interactions added". */
class CountingStore implements GraphStore {
  posts = 0;
  interactions = 0;
  constructor(private readonly inner: GraphStore) {}
  accountValues: GraphStore['accountValues'] = (ids) => this.inner.accountValues(ids);
  mergeAccounts: GraphStore['mergeAccounts'] = (a) => this.inner.mergeAccounts(a);
  mergeStubs: GraphStore['mergeStubs'] = (a) => this.inner.mergeStubs(a);
  mergeHashtags: GraphStore['mergeHashtags'] = (t) => this.inner.mergeHashtags(t);
  existingPosts: GraphStore['existingPosts'] = (ids) => this.inner.existingPosts(ids);
  createPosts: GraphStore['createPosts'] = (posts) => {
    this.posts += posts.length;
    for (const p of posts)
      this.interactions += p.mention.length + p.reply.length + p.repost.length + p.quote.length;
    return this.inner.createPosts(posts);
  };
  mergePosts: GraphStore['mergePosts'] = (p) => this.inner.mergePosts(p);
  existingTagged: GraphStore['existingTagged'] = (r) => this.inner.existingTagged(r);
  createTagged: GraphStore['createTagged'] = (r) => this.inner.createTagged(r);
  existingRels: GraphStore['existingRels'] = (n, r) => this.inner.existingRels(n, r);
  createRels: GraphStore['createRels'] = (n, rows) => {
    this.interactions += rows.length;
    return this.inner.createRels(n, rows);
  };
  addUsed: GraphStore['addUsed'] = (r) => this.inner.addUsed(r);
  addInteracts: GraphStore['addInteracts'] = (p) => this.inner.addInteracts(p);
}

/** The ingest source's parser for one page of this platform (state kept across a run's pages). */
function pageParser(format: Collector['format']): (page: Envelope, line: number) => SourceItem[] {
  if (format === 'mastodon') {
    const ids: LocalIds = new Map();
    return (p, line) => mastodonValue(p, line, ids);
  }
  if (format === 'bluesky') return (p, line) => blueskyValue(p, line);
  return (p, line) => xValue(p, line, () => clip(JSON.stringify(p)));
}

export function toUnits(items: SourceItem[]): { units: Unit[]; rejected: number; firstReject?: string } {
  const units: Unit[] = [];
  let rejected = 0;
  let firstReject: string | undefined;
  for (const item of items) {
    if ('reject' in item) {
      rejected += 1;
      firstReject ??= item.reject;
      continue;
    }
    const v = validate(item.records);
    if (!v.ok) {
      rejected += 1;
      firstReject ??= v.reason;
      continue;
    }
    units.push({ records: v.records, line: item.line });
  }
  return { units, rejected, firstReject };
}

export async function runWatch(db: Db, id: string, o: RunOptions): Promise<RunResult> {
  const clock = o.clock ?? realClock;
  const owner = o.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = o.leaseMs ?? defaultLeaseMs();
  const { lease, state } = await acquireLease(db, id, owner, leaseMs, clock.now());
  const result: RunResult = {
    watch: id,
    runId: lease.runId,
    status: 'done',
    complete: true,
    pages: 0,
    posts: 0,
    interactions: 0,
    rejected: 0,
    error: null,
  };
  try {
    await collect(db, state, lease, o, clock, result);
  } catch (err) {
    result.status = 'failed';
    result.complete = false;
    // Only messages this code wrote (no stack, no headers); an unexpected bug keeps its own message.
    result.error = (err as Error)?.message ?? String(err);
    o.log?.(`${id}: ${result.error}`);
  }
  // A run cut short by a shutdown stays due, so the next process goes on at once.
  const next = clock.now() + (o.signal?.aborted && !result.complete ? 0 : state.intervalMinutes * 60_000);
  await finishRun(
    db,
    id,
    lease,
    { status: result.status, error: result.error, nextRunAt: next },
    clock.now(),
  );
  return result;
}

async function collect(
  db: Db,
  state: WatchState,
  lease: Lease,
  o: RunOptions,
  clock: Clock,
  result: RunResult,
) {
  const collector = collectors[state.platform];
  const tokens = o.tokens ?? tokensFromEnv();
  const http: HttpOptions = {
    ...DEFAULT_HTTP,
    ...o.http,
    clock,
    limiter: new RateLimiter(clock),
    log: o.log,
  };
  const parse = pageParser(collector.format);
  const known = new Set<string>();
  let line = 0;
  const base: PageMeta = { platform: collector.format, watch: state.id };

  /** Archives, parses and writes one page, moving the cursors as `cursors` says, in one transaction. */
  const store = async (
    page: Page,
    meta: Partial<PageMeta> | undefined,
    cursors: { page: PageState | null; cursor: string | null } | null,
  ) => {
    const at = new Date(clock.now());
    const envelope: Envelope = {
      __carecircle: { ...base, ...meta, url: page.url, fetchedAt: at.toISOString() },
      body: page.body,
    };
    if (o.archiveDir) appendPage(o.archiveDir, state.id, envelope, at);
    line += 1;
    const { units, rejected, firstReject } = toUnits(parse(envelope, line));
    if (firstReject) o.log?.(`${state.id}: page ${line}: ${rejected} item(s) refused, e.g. ${firstReject}`);
    for (let attempt = 1; ; attempt++) {
      try {
        const counted = await db.writeTx(async (tx) => {
          const counting = new CountingStore(new TxStore(tx));
          const r = await applyBatch(counting, units, known);
          await commitPage(
            tx,
            state.id,
            lease,
            {
              page: cursors ? cursors.page : state.page,
              cursor: cursors?.cursor ?? null,
              posts: counting.posts,
              interactions: counting.interactions,
              rejected: rejected + r.rejected.length,
            },
            clock.now(),
          );
          return { r, posts: counting.posts, interactions: counting.interactions };
        }, 'collect/page');
        rememberAccounts(known, counted.r.prepared);
        // The page's posts that name the organisation go to the mentions inbox, once each (nothing is
        // read while no identity is set). After the page's own transaction: should this fail, the
        // page stays collected and the next `listen scan` or ingest puts its mentions in the inbox.
        const postIds = counted.r.prepared.posts.map((p) => p.id);
        if (postIds.length) await scanMentions(db, { postIds, now: at });
        result.pages += 1;
        result.posts += counted.posts;
        result.interactions += counted.interactions;
        result.rejected += rejected + counted.r.rejected.length;
        o.onPage?.(result.pages);
        return;
      } catch (err) {
        // Same as ingest's loader: another writer created a key meanwhile; the batch rolled back whole.
        if (!(err instanceof ConstraintViolationError) || attempt >= 3) throw err;
      }
    }
  };

  const plan = await collector.plan({
    watch: state,
    tokens,
    get: (url, headers = {}) => getJson(url, headers, http),
    post: (url, body) => postJson(url, body, {}, http),
    load: (page) => store(page, undefined, null),
  });
  let url = state.page?.next ?? plan.first;
  let high = state.page?.high ?? null;
  for (;;) {
    o.log?.(`${state.id}: page ${result.pages + 1}: ${new URL(url).pathname}`);
    const page = await getJson(url, plan.headers, http);
    const newest = plan.newest(page);
    if (newest && (!high || collector.newer(newest, high))) high = newest;
    const next = plan.reachedEnd(page) ? null : plan.next(page);
    if (next === null) {
      // End of the pass: the next pass starts after the newest item this one saw.
      await store(page, plan.meta, { page: null, cursor: high });
      return;
    }
    await store(page, plan.meta, { page: { next, high }, cursor: null });
    if ((o.maxPages !== undefined && result.pages >= o.maxPages) || o.signal?.aborted) {
      result.complete = false;
      return;
    }
    url = next;
  }
}
