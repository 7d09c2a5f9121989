// analyze end to end on a graph whose right answers are known (known-graph.ts), against the real
// Neo4j: communities and their nodes, scores, places, specialties, roles, the filters and the reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../queries/db.ts';
import { runAnalysis, type AnalysisSummary } from '../../../queries/analysis/run.ts';
import { findInfluencers, UnknownPlaceError, BadCursorError } from '../../../queries/influencers.ts';
import { getCommunity, listCommunities } from '../../../queries/communities.ts';
import { resetGraph, testDb } from '../../helpers/db.ts';
import { accounts, writeKnownGraph } from './known-graph.ts';

const diabetes = ['x:d0', 'x:d1', 'x:d2', 'x:d3', 'x:d4', 'x:d5', 'x:d6', 'x:d7'];
const cancer = ['x:c0', 'x:c1', 'x:c2', 'x:c3', 'x:c4', 'x:c5'];

async function accountProps(db: Db): Promise<Map<string, Record<string, unknown>>> {
  const rows = await db.read('MATCH (a:Account) RETURN a.id AS id, properties(a) AS p');
  return new Map(rows.map((r) => [r.id as string, r.p as Record<string, unknown>]));
}

describe('analyze on a known graph', () => {
  let db: Db;
  let summary: AnalysisSummary;
  beforeAll(async () => {
    db = testDb();
    await resetGraph(db);
    await writeKnownGraph(db);
    summary = await runAnalysis(db, { seed: 42 });
  });
  afterAll(async () => {
    await resetGraph(db);
    await db.close();
  });

  it('finds the two circles and writes one Community node each, labelled by their hashtags', async () => {
    const props = await accountProps(db);
    const dc = props.get('x:d0')!.community;
    const cc = props.get('x:c0')!.community;
    expect(dc).not.toBe(cc);
    for (const id of diabetes) expect(props.get(id)!.community, id).toBe(dc);
    for (const id of cancer) expect(props.get(id)!.community, id).toBe(cc);
    const communities = await listCommunities(db);
    expect(communities.map((c) => c.id).sort()).toEqual(
      [...new Set([...props.values()].map((p) => p.community))].sort(),
    );
    const d = communities.find((c) => c.id === dc)!;
    expect(d.topHashtags[0]).toBe('t1d');
    expect(d.label).toContain('#t1d');
    expect(d.topAccounts).toContain('x:d0');
    expect(d.runId).toBe(summary.runId);
    const sumQ = communities.reduce((s, c) => s + c.modularity, 0);
    expect(sumQ).toBeCloseTo(summary.modularity, 9);
    expect(summary.modularity).toBeGreaterThan(0.3);
    const detail = await getCommunity(db, d.id);
    expect(detail?.topAccountDetails[0]?.handle).toBeTruthy();
    expect(await getCommunity(db, 987654)).toBeNull();
  });

  it('records the run with its parameters and counts', async () => {
    const [run] = await db.read(
      'MATCH (r:AnalysisRun) RETURN r.id AS id, r.params AS params, r.counts AS counts',
    );
    expect(run?.id).toBe(summary.runId);
    expect(JSON.parse(run!.params as string)).toMatchObject({
      seed: 42,
      resolution: 1,
      weights: { reply: 2 },
    });
    expect(JSON.parse(run!.counts as string)).toMatchObject({ accounts: accounts.length, interactions: 28 });
  });

  it('resolves places offline and counts the ones it cannot place', async () => {
    const props = await accountProps(db);
    expect(props.get('x:d0')).toMatchObject({
      placeName: 'Cambridge',
      placeRegion: 'Massachusetts',
      placeCountry: 'US',
    });
    expect(props.get('x:d5')).toMatchObject({ placeName: 'San Francisco', placeRegion: 'California' });
    expect(props.get('x:d3')).toMatchObject({ placeName: 'Quincy', placeRegion: 'Massachusetts' });
    expect(props.get('x:c4')!.placeName).toBeUndefined();
    expect(summary.counts.placesUnresolved).toBe(2);
    expect(summary.counts.placesResolved).toBe(accounts.length - 2);
  });

  it('derives specialties and roles, and never overwrites a staff override', async () => {
    const props = await accountProps(db);
    expect(props.get('x:d0')!.specialties).toContain('diabetes');
    expect(props.get('x:c0')!.specialties).toContain('cancer');
    expect(props.get('x:d0')!.role).toBe('clinician');
    expect(props.get('x:d2')!.role).toBe('patient_advocate');
    expect(props.get('x:d4')!.role).toBe('researcher');
    expect(props.get('x:c1')!.role).toBe('clinician');
    expect(props.get('x:d7')!.roleOverride).toBe('organisation');
  });

  it('ranks the diabetes voice near Boston first, not the bigger one in San Francisco', async () => {
    const everywhere = await findInfluencers(db, { specialty: 'type 1 diabetes', limit: 3 });
    expect(everywhere.items[0]?.accountId).toBe('x:d5');
    const near = await findInfluencers(db, {
      specialty: 'type 1 diabetes',
      near: 'Boston, MA',
      radiusKm: 50,
    });
    expect(near.items[0]?.accountId).toBe('x:d0');
    const ids = near.items.map((i) => i.accountId);
    expect(ids).not.toContain('x:d5');
    // Worcester is ~60 km from Boston: outside 50 km, inside 80 km.
    expect(ids).not.toContain('x:d6');
    expect(
      (await findInfluencers(db, { specialty: 'diabetes', near: 'Boston, MA', radiusKm: 80 })).items.map(
        (i) => i.accountId,
      ),
    ).toContain('x:d6');
    for (const item of near.items) {
      expect(item.specialties).toContain('diabetes');
      // "type 1 diabetes" is its own specialty now (issue 14), no longer all of diabetes.
      expect(item.why.matched).toContain('specialty type-1-diabetes');
      expect(item.why.matched.some((m) => /km from Boston, MA$/.test(m))).toBe(true);
    }
  });

  it('near a place without a topic keeps exactly the accounts within the radius, best first', async () => {
    // Every scored account with its distance from Boston, as Neo4j measures it.
    const within = (km: number) =>
      db
        .read(
          `MATCH (a:Account) WHERE a.score IS NOT NULL AND a.spamFlag IS NULL AND a.lat IS NOT NULL
             AND point.distance(point({latitude: a.lat, longitude: a.lon}),
                                point({latitude: 42.3601, longitude: -71.0589})) <= $m
           RETURN a.id AS id ORDER BY a.score DESC, a.id`,
          { m: km * 1000 },
        )
        .then((rows) => rows.map((r) => String(r.id)));
    for (const km of [50, 80, 5000]) {
      const page = await findInfluencers(db, { near: 'Boston, MA', radiusKm: km, limit: 100 });
      expect(
        page.items.map((i) => i.accountId),
        `${km} km`,
      ).toEqual(await within(km));
    }
  });

  it('explains a ranking with the top interactions and the community', async () => {
    const { items } = await findInfluencers(db, { near: 'Boston, MA', limit: 1 });
    const top = items[0]!;
    expect(top.accountId).toBe('x:d0');
    // d1 replied 4 times (weight 2 each): the strongest single reason.
    expect(top.why.topInteractions[0]).toEqual({
      accountId: 'x:d1',
      handle: 'beacon_hill_bg',
      type: 'reply',
      count: 4,
    });
    expect(top.why.topInteractions).toHaveLength(3);
    expect(top.why.community?.label).toContain('#t1d');
    expect(top.place).toMatchObject({ name: 'Cambridge', region: 'Massachusetts', country: 'US' });
  });

  it('filters by region, role (overrides included), hashtag and community', async () => {
    const wa = await findInfluencers(db, { region: 'WA' });
    expect(wa.items.map((i) => i.accountId).sort()).toEqual(['x:c0', 'x:c1', 'x:c2', 'x:c3']);
    const orgs = await findInfluencers(db, { role: 'organisation' });
    expect(orgs.items.map((i) => i.accountId)).toEqual(['x:d7']);
    const bcsm = await findInfluencers(db, { hashtag: '#BCSM' });
    expect(bcsm.items.map((i) => i.accountId).sort()).toEqual(['x:c0', 'x:c1', 'x:c2', 'x:c3']);
    expect(bcsm.items[0]?.accountId).toBe('x:c0');
    const c = bcsm.items[0]!.community!;
    const members = await findInfluencers(db, { community: c, limit: 500 });
    const expected = [...(await accountProps(db)).entries()]
      .filter(([, p]) => p.community === c)
      .map(([id]) => id);
    expect(members.items.map((i) => i.accountId).sort()).toEqual(expected.sort());
    // The cancer circle, plus the bridge account if Louvain put it there; no diabetes account.
    for (const id of cancer) expect(expected).toContain(id);
    for (const id of diabetes) expect(expected).not.toContain(id);
    for (const item of members.items) expect(item.why.matched).toContain(`community ${c}`);
  });

  it('pages with an opaque cursor, without gaps or repeats, in score order', async () => {
    const seen: string[] = [];
    const scores: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await findInfluencers(db, { limit: 4, cursor });
      seen.push(...page.items.map((i) => i.accountId));
      scores.push(...page.items.map((i) => i.score));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(accounts.map((a) => a.id).sort());
    expect(new Set(seen).size).toBe(accounts.length);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('refuses an unknown place and a forged cursor with named errors', async () => {
    await expect(findInfluencers(db, { near: 'Xyzzyville, Nowhere' })).rejects.toBeInstanceOf(
      UnknownPlaceError,
    );
    await expect(findInfluencers(db, { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(BadCursorError);
  });

  it('keeps community ids when the membership mostly stays, and gives the same result for the same seed', async () => {
    const before = await accountProps(db);
    await db.write(
      `MATCH (d:Account {id: 'x:d0'})
       CREATE (n:Account {id: 'x:d8', handle: 'new_t1d', bio: 'T1D', location: 'Boston, MA'})
       CREATE (n)-[:INTERACTS {mention: 0, reply: 2, repost: 0, quote: 0, follow: 0, total: 2}]->(d)`,
    );
    const second = await runAnalysis(db, { seed: 42 });
    const after = await accountProps(db);
    for (const id of [...diabetes, ...cancer])
      expect(after.get(id)!.community, id).toBe(before.get(id)!.community);
    expect(after.get('x:d8')!.community).toBe(before.get('x:d0')!.community);
    expect(after.get('x:d7')!.roleOverride).toBe('organisation');
    const third = await runAnalysis(db, { seed: 42 });
    const again = await accountProps(db);
    for (const [id, p] of after) {
      expect(again.get(id)!.community, id).toBe(p.community);
      expect(again.get(id)!.score, id).toBeCloseTo(p.score as number, 12);
    }
    expect(third.modularity).toBeCloseTo(second.modularity, 12);
    const [runs] = await db.read('MATCH (r:AnalysisRun) RETURN count(r) AS n');
    expect(runs?.n).toBe(3);
  });
});
