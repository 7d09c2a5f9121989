// Runs the reads people make first (the rankings, the graph, a community, an account) once, so that
// their first real request does not pay for Neo4j planning the statement and reading its pages from
// disk: on the 1M demo graph right after a restart, the first #health ranking took 2.4 s and the
// next one 0.2 s. Community Edition has no page-cache warm-up of its own. Run at the end of
// `analyze` and when `serve` starts; each read is bounded as the route's is, and a failure only
// costs the warm-up (it is reported, never thrown).
import type { Db } from './db.ts';
import { loadCypher } from './cypher.ts';
import { findInfluencers } from './influencers.ts';
import { graphView } from './graph.ts';
import { accountProfile, egoView } from './accounts.ts';
import { listCommunities } from './communities.ts';
import { hashtagCooccurrence } from './hashtags.ts';

interface WarmUpResult {
  reads: number;
  failed: { read: string; error: string }[];
  ms: number;
}

export async function warmReads(db: Db): Promise<WarmUpResult> {
  const t = performance.now();
  let p: Record<string, unknown> | undefined;
  try {
    [p] = await db.read(loadCypher('warm-up/params'));
  } catch (err) {
    const error = (err as Error)?.message ?? String(err);
    return { reads: 1, failed: [{ read: 'params', error }], ms: Math.round(performance.now() - t) };
  }
  const tag = typeof p?.tag === 'string' ? p.tag : null;
  const community = typeof p?.community === 'number' ? p.community : null;
  const account = typeof p?.account === 'string' ? p.account : null;
  const specialty = typeof p?.specialty === 'string' ? p.specialty : null;
  const place = typeof p?.place === 'string' ? p.place : null;
  const reads: [string, () => Promise<unknown>][] = [
    ['influencers', () => findInfluencers(db, { limit: 50 })],
    ['graph', () => graphView(db, { cap: 2000, community: null, window: null })],
    ['communities', () => listCommunities(db)],
    ['hashtags', () => hashtagCooccurrence(db, { limit: 40 })],
  ];
  // "rising" is a ranking over a window (the last 30 days of data): in this process it also reads the
  // topic's logs into memory (queries/topic-window.ts), which every window ranking in it then sums.
  if (tag) {
    reads.push(['influencers?hashtag', () => findInfluencers(db, { hashtag: tag, limit: 50 })]);
    reads.push([
      'influencers?hashtag&sort=rising',
      () => findInfluencers(db, { hashtag: tag, sort: 'rising', limit: 50 }),
    ]);
  }
  if (specialty) {
    reads.push(['influencers?specialty', () => findInfluencers(db, { specialty, limit: 50 })]);
    reads.push([
      'influencers?specialty&sort=rising',
      () => findInfluencers(db, { specialty, sort: 'rising', limit: 50 }),
    ]);
  }
  if (place) reads.push(['influencers?near', () => findInfluencers(db, { near: place, limit: 50 })]);
  if (community !== null) {
    reads.push(['graph?community', () => graphView(db, { cap: 2000, community, window: null })]);
  }
  if (account) {
    reads.push(['account', () => accountProfile(db, account)]);
    reads.push(['ego', () => egoView(db, account, 50)]);
  }
  const failed: WarmUpResult['failed'] = [];
  // One at a time: the warm-up shares the machine with whatever else the server is doing.
  for (const [read, run] of reads) {
    try {
      await run();
    } catch (err) {
      failed.push({ read, error: (err as Error)?.message ?? String(err) });
    }
  }
  return { reads: reads.length, failed, ms: Math.round(performance.now() - t) };
}
