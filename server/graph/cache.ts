// A short-lived cache for graph reads whose answer only moves when the graph is analysed or loaded
// again: the influencer ranking, account profiles, the Explore graph, communities and hashtags. Outreach staff open the same ranking and the
// same top accounts over and over, and on the 1M-interaction demo graph one ranking page costs Neo4j
// about two seconds (it sorts every interaction of 50 accounts), so repeats are answered from memory.
//
// Freshness, in order of what matters to users:
// - keys carry the newest analysis run id, read from Neo4j at most once a second (`runTtlMs`), so a
//   new analysis shows within a second from whichever process ran it (at once after an analysis
//   job of this server). Reading it per request put a Neo4j round trip on every cached answer and
//   doubled the tail latency under load; the price is that for up to a second after Neo4j goes
//   away, cached answers are still served before requests start answering 503;
// - outreach writes drop the affected account's entries (`invalidate`), so a contact just logged
//   shows on the account page straight away;
// - anything else (an ingest from the command line, scores edited by hand) shows once the answer is
//   older than `ttlMs`: the first request after that still gets the previous answer while a fresh
//   one loads in the background (so nobody waits seconds for a refresh), the next ones get the
//   fresh one. An answer older than `staleMs` is never served.
// Concurrent requests for the same missing key share one database call. Failures are not kept.
import { latestRunId } from '../../queries/analysis/run.ts';
import type { Db } from '../../queries/db.ts';

export interface GraphCacheOptions {
  /** How long an answer is served as fresh (default 30 s). */
  ttlMs?: number;
  /** Up to this age an expired answer is served while it is refreshed (default 5 min). */
  staleMs?: number;
  /** How long the newest analysis run id is trusted before it is read again (default 1 s). */
  runTtlMs?: number;
  /** At most this many answers are kept; the oldest go first (default 1000). */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  /** When it was loaded; fresh until `at + ttlMs`. */
  at: number;
  value: Promise<unknown>;
  settled: boolean;
  refreshing: boolean;
  tags: string[];
}

export class GraphCache {
  private readonly entries = new Map<string, Entry>();
  private run: { expires: number | undefined; value: Promise<string> } | undefined;
  private readonly ttlMs: number;
  private readonly staleMs: number;
  private readonly runTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  readonly stats = { hits: 0, stale: 0, misses: 0 };

  constructor(
    private readonly db: Db,
    opts: GraphCacheOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 30_000;
    this.staleMs = Math.max(this.ttlMs, opts.staleMs ?? 300_000);
    this.runTtlMs = opts.runTtlMs ?? 1_000;
    this.maxEntries = opts.maxEntries ?? 1_000;
    this.now = opts.now ?? Date.now;
  }

  /**
   * The newest analysis run id ('none' before the first analysis). Requests arriving while a lookup
   * is under way share it; after it answers, the id is trusted for `runTtlMs`.
   */
  private runId(): Promise<string> {
    if (this.run && (this.run.expires === undefined || this.run.expires > this.now())) {
      return this.run.value;
    }
    const value = latestRunId(this.db);
    const run: { expires: number | undefined; value: Promise<string> } = { expires: undefined, value };
    this.run = run;
    value.then(
      () => {
        run.expires = this.now() + this.runTtlMs;
      },
      () => {
        if (this.run === run) this.run = undefined;
      },
    );
    return value;
  }

  private store(key: string, tags: string[], load: () => Promise<unknown>): Entry {
    const entry: Entry = { at: this.now(), value: load(), settled: false, refreshing: false, tags };
    entry.value.then(
      () => {
        entry.settled = true;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry;
  }

  /**
   * The cached answer for `key` under the current analysis run, or `load()`'s. `tags` name what the
   * answer depends on (e.g. `account:x:1`) so `invalidate` can drop it.
   */
  async get<T>(key: string, load: () => Promise<T>, tags: string[] = []): Promise<T> {
    const full = `${await this.runId()}\u0000${key}`;
    const t = this.now();
    const hit = this.entries.get(full);
    if (hit && t - hit.at < this.ttlMs) {
      this.stats.hits++;
      return hit.value as Promise<T>;
    }
    if (hit && hit.settled && t - hit.at < this.staleMs) {
      this.stats.stale++;
      if (!hit.refreshing) {
        hit.refreshing = true;
        const next = this.store(full, tags, load);
        // Swapped in only once it has an answer; until then `hit` keeps being served.
        next.value.then(
          () => {
            if (this.entries.get(full) === hit) this.entries.set(full, next);
          },
          () => {
            hit.refreshing = false;
          },
        );
      }
      return hit.value as Promise<T>;
    }
    this.stats.misses++;
    const entry = this.store(full, tags, load);
    // Stored before it resolves, so `clear` and `invalidate` also drop loads still under way.
    this.entries.delete(full);
    this.entries.set(full, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry.value as Promise<T>;
  }

  /** Drops every answer tagged with `tag` (e.g. after an outreach write to that account). */
  invalidate(tag: string): void {
    for (const [key, entry] of this.entries) if (entry.tags.includes(tag)) this.entries.delete(key);
  }

  /** Forgets everything, the run id included (after an analysis or ingest job, or a reset). */
  clear(): void {
    this.entries.clear();
    this.run = undefined;
  }
}
