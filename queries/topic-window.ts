// The ranking over a time window inside a topic the last analysis scored (a specialty, a phrase, a most
// used hashtag, or one scored on request since), from the logs analysis kept on each voice's
// TOPIC_SCORE: what the voice received in the topic, entry by entry, with the time, the type, the
// source and whether the source is local (VoiceLog in analysis/topics-influence.ts).
//
// A topic's logs are read once per analysis run into typed arrays and kept in this process (most
// recently used first, at most MAX_CACHED_ENTRIES entries in all), because they only change with a
// run: one read of every voice of #diabetes at 1M (14k relationships, ~100k entries, ~2 MB) costs about
// 150 ms, and summing them for a place and a window then costs a few milliseconds, where reading the
// voices near the place from Neo4j for every request cost ~40 ms of database time and the live read
// (influencers/window-near.cypher), which walks every interaction those accounts ever received and
// each post's hashtags, ~0.5 s. The answer is the live read's as of the last analysis
// (tests/integration/analysis/topic-influence.test.ts checks both agree): the place, score, local
// reach and spam flag are the accounts' own, read with the logs; the role (staff can correct it) and
// the region filters are checked in Neo4j on the accounts that received attention in the window.
import { z } from 'zod';
import { forEachLogEntry, LOG_ENTRY_BYTES } from './analysis/topics-influence.ts';
import { distanceKm, NEO4J_EARTH_RADIUS_KM } from './geo/resolve.ts';
import { loadCypher } from './cypher.ts';
import { type Db } from './db.ts';
import { WINDOW_TYPES, type WindowType } from './window.ts';

/** Log entries kept in memory across the topics read (9–17 bytes each: ~50 MB at most). */
const MAX_CACHED_ENTRIES = 3_000_000;

interface TopicWindowQuery {
  runId: string;
  key: string;
  /** Epoch milliseconds: the window [from, to) and the one before it, from prevFrom. */
  from: number;
  to: number;
  prevFrom: number;
  types: WindowType[];
  typeWeights: Record<WindowType, number>;
  sort: string;
  afterK: number | null;
  afterId: string | null;
  limit: number;
  near: { lat: number; lon: number; radiusM: number } | null;
  includeFlagged: boolean;
  minScore: number | null;
  community: number | null;
  role: string | null;
  region: string | null;
}

interface TopicWindowRow {
  accountId: string;
  k: number;
  rank: number;
  total: number;
  window: {
    attention: number;
    previous: number;
    mention: number;
    reply: number;
    repost: number;
    quote: number;
    sources: number;
    localSources: number;
  };
}

/** A topic's voices and their logs, as columns: voice v's entries are start[v] .. start[v + 1] - 1. */
interface TopicLogs {
  ids: string[];
  lat: Float64Array;
  lon: Float64Array;
  score: Float64Array;
  localReach: Float64Array;
  community: Float64Array;
  flagged: Uint8Array;
  start: Uint32Array;
  at: Uint32Array;
  kind: Uint8Array;
  source: Uint32Array;
  /** Null when every weight is 1. */
  w: Float64Array | null;
}

const VoiceRow = z.object({
  id: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  score: z.number(),
  localReach: z.number().nullable(),
  community: z.number().nullable(),
  flagged: z.boolean(),
  log: z.instanceof(Int8Array),
  w: z.array(z.number()).nullable(),
});

async function readTopicLogs(db: Db, key: string): Promise<TopicLogs> {
  const rows = (await db.read(loadCypher('influencers/topic-logs'), { key })).map((r) => VoiceRow.parse(r));
  const n = rows.length;
  let entries = 0;
  for (const r of rows) entries += r.log.byteLength / LOG_ENTRY_BYTES;
  const t: TopicLogs = {
    ids: rows.map((r) => r.id),
    lat: Float64Array.from(rows, (r) => r.lat ?? NaN),
    lon: Float64Array.from(rows, (r) => r.lon ?? NaN),
    score: Float64Array.from(rows, (r) => r.score),
    localReach: Float64Array.from(rows, (r) => r.localReach ?? NaN),
    community: Float64Array.from(rows, (r) => r.community ?? NaN),
    flagged: Uint8Array.from(rows, (r) => (r.flagged ? 1 : 0)),
    start: new Uint32Array(n + 1),
    at: new Uint32Array(entries),
    kind: new Uint8Array(entries),
    source: new Uint32Array(entries),
    w: rows.some((r) => r.w !== null) ? new Float64Array(entries).fill(1) : null,
  };
  let e = 0;
  rows.forEach((r, v) => {
    t.start[v] = e;
    forEachLogEntry(r.log, (i, at, kind, source) => {
      t.at[e] = at;
      t.kind[e] = kind;
      t.source[e] = source;
      if (t.w && r.w) t.w[e] = r.w[i]!;
      e++;
    });
  });
  t.start[n] = e;
  return t;
}

/**
 * Per database connection (every view of it: an analysis job's warm-up fills the server's): the topics
 * read, by run and key, oldest use first; concurrent readers share a read.
 */
const caches = new WeakMap<object, Map<string, { logs: Promise<TopicLogs>; entries: number }>>();

async function topicLogs(db: Db, runId: string, key: string): Promise<TopicLogs> {
  let cache = caches.get(db.connection);
  if (!cache) caches.set(db.connection, (cache = new Map()));
  const id = `${runId}\n${key}`;
  const hit = cache.get(id);
  if (hit) {
    cache.delete(id);
    cache.set(id, hit);
    return hit.logs;
  }
  // A newer run replaces every topic of the previous ones.
  for (const old of cache.keys()) if (!old.startsWith(`${runId}\n`)) cache.delete(old);
  const entry = { logs: readTopicLogs(db, key), entries: 0 };
  cache.set(id, entry);
  try {
    const logs = await entry.logs;
    entry.entries = logs.at.length;
    let total = 0;
    for (const x of cache.values()) total += x.entries;
    for (const [old, x] of cache) {
      if (total <= MAX_CACHED_ENTRIES) break;
      total -= x.entries;
      cache.delete(old);
    }
    return logs;
  } catch (e) {
    cache.delete(id); // a failed read is not kept
    throw e;
  }
}

/** Metres to `near` as Neo4j's point.distance measures them, so the radius keeps the live read's accounts. */
const nearM = (lat: number, lon: number, near: { lat: number; lon: number }) =>
  distanceKm(lat, lon, near.lat, near.lon, NEO4J_EARTH_RADIUS_KM) * 1000;

/** Seconds as the live read compares them: ISO bounds drop the milliseconds. */
const seconds = (ms: number) => Math.floor(ms / 1000);

const Kept = z.object({ id: z.string() });

/** One page of the ranking, each row with its rank among all and their number, as the live read gives. */
export async function topicWindowRanking(db: Db, q: TopicWindowQuery): Promise<TopicWindowRow[]> {
  const t = await topicLogs(db, q.runId, q.key);
  const from = seconds(q.from);
  const to = seconds(q.to);
  const prevFrom = seconds(q.prevFrom);
  // Per type index (analysis's order, the same as WINDOW_TYPES): its weight, or null when filtered out.
  const weightOf = WINDOW_TYPES.map((type) => (q.types.includes(type) ? q.typeWeights[type] : null));
  let ranked: (TopicWindowRow['window'] & { id: string; k: number })[] = [];
  const sources = new Set<number>();
  const local = new Set<number>();
  for (let v = 0; v < t.ids.length; v++) {
    if (!q.includeFlagged && t.flagged[v]) continue;
    if (q.minScore !== null && !(t.score[v]! >= q.minScore)) continue;
    if (q.community !== null && t.community[v] !== q.community) continue;
    if (q.near && !(nearM(t.lat[v]!, t.lon[v]!, q.near) <= q.near.radiusM)) continue;
    const counts = [0, 0, 0, 0];
    let attention = 0;
    let previous = 0;
    sources.clear();
    local.clear();
    for (let e = t.start[v]!; e < t.start[v + 1]!; e++) {
      const at = t.at[e]!;
      if (at < prevFrom || at >= to) continue;
      const type = t.kind[e]! >> 1;
      const weight = weightOf[type];
      if (weight === null || weight === undefined) continue;
      const w = t.w ? t.w[e]! : 1;
      if (at < from) {
        previous += w * weight;
        continue;
      }
      attention += w * weight;
      counts[type] = counts[type]! + w;
      sources.add(t.source[e]!);
      if (t.kind[e]! & 1) local.add(t.source[e]!);
    }
    if (!(attention > 0)) continue;
    const reach = t.localReach[v]!;
    const k =
      q.sort === 'rising'
        ? attention - previous
        : q.sort === 'score'
          ? t.score[v]!
          : q.sort === 'localReach'
            ? Number.isNaN(reach)
              ? -1
              : reach
            : attention;
    ranked.push({
      id: t.ids[v]!,
      k,
      attention,
      previous,
      mention: counts[0]!,
      reply: counts[1]!,
      repost: counts[2]!,
      quote: counts[3]!,
      sources: sources.size,
      localSources: local.size,
    });
  }
  if (ranked.length && (q.role !== null || q.region !== null)) {
    const kept = new Set(
      (
        await db.read(loadCypher('influencers/filter-accounts'), {
          ids: ranked.map((r) => r.id),
          role: q.role,
          region: q.region,
        })
      ).map((r) => Kept.parse(r).id),
    );
    ranked = ranked.filter((r) => kept.has(r.id));
  }
  // The live read's order: k descending, then the id (code point order, as Cypher compares strings).
  ranked.sort((a, b) => b.k - a.k || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page: TopicWindowRow[] = [];
  for (let i = 0; i < ranked.length && page.length < q.limit; i++) {
    const r = ranked[i]!;
    if (q.afterK !== null && !(r.k < q.afterK || (r.k === q.afterK && r.id > (q.afterId ?? '')))) continue;
    const { id, k, ...window } = r;
    page.push({ accountId: id, k, rank: i + 1, total: ranked.length, window });
  }
  return page;
}
