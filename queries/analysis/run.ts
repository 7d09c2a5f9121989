// One analysis run, phase by phase: read the graph (projection), find communities (Louvain, stable
// ids), score accounts, cluster hashtags into topics, write everything back and record the run.
import { randomUUID } from 'node:crypto';
import { loadCypher } from '../cypher.ts';
import { int, type Db } from '../db.ts';
import { detectAndWriteChats } from './chats-phase.ts';
import { hashtagTopics, topHashtagsByCommunity } from './hashtags.ts';
import { requireGds, runGds, type GdsResult } from './gds.ts';
import { detectCommunities, modularity, partitionOf, stableIds, type Partition } from './louvain.ts';
import { AnalysisParams, type AnalysisParamsInput } from './params.ts';
import { projectAccounts } from './projection.ts';
import { computeScores } from './scores.ts';
import { flagSpam, readSignals } from './spam.ts';
import { localReach } from './local-reach.ts';
import { computeLayout } from './layout.ts';
import { communityStability, stabilitySeeds } from './stability.ts';
import { scoreTopics } from './topics-influence.ts';
import { writeSummaries } from './summaries.ts';
import {
  placeColumns,
  writeBatches,
  writeColumns,
  writeCommunities,
  type AccountRow,
  type CommunityRow,
} from './writeback.ts';
import type { EdgeList } from './edges.ts';
import { z } from 'zod';
import { warmReads } from '../warm-up.ts';

export const PHASES = [
  'read',
  'communities',
  'scores',
  'layout',
  'topics',
  'topic-scores',
  'write',
  'activity',
  'chats',
  'warm-up',
] as const;
export type Phase = (typeof PHASES)[number];

export interface Progress {
  phase: Phase;
  done: number;
  total: number;
}

export const AnalysisSummary = z.object({
  runId: z.string(),
  at: z.string(),
  params: AnalysisParams,
  counts: z.object({
    accounts: z.number(),
    interactions: z.number(),
    edges: z.number(),
    communities: z.number(),
    hashtags: z.number(),
    topics: z.number(),
    placesResolved: z.number(),
    placesUnresolved: z.number(),
    spamAccounts: z.number().optional(),
    spamHashtags: z.number().optional(),
    /** Topics (specialties, phrases, most used hashtags) scored for topic influence, and their voices. */
    topicsScored: z.number(),
    topicVoices: z.number(),
    chats: z.number(),
  }),
  modularity: z.number(),
  ms: z.record(z.string(), z.number()),
  /** The reads run at the end to warm Neo4j's plans and pages, and any that failed (not fatal). */
  warmUp: z.object({
    reads: z.number().int(),
    failed: z.array(z.object({ read: z.string(), error: z.string() })),
  }),
});
export type AnalysisSummary = z.infer<typeof AnalysisSummary>;

const Counts = z.object({ accounts: z.number(), maxCommunityId: z.number().nullable(), runs: z.number() });

const TOP_ACCOUNTS = 10;
const TOP_HASHTAGS = 5;

export async function runAnalysis(
  db: Db,
  input: AnalysisParamsInput & { onProgress?: (p: Progress) => void } = {},
): Promise<AnalysisSummary> {
  const { onProgress, ...rest } = input;
  // Batch work that reads the whole graph: no per-request read timeout (a server job runs it too).
  db = db.untimed();
  const params = AnalysisParams.parse(rest);
  const progress = (phase: Phase, done: number, total: number) => onProgress?.({ phase, done, total });
  const ms: Record<string, number> = {};
  let t = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    ms[phase] = Math.round(now - t);
    t = now;
  };
  const runId = randomUUID();
  const at = new Date().toISOString();

  if (params.engine === 'gds') {
    // GDS Louvain has no resolution parameter: refuse rather than silently ignore it.
    if (params.resolution !== 1) {
      throw new AnalysisOptionError(
        `--resolution ${params.resolution}: the GDS engine's Louvain has no resolution parameter; use --engine node`,
      );
    }
    // Before reading anything, so a server without GDS fails at once with the reason.
    await requireGds(db);
  }
  const before = Counts.parse((await db.read(loadCypher('analysis/count-accounts')))[0]);
  progress('read', 0, before.accounts);
  const p = await projectAccounts(db, {
    weights: params.weights,
    onPage: (n) => progress('read', n, before.accounts),
  });
  const n = p.ids.length;
  lap('read');

  progress('communities', 0, 1);
  const louvain = { seed: params.seed, resolution: params.resolution };
  let partition: Partition;
  let givenPagerank: Float64Array | undefined;
  if (params.engine === 'gds') {
    const g = await runGds(db, { weights: params.weights, runId, pages: p.pages });
    const fromGds = gdsArrays(g, p.ids, p.edges);
    partition = partitionOf(fromGds.membership, p.edges, params.resolution);
    givenPagerank = fromGds.pagerank;
  } else {
    partition = detectCommunities(p.edges, louvain);
  }
  const community = stableIds(partition.membership, partition.count, p.previous, {
    nextFreeId: (before.maxCommunityId ?? -1) + 1,
  });
  const q = modularity(p.edges, community, params.resolution);
  const stability = communityStability(p.edges, community, {
    seeds: stabilitySeeds(params.seed),
    resolution: params.resolution,
  });
  progress('communities', 1, 1);
  lap('communities');

  progress('scores', 0, 1);
  const s = computeScores(p.edges, community, givenPagerank);
  const spam = flagSpam({
    ...(await readSignals(db, p.ids, p.pages)),
    inWeight: s.inWeight,
    tagAccount: p.tagAccount,
    tagName: p.tagName,
    tagCount: p.tagCount,
  });
  const reach = localReach(p.edges, p.places);
  progress('scores', 1, 1);
  lap('scores');

  // After communities and scores: the map starts from the communities and lays out the top accounts.
  progress('layout', 0, 1);
  const map = computeLayout(p.ids, p.edges, community, s.score, { seed: params.seed });
  progress('layout', 1, 1);
  lap('layout');

  progress('topics', 0, 1);
  const topics = await hashtagTopics(db, { ...louvain, exclude: new Set(spam.hashtags.map((h) => h.tag)) });
  progress('topics', 1, 1);
  lap('topics');

  const scored = await scoreTopics(db, {
    ids: p.ids,
    places: p.places,
    pages: p.pages,
    weights: params.weights,
    runId,
    onProgress: (done, total) => progress('topic-scores', done, total),
  });
  lap('topic-scores');

  // Communities: size, top accounts by score, top hashtags, their share of the modularity.
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    if (c < 0) continue;
    let list = members.get(c);
    if (!list) members.set(c, (list = []));
    list.push(i);
  }
  const tagsOf = topHashtagsByCommunity(community, p.tagAccount, p.tagName, p.tagCount, TOP_HASHTAGS);
  const communityRows: CommunityRow[] = [...members.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .map(([id, list]) => {
      const topHashtags = tagsOf.get(id) ?? [];
      const topAccounts = [...list]
        .sort((a, b) => s.score[b]! - s.score[a]! || p.ids[a]!.localeCompare(p.ids[b]!))
        .slice(0, TOP_ACCOUNTS)
        .map((i) => p.ids[i]!);
      return {
        id,
        size: list.length,
        label:
          topHashtags.length > 0
            ? topHashtags
                .slice(0, 3)
                .map((h) => `#${h}`)
                .join(' ')
            : null,
        topHashtags,
        topAccounts,
        modularity: q.perCommunity.get(id) ?? 0,
        stability: stability.get(id) ?? 1,
        x: map.community.get(id)?.x ?? null,
        y: map.community.get(id)?.y ?? null,
      };
    });

  const rows: AccountRow[] = new Array(n);
  let resolved = 0;
  for (let i = 0; i < n; i++) {
    const place = p.places[i] ?? null;
    if (place) resolved++;
    rows[i] = {
      id: p.ids[i]!,
      community: community[i]! < 0 ? null : community[i]!,
      pagerank: s.pagerank[i]!,
      inWeight: s.inWeight[i]!,
      communityShare: s.communityShare[i]!,
      bridge: s.bridge[i]!,
      score: s.score[i]!,
      ...placeColumns(place),
      specialties: p.specialties[i]!,
      role: p.roles[i]!,
      x: map.x[i]!,
      y: map.y[i]!,
    };
  }
  const total = n + topics.tags.length + 1;
  progress('write', 0, total);
  await writeColumns(db, 'analysis/write-accounts', rows, { onBatch: (w) => progress('write', w, total) });
  const signalRows = p.ids.map((id, i) => ({ id, spamFlag: spam.flag[i]!, localReach: reach[i]! }));
  await writeColumns(db, 'analysis/write-signals', signalRows);
  await db.write(loadCypher('analysis/write-spam-hashtags'), { rows: spam.hashtags });
  const topicRows = topics.tags.map((tag, i) => ({ tag, topic: topics.topic[i]! }));
  await writeBatches(db, 'analysis/write-topics', topicRows, {
    onBatch: (w) => progress('write', n + w, total),
  });
  await db.write(loadCypher('analysis/clear-topics'), { tags: topics.tags });
  await writeCommunities(db, communityRows, runId);
  await writeSummaries(db, { steps: ['links', 'hashtags', 'reasons'] });
  progress('write', total, total);
  lap('write');

  // After the accounts' communities are written: each day's activity for the period views.
  progress('activity', 0, 1);
  await writeSummaries(db, { steps: ['activity'] });
  progress('activity', 1, 1);
  lap('activity');

  // After the accounts are written: a chat's specialties come from its regulars' ones.
  progress('chats', 0, 1);
  const chats = await detectAndWriteChats(db, { runId, at, onTag: (d, all) => progress('chats', d, all) });
  lap('chats');
  const counts = {
    accounts: n,
    interactions: p.pairs,
    edges: p.edges.m,
    communities: communityRows.length,
    hashtags: topics.tags.length,
    topics: topics.count,
    placesResolved: resolved,
    placesUnresolved: p.unresolvedLocations,
    spamAccounts: spam.flag.filter((f) => f !== null).length,
    spamHashtags: spam.hashtags.length,
    topicsScored: scored.topics,
    topicVoices: scored.voices,
    chats: chats.chats.length,
  };
  await db.write(loadCypher('analysis/create-run'), {
    id: runId,
    at,
    params: JSON.stringify(params),
    counts: JSON.stringify(counts),
    modularity: q.total,
    engine: params.engine,
  });
  progress('chats', 1, 1);
  // The rankings and graph views people open first, read once now so that their first request
  // after the analysis does not plan the statements and read the pages cold (queries/warm-up.ts).
  progress('warm-up', 0, 1);
  const warmUp = await warmReads(db);
  lap('warm-up');
  progress('warm-up', 1, 1);
  return {
    runId,
    at,
    params,
    counts,
    modularity: q.total,
    ms,
    warmUp: { reads: warmUp.reads, failed: warmUp.failed },
  };
}

/** Bad analysis options found only once the engine is known; the CLI reports them as usage errors. */
export class AnalysisOptionError extends Error {
  override name = 'AnalysisOptionError';
}

/**
 * What GDS wrote, as the arrays the rest of the run uses: accounts without any interaction get no
 * community (-1), as with the Node engine (GDS gives each of them its own), and PageRank is scaled
 * to sum to 1 so `pagerank` means the same share of attention whichever engine ran.
 */
function gdsArrays(g: GdsResult, ids: string[], edges: EdgeList) {
  const n = ids.length;
  const hasEdge = new Uint8Array(n);
  for (let i = 0; i < edges.m; i++) {
    if (edges.src[i] === edges.dst[i] || !(edges.weight[i]! > 0)) continue;
    hasEdge[edges.src[i]!] = 1;
    hasEdge[edges.dst[i]!] = 1;
  }
  const membership = new Int32Array(n).fill(-1);
  const pagerank = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const c = g.community.get(ids[i]!);
    if (hasEdge[i] && c !== undefined) membership[i] = c;
    sum += pagerank[i] = g.pagerank.get(ids[i]!) ?? 0;
  }
  if (sum > 0) for (let i = 0; i < n; i++) pagerank[i] = pagerank[i]! / sum;
  return { membership, pagerank };
}

/** Runs an analysis when the graph has accounts but none has been run yet (first `npm start`). */
export async function ensureAnalysis(db: Db, log: (line: string) => void): Promise<AnalysisSummary | null> {
  const c = Counts.parse((await db.read(loadCypher('analysis/count-accounts')))[0]);
  if (c.accounts === 0 || c.runs > 0) return null;
  log(`analysis: ${c.accounts.toLocaleString('en-US')} accounts and no analysis yet, running it`);
  const summary = await runAnalysis(db, {});
  log(
    `analysis: ${summary.counts.communities} communities (modularity ${summary.modularity.toFixed(3)}) in ` +
      `${Object.values(summary.ms).reduce((a, b) => a + b, 0)} ms`,
  );
  return summary;
}

/** The newest analysis run's id, or 'none' before the first analysis (an index read; see its Cypher). */
export async function latestRunId(db: Db): Promise<string> {
  const rows = await db.read(loadCypher('analysis/latest-run-id'), { limit: int(1) });
  return String(rows[0]?.id ?? 'none');
}
