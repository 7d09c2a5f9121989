// A short-lived cache for graph reads whose answer only moves when the graph is analysed or loaded
// again: the influencer ranking and account profiles. Outreach staff open the same ranking and the
// same top accounts over and over, and one ranking page costs Neo4j tens of milliseconds (it walks
// every interaction of 50 accounts), so answering repeats from memory is what keeps the API fast
// under load.
//
// Freshness, in order of what matters to users:
// - keys carry the newest analysis run id, read from Neo4j for each request (one indexed lookup,
//   shared by the requests that arrive while it runs), so a new analysis is visible at once, from
//   whichever process ran it;
// - outreach writes drop the affected account's entries (`invalidate`), so a contact just logged
//   shows on the account page straight away;
// - everything else (an ingest from the command line, a reset) is bounded by `ttlMs`.
// Concurrent requests for the same missing key share one database call. Failures are not kept, so a
// database outage ends as soon as Neo4j is back.
import { loadCypher } from '../../queries/cypher.ts';
import type { Db } from '../../queries/db.ts';

export interface GraphCacheOptions {
  /** How long an answer is reused (default 10 s). */
  ttlMs?: number;
  /** How long the newest analysis run id is trusted before it is read again (default 0: every request). */
  runTtlMs?: number;
  /** At most this many answers are kept; the oldest go first (default 1000). */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  expires: number;
  value: Promise<unknown>;
}

export class GraphCache {
  private readonly entries = new Map<string, Entry>();
  private run: { expires: number | undefined; value: Promise<string> } | undefined;
  private readonly ttlMs: number;
  private readonly runTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly db: Db,
    opts: GraphCacheOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 10_000;
    this.runTtlMs = opts.runTtlMs ?? 0;
    this.maxEntries = opts.maxEntries ?? 1_000;
    this.now = opts.now ?? Date.now;
  }

  /**
   * The newest analysis run id ('none' before the first analysis). Requests arriving while a lookup
   * is under way share it; after it answers, the id is trusted for `runTtlMs` (0: look again on the
   * next request, so every answer is checked against the database, and an outage shows as 503).
   */
  private runId(): Promise<string> {
    if (this.run && (this.run.expires === undefined || this.run.expires > this.now())) {
      return this.run.value;
    }
    const value = this.db
      .read(loadCypher('analysis/latest-run'))
      .then((rows) => String(rows[0]?.id ?? 'none'));
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

  /**
   * The cached answer for `key` under the current analysis run, or `load()`'s. `tags` name what the
   * answer depends on (e.g. `account:x:1`) so `invalidate` can drop it.
   */
  async get<T>(key: string, load: () => Promise<T>, tags: string[] = []): Promise<T> {
    const run = await this.runId();
    const full = `${run}\u0000${tags.join('\u0001')}\u0000${key}`;
    const t = this.now();
    const hit = this.entries.get(full);
    if (hit && hit.expires > t) {
      this.stats.hits++;
      return hit.value as Promise<T>;
    }
    this.stats.misses++;
    const value = load();
    const entry: Entry = { expires: t + this.ttlMs, value };
    // Stored before it resolves, so `clear` and `invalidate` also drop loads still under way.
    this.entries.delete(full);
    this.entries.set(full, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    value.catch(() => {
      if (this.entries.get(full) === entry) this.entries.delete(full);
    });
    return value;
  }

  /** Drops every answer tagged with `tag` (e.g. after an outreach write to that account). */
  invalidate(tag: string): void {
    for (const key of this.entries.keys()) {
      const tags = key.split('\u0000')[1]!.split('\u0001');
      if (tags.includes(tag)) this.entries.delete(key);
    }
  }

  /** Forgets everything, the run id included (after an analysis or ingest job, or a reset). */
  clear(): void {
    this.entries.clear();
    this.run = undefined;
  }
}
