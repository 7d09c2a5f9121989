// The time window on the graph views and the exports (issue 14): a small graph whose posts are planted
// just inside and just outside January 2025, plus follows (which have no time), written directly so
// every expected node, edge and weight is known. Checked through queries/ (graph, ego, export), over
// HTTP (the 400s for bad dates) and through the command line (export --since/--until, --help).
//
//   community 0: a1, a2, a3      community 1: b1, b2      community 2: x (follows only)
//   January:   a2 -reply-> a1, a3 -repost-> a1, a1 -mention-> b1 (Jan 31, 18:00), b2 -reply-> b1
//   outside:   a2 -mention-> a3 (Dec 31, 23:59:59), b1 -quote-> a2 (Feb 1, 00:00), a3 -reply-> b2 (Mar 1)
//   follows:   x -> a1, a2 -> b2
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCommunitiesCsv, exportGraph } from '../../../queries/analysis/export.ts';
import { writeSummaries } from '../../../queries/analysis/summaries.ts';
import { loadCypher } from '../../../queries/cypher.ts';
import { int, type Db, type QueryProfile } from '../../../queries/db.ts';
import { graphView, GRAPH_WINDOW_POSTS, type GraphView } from '../../../queries/graph.ts';
import { postWindow } from '../../../queries/window.ts';
import { egoView } from '../../../queries/accounts.ts';
import { runCli } from '../../helpers/cli.ts';
import { signIn, useApi, type Client } from './client.ts';

const ACCOUNTS = [
  { id: 'w:a1', community: 0, score: 0.9 },
  { id: 'w:a2', community: 0, score: 0.5 },
  { id: 'w:a3', community: 0, score: 0.4 },
  { id: 'w:b1', community: 1, score: 0.8 },
  { id: 'w:b2', community: 1, score: 0.3 },
  { id: 'w:x', community: 2, score: 0.1 },
];

// [post id, author, createdAt, relationship type, target]
const POSTS: [string, string, string, string, string][] = [
  ['w:p1', 'w:a2', '2025-01-10T09:00:00Z', 'REPLIES_TO', 'w:a1'],
  ['w:p2', 'w:a3', '2025-01-15T09:00:00Z', 'REPOSTS', 'w:a1'],
  ['w:p3', 'w:a1', '2025-01-31T18:00:00Z', 'MENTIONS', 'w:b1'],
  ['w:p4', 'w:b2', '2025-01-20T09:00:00Z', 'REPLIES_TO', 'w:b1'],
  ['w:p5', 'w:a2', '2024-12-31T23:59:59Z', 'MENTIONS', 'w:a3'],
  ['w:p6', 'w:b1', '2025-02-01T00:00:00Z', 'QUOTES', 'w:a2'],
  ['w:p7', 'w:a3', '2025-03-01T09:00:00Z', 'REPLIES_TO', 'w:b2'],
];
const FOLLOWS: [string, string][] = [
  ['w:x', 'w:a1'],
  ['w:a2', 'w:b2'],
];

async function plant(db: Db): Promise<void> {
  await db.write(
    `UNWIND $accounts AS a
     CREATE (:Account {id: a.id, handle: substring(a.id, 2), community: a.community, score: a.score})`,
    { accounts: ACCOUNTS.map((a) => ({ ...a, community: int(a.community) })) },
  );
  for (const [id, author, at, rel, target] of POSTS) {
    // The relationship type is one of four literals from this file, never input.
    await db.write(
      `MATCH (s:Account {id: $author}), (t:Account {id: $target})
       CREATE (s)-[:POSTED]->(p:Post {id: $id, platform: 'w', createdAt: $at})-[:${rel}]->(t)`,
      { id, author, at, target },
    );
  }
  await db.write(
    `UNWIND $follows AS f
     MATCH (s:Account {id: f[0]}), (t:Account {id: f[1]})
     CREATE (s)-[:FOLLOWS]->(t)`,
    { follows: FOLLOWS },
  );
  // INTERACTS as ingest derives it: per pair and type, follows included.
  await db.write(
    `MATCH (s:Account)-[:POSTED]->(:Post)-[r]->(t:Account)
     WITH s, t, type(r) AS k
     WITH s, t, sum(CASE k WHEN 'MENTIONS' THEN 1 ELSE 0 END) AS mention,
          sum(CASE k WHEN 'REPLIES_TO' THEN 1 ELSE 0 END) AS reply,
          sum(CASE k WHEN 'REPOSTS' THEN 1 ELSE 0 END) AS repost,
          sum(CASE k WHEN 'QUOTES' THEN 1 ELSE 0 END) AS quote
     CREATE (s)-[:INTERACTS {mention: mention, reply: reply, repost: repost, quote: quote, follow: 0,
                             total: mention + reply + repost + quote}]->(t)`,
  );
  await db.write(
    `MATCH (s:Account)-[:FOLLOWS]->(t:Account)
     CREATE (s)-[:INTERACTS {mention: 0, reply: 0, repost: 0, quote: 0, follow: 1, total: 1}]->(t)`,
  );
  await db.write(
    `UNWIND [[0, 3], [1, 2], [2, 1]] AS c
     CREATE (:Community {id: c[0], size: c[1], label: 'c' + c[0], topHashtags: [], topAccounts: [],
                         modularity: 0.3, runId: 'window-test'})`,
  );
  await writeSummaries(db);
}

const JANUARY = { from: '2025-01-01', to: '2025-01-31' };
const ids = (v: { nodes: { id: string }[] }) => v.nodes.map((n) => n.id).sort();
const edges = (v: Pick<GraphView, 'edges'>) =>
  v.edges.map((e) => `${e.source}>${e.target}:${e.weight}`).sort();

describe('the time window on the graph views and exports', () => {
  const suite = useApi({}, { seed: false });
  let db: Db;
  let viewer: Client;
  beforeAll(async () => {
    db = suite.api.db;
    await plant(db);
    viewer = await signIn(suite.api, 'wanda', 'viewer');
  });

  it('without a window, the graph draws every interaction, follows included', async () => {
    const all = await graphView(db, { cap: 100, community: null });
    expect(all.window).toBeNull();
    expect(ids(all)).toEqual(ACCOUNTS.map((a) => a.id).sort());
    expect(edges(all)).toContain('w:x>w:a1:1');
    expect(edges(all)).toContain('w:a2>w:b2:1');
    expect(all.edges).toHaveLength(POSTS.length + FOLLOWS.length);
  });

  it('a window keeps only the interactions of posts created in it, and the accounts that took part', async () => {
    const jan = await graphView(db, { cap: 100, community: null, window: postWindow(JANUARY) });
    // x only follows: a follow has no time, so it is never in a window.
    expect(ids(jan)).toEqual(['w:a1', 'w:a2', 'w:a3', 'w:b1', 'w:b2']);
    // Dec 31 23:59:59 and Feb 1 00:00 are outside; Jan 31 18:00 is inside (a day as `to` is all of it).
    expect(edges(jan)).toEqual(['w:a1>w:b1:1', 'w:a2>w:a1:1', 'w:a3>w:a1:1', 'w:b2>w:b1:1']);
    expect(jan).toMatchObject({ aggregated: false, truncated: false, totalAccounts: 5 });
    expect(jan.window).toEqual({
      from: '2025-01-01T00:00:00Z',
      to: '2025-02-01T00:00:00Z',
      types: ['mention', 'reply', 'repost', 'quote'],
      capped: false,
    });
    // The most active account comes first: a1 took part in three of January's interactions.
    expect(jan.nodes[0]!.id).toBe('w:a1');

    const later = await graphView(db, {
      cap: 100,
      community: null,
      window: postWindow({ from: '2025-02-01' }),
    });
    expect(ids(later)).toEqual(['w:a2', 'w:a3', 'w:b1', 'w:b2']);
    expect(edges(later)).toEqual(['w:a3>w:b2:1', 'w:b1>w:a2:1']);
  });

  it('the type filter keeps only those interactions, with or without dates', async () => {
    const replies = await graphView(db, {
      cap: 100,
      community: null,
      window: postWindow({ ...JANUARY, types: 'reply' }),
    });
    expect(edges(replies)).toEqual(['w:a2>w:a1:1', 'w:b2>w:b1:1']);
    expect(replies.window?.types).toEqual(['reply']);
    const quotes = await graphView(db, { cap: 100, community: null, window: postWindow({ types: 'quote' }) });
    expect(edges(quotes)).toEqual(['w:b1>w:a2:1']);
  });

  it('above the cap, the communities that took part in the window stand in, joined by its interactions', async () => {
    const agg = await graphView(db, { cap: 2, community: null, window: postWindow(JANUARY) });
    expect(agg.aggregated).toBe(true);
    // c0 had three interactions in January (two inside, one to c1), c1 two; c2 (x) none.
    expect(agg.nodes.map((n) => [n.id, n.size])).toEqual([
      ['community:0', 3],
      ['community:1', 2],
    ]);
    expect(edges(agg)).toEqual(['community:0>community:1:1']);
    expect(agg.totalAccounts).toBe(5);

    const one = await graphView(db, { cap: 2, community: 1, window: postWindow(JANUARY) });
    expect(one.aggregated).toBe(false);
    expect(ids(one)).toEqual(['w:b1', 'w:b2']);
    expect(edges(one)).toEqual(['w:b2>w:b1:1']);
  });

  it('the aggregated view of a window comes from the days analysis stored, the same as read live', async () => {
    const dayCount = async () => Number((await db.read('MATCH (d:ActivityDay) RETURN count(d) AS n'))[0]!.n);
    // The planted posts fall on 7 different days; the follows have no day.
    expect(await dayCount()).toBe(7);
    const windows = [
      JANUARY,
      { ...JANUARY, types: 'reply' },
      { from: '2025-01-15', types: 'mention,quote' },
      { to: '2025-01-31' },
      { types: 'mention,reply,repost,quote' },
    ].map((w) => postWindow(w)!);
    const read = () => Promise.all(windows.map((w) => graphView(db, { cap: 1, community: null, window: w })));
    const stored = await read();
    await db.write('MATCH (d:ActivityDay) DELETE d');
    try {
      const live = await read();
      // The live read says whether it hit its post limit; the stored days never do.
      expect(stored).toEqual(live.map((v) => ({ ...v, window: { ...v.window!, capped: false } })));
    } finally {
      await writeSummaries(db, { steps: ['activity'] });
    }
    // Replies in January: a2 -> a1 inside community 0 and b2 -> b1 inside community 1, four accounts.
    expect(stored[1]).toMatchObject({ aggregated: true, truncated: true, totalAccounts: 4 });
    expect(stored[1]!.nodes.map((n) => n.id)).toEqual(['community:0']);
  });

  it('the stored days count whole days: a bound inside a day counts all of it, and the answer says so', async () => {
    const until = postWindow({ from: '2025-01-01', to: '2025-01-31T12:00:00Z' })!;
    const agg = await graphView(db, { cap: 2, community: null, window: until });
    expect(agg.aggregated).toBe(true);
    // a1 -> b1 at 18:00 on Jan 31 is after the bound, but on its day.
    expect(edges(agg)).toEqual(['community:0>community:1:1']);
    expect(agg.window).toMatchObject({ from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' });
    // The accounts view of the same window (under the cap) is exact to the second.
    const exact = await graphView(db, { cap: 100, community: null, window: until });
    expect(edges(exact)).not.toContain('w:a1>w:b1:1');
    expect(exact.window?.to).toBe('2025-01-31T12:00:00Z');
  });

  it('the stored days are read by an index range on the day: one row per day of the window', async () => {
    const p = await db.profile(loadCypher('graph/window-days'), {
      fromDay: '2025-01-01',
      toDay: '2025-02-01',
      limit: int(401),
      activeKeys: ['mention', 'reply', 'repost', 'quote'],
      weightKeys: ['mentionWeight', 'replyWeight', 'repostWeight', 'quoteWeight'],
    });
    const text = p.operators.map((o) => `${o.operator} ${o.details}`).join('\n');
    expect(text).toMatch(/NodeIndexSeekByRange.*ActivityDay\(day\)/);
    expect(text).not.toMatch(/NodeByLabelScan|AllNodesScan/);
    // January has posts on four days (10, 15, 20, 31): four rows, whatever else the graph holds.
    expect(p.result).toHaveLength(4);
  });

  it('the ego network counts the window too', async () => {
    const all = await egoView(db, 'w:a1', 50);
    expect(ids(all!)).toEqual(['w:a1', 'w:a2', 'w:a3', 'w:b1', 'w:x']);
    const jan = await egoView(db, 'w:a1', 50, postWindow(JANUARY));
    expect(ids(jan!)).toEqual(['w:a1', 'w:a2', 'w:a3', 'w:b1']);
    expect(edges(jan!)).toEqual(['w:a1>w:b1:1', 'w:a2>w:a1:1', 'w:a3>w:a1:1']);
    // An account with nothing in the window is still found, alone.
    const quiet = await egoView(db, 'w:x', 50, postWindow(JANUARY));
    expect(quiet?.nodes.map((n) => n.id)).toEqual(['w:x']);
    expect(quiet?.edges).toEqual([]);
  });

  it('the graph and communities exports keep the window: its interactions, and who took part', async () => {
    let graphml = '';
    const g = await exportGraph(db, 'graphml', (c) => (graphml += c), undefined, postWindow(JANUARY));
    expect(g).toEqual({ nodes: 5, edges: 4 });
    expect(graphml).not.toContain('"w:x"');
    expect(graphml).toContain(
      '<edge source="w:a3" target="w:a1"><data key="weight">1.5</data><data key="repost">1</data></edge>',
    );
    expect(graphml).not.toContain('target="w:a3"');
    let gexf = '';
    const x = await exportGraph(db, 'gexf', (c) => (gexf += c), undefined, postWindow(JANUARY));
    expect(x).toEqual({ nodes: 5, edges: 4 });

    let csv = '';
    const rows = await exportCommunitiesCsv(db, (c) => (csv += c), postWindow({ from: '2025-02-01' }));
    expect(rows).toBe(4);
    expect(csv.trim().split('\n').slice(1).sort()).toEqual([
      'w:a2,a2,0',
      'w:a3,a3,0',
      'w:b1,b1,1',
      'w:b2,b2,1',
    ]);
    // Without a window: everyone, follows included.
    let all = '';
    expect(await exportGraph(db, 'graphml', (c) => (all += c))).toEqual({ nodes: 6, edges: 9 });
  });

  it('GET /api/graph and the ego route take from/to/types, and answer 400 naming the field for bad ones', async () => {
    const res = await viewer.fetch('/api/graph?cap=100&from=2025-01-01&to=2025-01-31&types=reply,repost');
    expect(res.status).toBe(200);
    const body = (await res.json()) as GraphView;
    expect(edges(body)).toEqual(['w:a2>w:a1:1', 'w:a3>w:a1:1', 'w:b2>w:b1:1']);
    expect(body.window?.types).toEqual(['reply', 'repost']);

    for (const [query, field] of [
      ['from=yesterday', 'query.from'],
      ['to=2025-13-01', 'query.to'],
      ['from=2025-02-01&to=2025-01-01', 'query.from'],
      ['types=follow', 'query.types'],
    ] as const) {
      for (const route of ['/api/graph', '/api/accounts/w%3Aa1/ego']) {
        const bad = await viewer.fetch(`${route}?${query}`);
        expect(bad.status, `${route}?${query}`).toBe(400);
        const err = (await bad.json()) as { message: string; details: { field: string }[] };
        expect(err.details[0]!.field, `${route}?${query}`).toBe(field);
        expect(err.message).toMatch(new RegExp(`${field.replace('query.', '')}: `));
      }
    }
    const ego = await viewer.fetch('/api/accounts/w%3Aa1/ego?from=2025-01-01&to=2025-01-31');
    expect(ids((await ego.json()) as GraphView)).toEqual(['w:a1', 'w:a2', 'w:a3', 'w:b1']);
    // The influencer ranking has the same 400s (the brief's from=yesterday and from > to).
    const inf = await viewer.fetch('/api/influencers?from=yesterday');
    expect(inf.status).toBe(400);
    expect(((await inf.json()) as { details: { field: string }[] }).details[0]!.field).toBe('query.from');
    const order = await viewer.fetch('/api/influencers?from=2025-03-01&to=2025-01-01');
    expect(order.status).toBe(400);
    expect(((await order.json()) as { details: { field: string }[] }).details[0]!.field).toBe('query.from');
  });

  it('export on the command line takes --since/--until/--types and says so in --help', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'window-export-'));
    const out = path.join(dir, 'jan.graphml');
    const r = await runCli([
      'export',
      'graph',
      '--format',
      'graphml',
      '--since',
      '2025-01-01',
      '--until',
      '2025-01-31',
      '--types',
      'reply',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ nodes: 4, edges: 2, window: { types: ['reply'] } });
    const file = readFileSync(out, 'utf8');
    expect(file).toContain('<edge source="w:a2" target="w:a1">');
    expect(file).toContain('<edge source="w:b2" target="w:b1">');
    expect(file).not.toContain('"w:a3"');

    const bad = await runCli(['export', 'communities', '--since', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since: must be a date/);
    const order = await runCli(['export', 'communities', '--since', '2025-02-01', '--until', '2025-01-01']);
    expect(order.code).toBe(2);
    expect(order.stderr).toMatch(/--since: must be before the end of the period/);

    const help = await runCli(['export', '--help']);
    for (const flag of ['--since', '--until', '--types', 'Follows have no date'])
      expect(help.stdout).toContain(flag);
    const inf = await runCli(['influencers', '--help']);
    for (const flag of ['--since', '--until', '--types', '--min-score', '--include-flagged', '--sort'])
      expect(inf.stdout).toContain(flag);
  }, 120_000);

  it('the windowed read seeks the posts of the window by createdAt, and more posts outside it add no work', async () => {
    const profileJanuary = () =>
      db.profile(loadCypher('graph/window-accounts'), {
        ...postWindow(JANUARY)!,
        community: null,
        cap: int(100),
        maxPosts: int(GRAPH_WINDOW_POSTS),
      });
    const plan = (p: QueryProfile) => p.operators.map((o) => `${o.operator} ${o.details}`);
    const before = await profileJanuary();
    // 2,000 more posts with interactions, all in 2024: outside the window.
    await db.write(
      `UNWIND range(1, 2000) AS i
       MATCH (s:Account {id: 'w:a2'}), (t:Account {id: 'w:b2'})
       CREATE (s)-[:POSTED]->(:Post {id: 'w:old' + i, createdAt: '2024-06-01T00:00:00Z'})-[:MENTIONS]->(t)`,
    );
    const after = await profileJanuary();
    try {
      const text = plan(after).join('\n');
      expect(text).toMatch(/NodeIndexSeekByRange.*Post\(createdAt\)/);
      expect(text).not.toMatch(/AllNodesScan|NodeByLabelScan.*:Post/);
      // The plan starts from the index seek of the window, limited to the newest posts; which side
      // of each post is expanded first may change with the statistics, and makes no difference here.
      for (const p of [before, after]) {
        const ops = plan(p);
        const seek = ops.findIndex((o) => o.startsWith('NodeIndexSeekByRange RANGE INDEX p:Post(createdAt)'));
        expect(seek, ops.join('\n')).toBeGreaterThan(0);
        expect(ops[seek - 1]).toBe('Limit $maxPosts');
      }
      console.log(
        `window-accounts: rows ${before.rows} -> ${after.rows}, db hits ${before.dbHits} -> ${after.dbHits}`,
      );
      // The 2,000 posts outside the window are never read (a few hits of slack for the index pages).
      expect(after.dbHits).toBeLessThanOrEqual(before.dbHits + 20);
      expect(after.rows).toBe(before.rows);
      // The window's answer is unchanged.
      expect(edges(await graphView(db, { cap: 100, community: null, window: postWindow(JANUARY) }))).toEqual([
        'w:a1>w:b1:1',
        'w:a2>w:a1:1',
        'w:a3>w:a1:1',
        'w:b2>w:b1:1',
      ]);
    } finally {
      await db.write(`MATCH (p:Post) WHERE p.id STARTS WITH 'w:old' DETACH DELETE p`);
    }
  });
});
