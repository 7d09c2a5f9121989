// The aggregated Explore view (issue 15): its reads must not grow with the number of interactions.
// The same shape of graph (40 communities) is generated at 10k and at 200k interactions, analysis's
// stored summaries are written for each, and every statement of the aggregated read is profiled:
// the plans must be the same, with the same bounded rows and database hits, whatever the size.
// The first page of the influencer ranking is checked the same way. The other read paths are checked
// for whole-label scans of the big labels on the larger graph.
import { describe, expect, it } from 'vitest';
import { writeSummaries } from '../../../queries/analysis/summaries.ts';
import { loadCypher } from '../../../queries/cypher.ts';
import { int, type Db, type QueryProfile } from '../../../queries/db.ts';
import { graphView } from '../../../queries/graph.ts';
import { resetGraph, useTestGraph } from '../../helpers/db.ts';

const COMMUNITIES = 40;
const CAP = 500;

/** n accounts (community = i mod 40, score falling with i) and m INTERACTS spread over them. */
async function generate(db: Db, interactions: number): Promise<void> {
  const n = interactions / 10;
  await db.autoCommit(
    `UNWIND range(0, $n - 1) AS i
     CALL (i) {
       CREATE (:Account {id: 'g:' + i, handle: 'g' + i, community: i % $k, score: 1.0 / (i + 1), followers: i})
     } IN TRANSACTIONS OF 10000 ROWS`,
    { n: int(n), k: int(COMMUNITIES) },
  );
  // Deterministic pseudo-random pairs; never an account with itself.
  await db.autoCommit(
    `UNWIND range(0, $m - 1) AS j
     CALL (j) {
       WITH j, (j * 7919) % $n AS s
       WITH s, (s + 1 + (j * 31337) % ($n - 1)) % $n AS t
       MATCH (a:Account {id: 'g:' + s})
       MATCH (b:Account {id: 'g:' + t})
       CREATE (a)-[:INTERACTS {mention: 1, reply: 0, repost: 0, quote: 0, follow: 0, total: 1}]->(b)
     } IN TRANSACTIONS OF 10000 ROWS`,
    { m: int(interactions), n: int(n) },
  );
  await db.write(
    `UNWIND range(0, $k - 1) AS c
     CREATE (:Community {id: c, size: $n / $k, label: '#c' + c, topHashtags: [], topAccounts: ['g:' + c],
                         modularity: 0.01, runId: 'bounded'})`,
    { k: int(COMMUNITIES), n: int(n) },
  );
  // Only the step the aggregated view reads (the others are per account and take minutes at 200k).
  await writeSummaries(db, { steps: ['links'] });
}

const RANKING_PAGE = {
  includeFlagged: false,
  minScore: null,
  community: null,
  role: null,
  region: null,
  specialty: null,
  nearLat: null,
  nearLon: null,
  radiusM: 50_000,
  afterK: null,
  afterId: null,
  limit: int(101),
};

interface Measured {
  view: Awaited<ReturnType<typeof graphView>>;
  profiles: Record<string, QueryProfile>;
}

async function measure(db: Db): Promise<Measured> {
  const view = await graphView(db, { cap: CAP, community: null });
  const nodes = await db.profile(loadCypher('graph/community-nodes'), { cap: int(CAP) });
  const ids = nodes.result.map((r) => r.community);
  return {
    view,
    profiles: {
      // The influencer ranking's first page (no filter): read in the score index's order, it stops
      // once the page is full, whatever the number of accounts.
      ranking: await db.profile(loadCypher('influencers/global'), RANKING_PAGE),
      count: await db.profile(loadCypher('graph/count')),
      nodes,
      links: await db.profile(loadCypher('graph/community-links'), { ids, maxEdges: int(CAP * 8) }),
    },
  };
}

// A Filter's conjuncts as a sorted set: the planner orders and groups them by its current estimates,
// which can differ between two graphs with the same plan (seen twice on fresh CI instances: two
// conjuncts swapped, then the same conjuncts under different brackets). Brackets are dropped, so a
// conjunct compares by its words alone.
const conjuncts = (details: string) =>
  details
    .split(' AND ')
    .map((c) => c.replace(/[()]/g, '').trim())
    .sort()
    .join(' AND ');
const plan = (p: QueryProfile) =>
  p.operators.map(
    (o) => `${o.operator} ${o.operator === 'Filter' ? conjuncts(String(o.details)) : o.details}`,
  );

/** Whole-label scans of the labels that grow with the data (accounts, posts). */
function bigScans(p: QueryProfile): string[] {
  return p.operators
    .filter(
      (o) =>
        o.operator === 'AllNodesScan' ||
        (/NodeByLabelScan/.test(o.operator) && /:(Account|Post)\b/.test(o.details)),
    )
    .map((o) => `${o.operator} ${o.details}`);
}

describe('the aggregated graph read does not grow with the interactions', () => {
  let db: Db;
  useTestGraph((opened) => (db = opened));

  it('has the same plan and the same bounded rows at 10k and 200k interactions', async () => {
    await generate(db, 10_000);
    const small = await measure(db);
    await resetGraph(db);
    await generate(db, 200_000);
    const large = await measure(db);

    for (const m of [small, large]) {
      expect(m.view.aggregated).toBe(true);
      expect(m.view.nodes).toHaveLength(COMMUNITIES);
      expect(m.view.edges.length).toBeGreaterThan(0);
      expect(m.view.edges.length).toBeLessThanOrEqual(CAP * 8);
    }
    expect(small.view.totalAccounts).toBe(1_000);
    expect(large.view.totalAccounts).toBe(20_000);
    // Every member interaction between two communities is in their link's weight.
    const weight = (m: Measured) => m.view.edges.reduce((s, e) => s + e.weight, 0);
    expect(weight(large)).toBeGreaterThan(weight(small) * 10);

    for (const name of ['ranking', 'count', 'nodes', 'links'] as const) {
      const a = small.profiles[name]!;
      const b = large.profiles[name]!;
      console.log(`${name}: rows ${a.rows} -> ${b.rows}, db hits ${a.dbHits} -> ${b.dbHits}`);
      expect(plan(b), name).toEqual(plan(a));
      expect(bigScans(b), name).toEqual([]);
      // 20× the interactions, at most a few percent more work (the kept links can differ slightly).
      expect(b.rows, `${name} rows: ${a.rows} -> ${b.rows}`).toBeLessThanOrEqual(a.rows * 1.1 + 5);
      expect(b.dbHits, `${name} db hits: ${a.dbHits} -> ${b.dbHits}`).toBeLessThanOrEqual(
        a.dbHits * 1.1 + 10,
      );
    }
    // Totals come from the count store: no account is read to count them.
    expect(plan(large.profiles.count!).join('\n')).toContain('NodeCountFromCountStore');

    // The other read paths on the larger graph: indexes, not whole-label scans.
    const topAccounts = await db.profile(loadCypher('graph/top-accounts'), { cap: int(CAP) });
    expect(bigScans(topAccounts)).toEqual([]);
    expect(plan(topAccounts).join('\n')).toMatch(/Account\(score\)/);
    const members = await db.profile(loadCypher('graph/community-accounts'), {
      community: int(3),
      cap: int(CAP),
    });
    expect(bigScans(members)).toEqual([]);
    expect(plan(members).join('\n')).toMatch(/Account\(community\)/);
    for (const [name, params] of [
      ['analysis/list-communities', { limit: int(500) }],
      ['analysis/get-community', { id: int(3) }],
      ['hashtags/top', { limit: int(30), pairs: int(120), spam: false }],
      ['hashtags/cooccurring', { tag: 't1d', limit: int(30), spam: false }],
      ['accounts/get', { id: 'g:7', posts: int(10) }],
      ['accounts/ego', { id: 'g:7', limit: int(50) }],
      ['accounts/paths', { id: 'g:7', maxHops: int(4), limit: int(10) }],
    ] as const) {
      const p = await db.profile(loadCypher(name), params);
      expect(bigScans(p), name).toEqual([]);
    }
  }, 600_000);
});
