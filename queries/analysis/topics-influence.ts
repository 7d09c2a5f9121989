// Topic influence: who a conversation (a hashtag, a specialty, a named set of hashtags) listens to.
// Only the interactions made by posts that carry one of the topic's hashtags count: a reply, repost,
// quote or mention inside #t1d is attention in the #t1d conversation, and the same account's fame in
// other conversations is not. Two parts, both on that topic subgraph:
//   attention: the type-weighted interactions an account receives there (InteractionWeights);
//   pagerank: PageRank personalised on the topic's authors (teleports go to accounts in proportion to
//             the topic posts they wrote), so attention from accounts the topic itself listens to
//             weighs more than attention from drive-by accounts.
// score = 0.6 × log(1 + attention) / log(1 + the topic's highest) + 0.4 × pagerank / the topic's highest.
// Attention carries more because it is what an explanation can quote; the log keeps one viral post
// from flattening the rest. Only accounts that receive attention in the topic get a score.
//
// Analysis scores every specialty and named phrase (queries/taxonomy/vocabulary.ts) and the most used
// hashtags; any other hashtag is scored on request (scoreTopicOnRequest) and kept until the next run.
import { POST_INTERACTION_TYPES } from '../contract.ts';
import { loadCypher } from '../cypher.ts';
import { int, type Db, type Row } from '../db.ts';
import { TooLarge } from '../errors.ts';
import { distanceKm, type Place } from '../geo/resolve.ts';
import { hashtagTopic, knownTopics, type Topic } from '../taxonomy/vocabulary.ts';
import type { IdRange } from './projection.ts';
import type { InteractionWeights } from './params.ts';
import { z } from 'zod';

const TOPIC_SCORE_WEIGHTS = { attention: 0.6, pagerank: 0.4 } as const;
/** How many of the most used hashtags analysis scores ahead of time. */
const TOP_HASHTAGS_SCORED = 50;
/** A source within this distance of the account's own place counts as local. */
export const LOCAL_KM = 50;
/** Interaction rows one on-request topic may read; beyond it the answer would be slow, so it is refused. */
const ON_REQUEST_ROWS = 500_000;

const TOPIC_TYPES = POST_INTERACTION_TYPES;
type TopicType = (typeof TOPIC_TYPES)[number];
const TYPE_OF: Record<string, number> = { MENTIONS: 0, REPLIES_TO: 1, REPOSTS: 2, QUOTES: 3 };

/** One (author → target, type) in a topic, summed over its posts. Nodes are account indices. */
export interface TopicInteraction {
  s: number;
  t: number;
  /** Index into TOPIC_TYPES. */
  type: number;
  /** Summed weight (the count of interactions for ordinary posts). */
  w: number;
  posts: number;
  /** When the posts were made (epoch seconds), if known: what the voice's log records for time windows. */
  at?: number | null;
}

/**
 * What one voice received in the topic, an entry per (source, type, time), for rankings over a time
 * window (queries/topic-window.ts). Stored on TOPIC_SCORE as one byte array (`log`, LOG_ENTRY_BYTES
 * per entry: the time in epoch seconds as an unsigned 32-bit integer, a kind byte, the source as an
 * unsigned 32-bit integer, little-endian), because Neo4j reads one array per relationship several
 * times faster than four. `kind` is the type index × 2 + 1 when the source is within LOCAL_KM of the
 * voice (the same "local" as `localSources`); `source` is the source's index in this run, only
 * compared within one log to count distinct sources. `w` (stored as `logW`) is null when every weight
 * is 1, as for ordinary posts. Posts from before 1970 have no entry.
 */
interface VoiceLog {
  at: number[];
  kind: number[];
  source: number[];
  w: number[] | null;
}

export const LOG_ENTRY_BYTES = 9;

/** Each entry of a stored log (see VoiceLog), in order: its index, time, kind and source. */
export function forEachLogEntry(
  bytes: Int8Array,
  visit: (i: number, at: number, kind: number, source: number) => void,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0, o = 0; o < bytes.byteLength; i++, o += LOG_ENTRY_BYTES) {
    visit(i, view.getUint32(o, true), view.getUint8(o + 4), view.getUint32(o + 5, true));
  }
}

/** The byte array stored for a log (see VoiceLog). */
export function packLog(log: VoiceLog): Int8Array {
  const bytes = Buffer.alloc(log.at.length * LOG_ENTRY_BYTES);
  for (let i = 0; i < log.at.length; i++) {
    const o = i * LOG_ENTRY_BYTES;
    bytes.writeUInt32LE(log.at[i]!, o);
    bytes.writeUInt8(log.kind[i]!, o + 4);
    bytes.writeUInt32LE(log.source[i]!, o + 5);
  }
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

interface TopicVoice {
  node: number;
  score: number;
  attention: number;
  pagerank: number;
  counts: Record<TopicType, number>;
  sources: number;
  localSources: number;
  /** 1 = the topic's strongest voice. */
  rank: number;
  log: VoiceLog;
}

/**
 * PageRank with teleports to `personal` (non-negative, any scale): a node's rank flows along its
 * weighted out-edges; rank of nodes with no out-edge, and the 1 − damping share, go back to the
 * personalisation. Falls back to uniform teleports when `personal` sums to 0.
 */
export function personalisedPagerank(
  n: number,
  edges: { s: number; t: number; w: number }[],
  personal: Float64Array,
  opts: { damping?: number; tolerance?: number; maxIterations?: number } = {},
): Float64Array {
  const d = opts.damping ?? 0.85;
  const tol = opts.tolerance ?? 1e-10;
  const maxIter = opts.maxIterations ?? 200;
  const rank = new Float64Array(n);
  if (n === 0) return rank;
  let total = 0;
  for (let v = 0; v < n; v++) total += personal[v]!;
  const tele = new Float64Array(n);
  for (let v = 0; v < n; v++) tele[v] = total > 0 ? personal[v]! / total : 1 / n;
  const outW = new Float64Array(n);
  for (const e of edges) if (e.w > 0) outW[e.s] = outW[e.s]! + e.w;
  rank.set(tele);
  let next = new Float64Array(n);
  for (let iter = 0; iter < maxIter; iter++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outW[v] === 0) dangling += rank[v]!;
    next.fill(0);
    for (const e of edges) if (e.w > 0) next[e.t] = next[e.t]! + (rank[e.s]! * e.w) / outW[e.s]!;
    let diff = 0;
    for (let v = 0; v < n; v++) {
      const r = d * next[v]! + (1 - d + d * dangling) * tele[v]!;
      diff += Math.abs(r - rank[v]!);
      next[v] = r;
    }
    rank.set(next);
    if (diff < tol) break;
    next = new Float64Array(n);
  }
  return rank;
}

/** One edge per (source, target) with the weights summed: the same PageRank with fewer edges to walk. */
function mergedEdges(n: number, edges: { s: number; t: number; w: number }[]) {
  const byPair = new Map<number, { s: number; t: number; w: number }>();
  for (const e of edges) {
    const key = e.s * n + e.t;
    const seen = byPair.get(key);
    if (seen) seen.w += e.w;
    else byPair.set(key, { ...e });
  }
  return [...byPair.values()];
}

/**
 * The voices of one topic from its interactions. `place(node)` gives coordinates for the "local"
 * count (sources within LOCAL_KM of the voice's own place); null when unknown.
 */
export function scoreTopic(
  interactions: TopicInteraction[],
  weights: InteractionWeights,
  place: (node: number) => { lat: number; lon: number } | null = () => null,
): TopicVoice[] {
  const local = new Map<number, number>();
  const nodes: number[] = [];
  const at = (v: number) => {
    let i = local.get(v);
    if (i === undefined) {
      local.set(v, (i = nodes.length));
      nodes.push(v);
    }
    return i;
  };
  const edges: { s: number; t: number; w: number }[] = [];
  for (const x of interactions) {
    edges.push({ s: at(x.s), t: at(x.t), w: x.w * weights[TOPIC_TYPES[x.type]!] });
  }
  const n = nodes.length;
  const personal = new Float64Array(n);
  const attention = new Float64Array(n);
  const counts = Array.from({ length: n }, () => [0, 0, 0, 0]);
  const sources = Array.from({ length: n }, () => new Set<number>());
  const logs: VoiceLog[] = Array.from({ length: n }, () => ({ at: [], kind: [], source: [], w: null }));
  const isLocal = (s: number, t: number) => {
    const home = place(t);
    const p = home && place(s);
    return !!p && distanceKm(home.lat, home.lon, p.lat, p.lon) <= LOCAL_KM;
  };
  interactions.forEach((x, k) => {
    const s = local.get(x.s)!;
    const t = local.get(x.t)!;
    personal[s] = personal[s]! + x.posts;
    attention[t] = attention[t]! + edges[k]!.w;
    counts[t]![x.type] = counts[t]![x.type]! + x.w;
    sources[t]!.add(x.s);
    if (x.at !== undefined && x.at !== null && x.at >= 0 && x.at < 2 ** 32) {
      const log = logs[t]!;
      if (x.w !== 1 && !log.w) log.w = log.at.map(() => 1);
      log.at.push(x.at);
      log.kind.push(x.type * 2 + (isLocal(x.s, x.t) ? 1 : 0));
      log.source.push(x.s);
      log.w?.push(x.w);
    }
  });
  const pr = personalisedPagerank(n, mergedEdges(n, edges), personal);
  let maxAtt = 0;
  let maxPr = 0;
  for (let v = 0; v < n; v++) {
    if (attention[v]! <= 0) continue;
    if (attention[v]! > maxAtt) maxAtt = attention[v]!;
    if (pr[v]! > maxPr) maxPr = pr[v]!;
  }
  const logMax = Math.log1p(maxAtt);
  const voices: TopicVoice[] = [];
  for (let v = 0; v < n; v++) {
    if (!(attention[v]! > 0)) continue;
    const home = place(nodes[v]!);
    let localSources = 0;
    if (home) {
      for (const s of sources[v]!) {
        const p = place(s);
        if (p && distanceKm(home.lat, home.lon, p.lat, p.lon) <= LOCAL_KM) localSources++;
      }
    }
    const c = counts[v]!;
    voices.push({
      node: nodes[v]!,
      score:
        TOPIC_SCORE_WEIGHTS.attention * (logMax > 0 ? Math.log1p(attention[v]!) / logMax : 0) +
        TOPIC_SCORE_WEIGHTS.pagerank * (maxPr > 0 ? pr[v]! / maxPr : 0),
      attention: attention[v]!,
      pagerank: pr[v]!,
      counts: { mention: c[0]!, reply: c[1]!, repost: c[2]!, quote: c[3]! },
      sources: sources[v]!.size,
      localSources,
      rank: 0,
      log: logs[v]!,
    });
  }
  voices.sort((a, b) => b.score - a.score || b.attention - a.attention || a.node - b.node);
  voices.forEach((x, k) => (x.rank = k + 1));
  return voices;
}

const InteractionRow = z.object({
  s: z.string(),
  t: z.string(),
  type: z.string(),
  tags: z.array(z.string()).optional(),
  w: z.number(),
  posts: z.number(),
  at: z.string().nullable().optional(),
});
const TopTag = z.object({ tag: z.string(), uses: z.number() });

function scoreRows(topic: Topic, voices: TopicVoice[], ids: (node: number) => string) {
  return voices.map((v) => ({
    topic: topic.key,
    accountId: ids(v.node),
    score: v.score,
    attention: v.attention,
    pagerank: v.pagerank,
    ...v.counts,
    sources: v.sources,
    localSources: v.localSources,
    rank: v.rank,
    log: packLog(v.log),
    logW: v.log.w,
  }));
}

/** A post's createdAt (ISO, as stored) in epoch seconds; null when missing or unreadable. */
function epochSeconds(at: string | null | undefined): number | null {
  if (!at) return null;
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

function topicNode(topic: Topic, voices: TopicVoice[], interactions: number) {
  return { ...topic, voices: voices.length, interactions };
}

const BATCH = 10_000;

/**
 * The scores in two concurrent lanes of batches, each lane a disjoint half of the accounts in account
 * order, so a batch holds every topic score of the accounts it touches and no two transactions lock
 * the same account. At 1M (589k scores): 31 s one batch after another in topic order, 18.6 s in
 * account order, 12.6 s in two lanes.
 */
async function writeScores(db: Db, rows: Row[], runId: string): Promise<void> {
  const stmt = loadCypher('analysis/write-topic-scores');
  const lanes: Row[][] = [[], []];
  for (const r of rows) {
    const id = String(r.accountId);
    lanes[id.charCodeAt(id.length - 1) % lanes.length]!.push(r);
  }
  await Promise.all(
    lanes.map(async (lane) => {
      lane.sort((a, b) => {
        const x = String(a.accountId);
        const y = String(b.accountId);
        return x < y ? -1 : x > y ? 1 : 0;
      });
      for (let i = 0; i < lane.length; i += BATCH) {
        await db.write(stmt, { rows: lane.slice(i, i + BATCH), runId });
      }
    }),
  );
}

interface TopicPhaseInput {
  ids: string[];
  places: (Place | null)[];
  pages: IdRange[];
  weights: InteractionWeights;
  runId: string;
  topHashtags?: number;
  onProgress?: (done: number, total: number) => void;
}

interface TopicPhaseResult {
  topics: number;
  voices: number;
  interactions: number;
}

/** The analysis phase: every known topic and the most used hashtags, scored and written. */
export async function scoreTopics(db: Db, input: TopicPhaseInput): Promise<TopicPhaseResult> {
  const top = (
    await db.read(loadCypher('analysis/top-hashtags'), {
      limit: int(input.topHashtags ?? TOP_HASHTAGS_SCORED),
    })
  ).map((r) => TopTag.parse(r).tag);
  const topics: Topic[] = [];
  const seen = new Set<string>();
  for (const t of [...knownTopics(), ...top.map(hashtagTopic)]) {
    if (seen.has(t.key)) continue;
    seen.add(t.key);
    topics.push(t);
  }
  const topicsOfTag = new Map<string, number[]>();
  topics.forEach((t, k) => {
    for (const tag of t.tags) {
      let list = topicsOfTag.get(tag);
      if (!list) topicsOfTag.set(tag, (list = []));
      list.push(k);
    }
  });
  const index = new Map<string, number>();
  input.ids.forEach((id, i) => index.set(id, i));
  const perTopic: TopicInteraction[][] = topics.map(() => []);
  const tags = [...topicsOfTag.keys()];
  const stmt = loadCypher('analysis/topic-interactions');
  const total = input.pages.length + topics.length;
  let rowsRead = 0;
  const inFlight: Promise<Row[]>[] = [];
  let requested = 0;
  for (let k = 0; k < input.pages.length; k++) {
    while (requested < input.pages.length && requested < k + 3) {
      inFlight.push(db.read(stmt, { ...input.pages[requested++]!, tags }));
    }
    for (const raw of await inFlight.shift()!) {
      const r = InteractionRow.parse(raw);
      const s = index.get(r.s);
      const t = index.get(r.t);
      const type = TYPE_OF[r.type];
      // An account created after the projection read has no index: its interactions wait for the next run.
      if (s === undefined || t === undefined || type === undefined) continue;
      rowsRead++;
      const hit = new Set<number>();
      for (const tag of r.tags ?? []) for (const k2 of topicsOfTag.get(tag) ?? []) hit.add(k2);
      const at = epochSeconds(r.at);
      for (const k2 of hit) perTopic[k2]!.push({ s, t, type, w: r.w, posts: r.posts, at });
    }
    input.onProgress?.(k + 1, total);
  }
  const place = (i: number) => {
    const p = input.places[i];
    return p && p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : null;
  };
  const nodes: Row[] = [];
  let scores: Row[] = [];
  let voices = 0;
  for (let k = 0; k < topics.length; k++) {
    const v = scoreTopic(perTopic[k]!, input.weights, place);
    voices += v.length;
    nodes.push(topicNode(topics[k]!, v, perTopic[k]!.length));
    perTopic[k] = [];
    scores = scores.concat(scoreRows(topics[k]!, v, (i) => input.ids[i]!));
    input.onProgress?.(input.pages.length + k + 1, total);
  }
  await db.write(loadCypher('analysis/write-topic-nodes'), { rows: nodes, runId: input.runId });
  await writeScores(db, scores, input.runId);
  await db.autoCommit(loadCypher('analysis/clear-stale-topic-scores'), { runId: input.runId });
  return { topics: topics.length, voices, interactions: rowsRead };
}

const StoredTopic = z.object({
  key: z.string(),
  runId: z.string().nullable(),
  voices: z.number().nullable(),
  logged: z.boolean(),
});
const PlaceRow = z.object({ id: z.string(), lat: z.number(), lon: z.number() });

/**
 * A topic the last run did not score (a rarer hashtag): scored now from its own posts and stored with
 * the run's id, so the next request reads it and the next analysis replaces it. `runId` null: no run yet.
 * Resolves with whether the stored topic's voices carry logs (VoiceLog): false only for a topic stored
 * before they existed.
 */
export async function ensureTopic(
  db: Db,
  topic: Topic,
  opts: { weights: InteractionWeights; runId: string | null },
): Promise<{ logged: boolean }> {
  const [raw] = await db.read(loadCypher('topics/get'), { key: topic.key });
  const stored = raw ? StoredTopic.parse(raw) : null;
  if (stored && stored.runId === opts.runId) return { logged: stored.logged };
  const rows = (
    await db.read(loadCypher('topics/tag-interactions'), {
      tags: topic.tags,
      limit: int(ON_REQUEST_ROWS + 1),
    })
  ).map((r) => InteractionRow.parse(r));
  if (rows.length > ON_REQUEST_ROWS) {
    throw new TooLarge(
      `hashtag: the ${topic.label} conversation has more than ${ON_REQUEST_ROWS.toLocaleString('en-US')} ` +
        'interaction rows to score on request; run analyze, which scores the most used hashtags ahead of time',
    );
  }
  const index = new Map<string, number>();
  const ids: string[] = [];
  const slot = (id: string) => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = ids.push(id) - 1));
    return i;
  };
  const interactions: TopicInteraction[] = [];
  for (const r of rows) {
    const type = TYPE_OF[r.type];
    if (type === undefined) continue;
    interactions.push({ s: slot(r.s), t: slot(r.t), type, w: r.w, posts: r.posts, at: epochSeconds(r.at) });
  }
  const coords = new Map<number, { lat: number; lon: number }>();
  for (const raw of await db.read(loadCypher('topics/places'), { ids })) {
    const p = PlaceRow.parse(raw);
    coords.set(index.get(p.id)!, { lat: p.lat, lon: p.lon });
  }
  const voices = scoreTopic(interactions, opts.weights, (i) => coords.get(i) ?? null);
  await db.write(loadCypher('topics/clear-one'), { key: topic.key });
  await db.write(loadCypher('analysis/write-topic-nodes'), {
    rows: [topicNode(topic, voices, interactions.length)],
    runId: opts.runId ?? '',
  });
  await writeScores(
    db,
    scoreRows(topic, voices, (i) => ids[i]!),
    opts.runId ?? '',
  );
  return { logged: true };
}
