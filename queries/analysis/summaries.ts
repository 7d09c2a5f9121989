// What the read paths show, computed once per analysis run and stored, so that no request reads the
// whole graph (issue 15): the weight between communities (`(:Community)-[:LINKS {weight}]->`), each
// community's score, each hashtag's post count and strongest co-occurring hashtags
// (`(:Hashtag)-[:COOCCURS {posts}]->`), each ranked account's rank and top reasons, and each day's
// activity for the aggregated view of a time window (`(:ActivityDay)`, activity-days.ts).
//
// Everything is derived from the graph in Neo4j (not from the run's memory), so it can also be
// rebuilt for a graph whose scores and communities were written some other way (tests, imports).
import { loadCypher } from '../cypher.ts';
import { int, type Db } from '../db.ts';
import { InteractionWeights } from './params.ts';
import { writeActivityDays } from './activity-days.ts';
import { writeBatches } from './writeback.ts';
import { z } from 'zod';

/** Links kept per community (its strongest, either direction): bounds the aggregated view's edge read. */
const LINKS_PER_COMMUNITY = 50;
/** Partners kept per hashtag: bounds the hashtag view's pair read. */
const COOCCURS_PER_HASHTAG = 50;
/** Reasons stored per ranked account (the ranking shows three). */
const REASONS = 3;

const SUMMARY_STEPS = ['links', 'hashtags', 'reasons', 'activity'] as const;
type SummaryStep = (typeof SUMMARY_STEPS)[number];

interface SummaryCounts {
  links: number;
  cooccurs: number;
  rankedAccounts: number;
  activityDays: number;
}

const Pair = z.object({ source: z.number(), target: z.number(), weight: z.number() });
const TagPair = z.object({ a: z.string(), b: z.string(), posts: z.number() });
const Ranked = z.object({ id: z.string(), score: z.number() });

/**
 * The strongest `k` weighted pairs touching each end, as one set: a pair stays when it is among
 * the `k` strongest of either of its two ends, so every node keeps its strongest links.
 */
function strongestPerNode<T>(
  pairs: T[],
  ends: (p: T) => [string | number, string | number],
  weight: (p: T) => number,
  k: number,
): T[] {
  const byNode = new Map<string | number, number[]>();
  pairs.forEach((p, i) => {
    for (const e of new Set(ends(p))) {
      let list = byNode.get(e);
      if (!list) byNode.set(e, (list = []));
      list.push(i);
    }
  });
  const keep = new Set<number>();
  for (const list of byNode.values()) {
    list.sort((a, b) => weight(pairs[b]!) - weight(pairs[a]!) || a - b);
    for (const i of list.slice(0, k)) keep.add(i);
  }
  return [...keep].sort((a, b) => a - b).map((i) => pairs[i]!);
}

export async function writeSummaries(
  db: Db,
  opts: { onStep?: (step: SummaryStep) => void; steps?: readonly SummaryStep[] } = {},
): Promise<SummaryCounts> {
  const work = db.untimed();
  const steps = new Set(opts.steps ?? SUMMARY_STEPS);
  const counts: SummaryCounts = { links: 0, cooccurs: 0, rankedAccounts: 0, activityDays: 0 };

  if (steps.has('links')) counts.links = await writeLinks(work, opts.onStep);
  if (steps.has('hashtags')) counts.cooccurs = await writeHashtagSummaries(work, opts.onStep);
  if (steps.has('reasons')) counts.rankedAccounts = await writeReasons(work, opts.onStep);
  if (steps.has('activity')) {
    opts.onStep?.('activity');
    counts.activityDays = await writeActivityDays(work);
  }
  return counts;
}

async function writeLinks(work: Db, onStep?: (step: SummaryStep) => void): Promise<number> {
  onStep?.('links');
  const pairs = (await work.read(loadCypher('analysis/summaries/community-pairs'))).map((r) => Pair.parse(r));
  const links = strongestPerNode(
    pairs,
    (p) => [p.source, p.target],
    (p) => p.weight,
    LINKS_PER_COMMUNITY,
  );
  // One transaction: the aggregated view never sees the old links half replaced by the new ones.
  await work.writeTx(async (tx) => {
    await tx.run(loadCypher('analysis/summaries/clear-links'));
    for (let i = 0; i < links.length; i += 10_000) {
      await tx.run(loadCypher('analysis/summaries/write-links'), { rows: links.slice(i, i + 10_000) });
    }
    await tx.run(loadCypher('analysis/summaries/community-scores'));
  }, 'analysis/summaries/links');
  return links.length;
}

async function writeHashtagSummaries(work: Db, onStep?: (step: SummaryStep) => void): Promise<number> {
  onStep?.('hashtags');
  await work.autoCommit(loadCypher('analysis/summaries/hashtag-posts'));
  const tagPairs = (await work.read(loadCypher('analysis/hashtag-cooccurrence'))).map((r) =>
    TagPair.parse(r),
  );
  const cooccurs = strongestPerNode(
    tagPairs,
    (p) => [p.a, p.b],
    (p) => p.posts,
    COOCCURS_PER_HASHTAG,
  );
  await work.autoCommit(loadCypher('analysis/summaries/clear-cooccurs'));
  await writeBatches(work, 'analysis/summaries/write-cooccurs', cooccurs, { concurrency: 1 });
  return cooccurs.length;
}

async function writeReasons(work: Db, onStep?: (step: SummaryStep) => void): Promise<number> {
  onStep?.('reasons');
  const ranked = (await work.read(loadCypher('analysis/summaries/ranked-accounts'))).map((r) =>
    Ranked.parse(r),
  );
  // Equal scores share a rank: 1 + the number of accounts with a strictly higher score.
  const rows = ranked.map((r, i) => ({ id: r.id, rank: 0, score: r.score, i }));
  for (let i = 0; i < rows.length; i++) {
    rows[i]!.rank = i > 0 && rows[i - 1]!.score === rows[i]!.score ? rows[i - 1]!.rank : i + 1;
  }
  await writeBatches(
    work,
    'analysis/summaries/write-reasons',
    rows.map((r) => ({ id: r.id, rank: int(r.rank) })),
    {
      // The reasons of the default weights: the ranking has always explained itself with them.
      extra: { weights: InteractionWeights.parse({}), topInteractions: int(REASONS) },
      concurrency: 2,
    },
  );
  return ranked.length;
}
