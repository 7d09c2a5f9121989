// A cache for the mentions inbox (the list and a mention's detail). Outreach staff keep the inbox
// open and reload it all day; at a million interactions each read is a few Neo4j index reads, and
// under 32 connections on a small machine those queue behind one another (p99 about 500 ms). The
// answer only moves when a mention is written, so it is kept until then:
// - every write to mentions, from any process (the server, `ingest`, `listen scan`, the collectors),
//   changes a token in Neo4j in the same transaction (queries/mentions.ts `touchInbox`); each request
//   reads that token (one index read) and an answer is served only under the token it was read with;
// - concurrent requests share one token read (single flight); a finished read is never reused, so a
//   request that starts after a write commits sees it. Writes through this server also call
//   `changed()`, which drops the read in flight, so the writer's next request never races its write;
// - what the inbox shows of the rest of the graph (the author's score, community and outreach stage)
//   is not behind the token: outreach writes and jobs in this server call `changed()`, anything else
//   shows once the answer is older than `ttlMs`.
// Answers are the rows as read; what depends on the time (overdue) is worked out per request.
import { inboxVersion } from '../../queries/mentions.ts';
import type { Db } from '../../queries/db.ts';
import { SingleFlight } from '../single-flight.ts';

interface InboxCacheOptions {
  /** The longest an answer is kept under one token (default 10 s). */
  ttlMs?: number;
  /** At most this many answers are kept; the oldest go first (default 500). */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
}

export class InboxCache {
  private readonly entries = new Map<string, Entry>();
  private readonly version = new SingleFlight<string>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly db: Db,
    opts: InboxCacheOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 10_000;
    this.maxEntries = opts.maxEntries ?? 500;
    this.now = opts.now ?? Date.now;
  }

  /** The inbox token, one read shared by the requests that arrive while it is under way. */
  private currentVersion(): Promise<string> {
    return this.version.run('inbox', () => inboxVersion(this.db));
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const full = `${await this.currentVersion()}\u0000${key}`;
    const hit = this.entries.get(full);
    if (hit && this.now() - hit.at < this.ttlMs) {
      this.stats.hits++;
      return hit.value as Promise<T>;
    }
    this.stats.misses++;
    const entry: Entry = { at: this.now(), value: load() };
    // Failures are not kept: the next request asks Neo4j again.
    entry.value.catch(() => {
      if (this.entries.get(full) === entry) this.entries.delete(full);
    });
    this.entries.delete(full);
    this.entries.set(full, entry);
    // Answers under an older token are never served again; the oldest go first.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry.value as Promise<T>;
  }

  /** After a write through this server: nothing kept is served again, and the token is read anew. */
  changed(): void {
    this.entries.clear();
    this.version.forget('inbox');
  }
}
