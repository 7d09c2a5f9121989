// Topic influence end to end on the real Neo4j: a generated graph loaded through the ingest pipeline
// (canonical CSV), analysed, then ranked by topic, by time window and by "rising".
//
// The planted answer: two hubs (@hub_news, @hub_health) get most of the attention in the whole graph
// and each posted #t1d a few times, but nobody in #t1d answered them. Three planted voices get the
// replies and reposts of #t1d posts: @t1d_nurse (all year), @t1d_dad (January only) and @t1d_teen
// (March only, so she is the one rising in March). @t2d_coach is the voice of #t2d only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../queries/db.ts';
import { connectionFromEnv, openDb } from '../../../queries/connection.ts';
import { Invalid } from '../../../queries/errors.ts';
import { runAnalysis, type AnalysisSummary } from '../../../queries/analysis/run.ts';
import { findInfluencers } from '../../../queries/influencers.ts';
import { distanceKm, lookupPlace } from '../../../queries/geo/resolve.ts';
import { useTestGraph } from '../../helpers/db.ts';
import { load } from '../ingest/load.ts';

const handles = (items: { handle: string | null }[]) => items.map((i) => i.handle);

interface Edge {
  source: string;
  target: string;
  type: string;
  at: string;
  tags: string;
}

function plantedGraph(): { accounts: string; edges: string } {
  const accounts = [
    ['hub_news', 'Health news every hour', 'Boston, MA'],
    ['hub_health', 'Everything health', 'New York, NY'],
    ['t1d_nurse', 'Pediatric nurse, T1D since 1990', 'Cambridge, MA'],
    ['t1d_dad', 'Type 1 diabetes dad', 'Boston, MA'],
    ['t1d_teen', 'T1D teen, looping', 'Seattle, WA'],
    ['t2d_coach', 'Type 2 diabetes coach', 'Houston, TX'],
  ];
  const fans = Array.from({ length: 24 }, (_, i) => `fan${String(i).padStart(2, '0')}`);
  // fan00-07 live near Boston: the "local" sources of the Boston voices.
  for (const [i, f] of fans.entries()) {
    accounts.push([f, 'just here', i < 8 ? 'Somerville, MA' : 'Denver, CO']);
  }
  const edges: Edge[] = [];
  let n = 0;
  const day = (month: number, d: number, h = 12) =>
    new Date(Date.UTC(2025, month - 1, d, h, n % 60, 0)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const e = (source: string, target: string, type: string, at: string, tags: string) => {
    n++;
    edges.push({ source, target, type, at, tags });
  };
  // Everyone mentions the hubs in general posts, all year: they are the globally central accounts.
  for (const [i, f] of fans.entries()) {
    for (let k = 0; k < 4; k++) {
      e(f, 'hub_news', 'mention', day(1 + ((i + k) % 3), 1 + k), 'health news');
      e(f, 'hub_health', 'repost', day(1 + ((i + k) % 3), 5 + k), 'health');
    }
  }
  for (let k = 0; k < 5; k++) {
    e('hub_news', 'hub_health', 'mention', day(2, 2 + k), 'health');
    e('hub_health', 'hub_news', 'mention', day(2, 3 + k), 'health');
  }
  // The hubs post #t1d three times each (mentioning a few fans), but no #t1d post answers them.
  for (const [k, f] of ['fan20', 'fan21', 'fan22'].entries()) {
    e('hub_news', f, 'mention', day(2, 10 + k), 't1d');
    e('hub_health', f, 'mention', day(2, 14 + k), 't1d');
  }
  // The #t1d conversation.
  for (const [i, f] of fans.slice(0, 12).entries()) {
    e(f, 't1d_nurse', 'reply', day(1 + (i % 3), 10 + i), 't1d');
    e(f, 't1d_nurse', 'repost', day(1 + (i % 3), 11 + i), 't1d diabetes');
  }
  for (const f of fans.slice(4, 12)) e(f, 't1d_dad', 'reply', day(1, 20), 't1d');
  for (const f of fans.slice(12, 22)) e(f, 't1d_teen', 'repost', day(3, 15), 't1d');
  e('t1d_nurse', 't1d_teen', 'quote', day(3, 16), 't1d');
  // #t2d has its own voice.
  for (const f of fans.slice(14, 24)) e(f, 't2d_coach', 'reply', day(2, 20), 't2d');
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return {
    accounts: ['id,handle,name,bio,location']
      .concat(accounts.map(([h, bio, loc]) => [h, h, h, bio, loc].map((v) => q(v!)).join(',')))
      .join('\n'),
    edges: ['source,target,type,timestamp,post_id,hashtags']
      .concat(edges.map((x, i) => [x.source, x.target, x.type, x.at, `p${i}`, x.tags].map(q).join(',')))
      .join('\n'),
  };
}

describe('topic influence on a planted graph', () => {
  let db: Db;
  let summary: AnalysisSummary;
  useTestGraph((opened) => (db = opened), {
    fill: async (d) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'planted-topic-'));
      const g = plantedGraph();
      writeFileSync(path.join(dir, 'accounts.csv'), g.accounts);
      writeFileSync(path.join(dir, 'edges.csv'), g.edges);
      const loaded = await load(d, [path.join(dir, 'accounts.csv'), path.join(dir, 'edges.csv')]);
      expect(loaded.rejects).toEqual([]);
      summary = await runAnalysis(d, { seed: 42 });
    },
  });

  beforeAll(() => {
    expect(summary.counts.topicsScored).toBeGreaterThan(10);
  });

  it('the hubs are the globally central accounts', async () => {
    const global = await findInfluencers(db, { limit: 2 });
    expect(handles(global.items).sort()).toEqual(['csv:hub_health', 'csv:hub_news'].map((h) => h.slice(4)));
  });

  it('ranks #t1d by who the conversation listens to, not by global fame', async () => {
    const { items } = await findInfluencers(db, { hashtag: '#T1D', limit: 50 });
    expect(handles(items).slice(0, 3)).toEqual(['t1d_nurse', 't1d_teen', 't1d_dad']);
    // The hubs used #t1d, so they are listed, but after every voice, with no topic score.
    const hubs = items.filter((i) => i.handle?.startsWith('hub_'));
    expect(hubs).toHaveLength(2);
    for (const h of hubs) {
      expect(h.rank).toBeGreaterThan(3);
      expect(h.topic?.score).toBeNull();
      expect(h.why.summary[0]).toMatch(/^no attention in #t1d yet/);
    }
    const nurse = items[0]!;
    expect(nurse.topic).toMatchObject({
      key: 'hashtag:t1d',
      counts: { reply: 12, repost: 12, mention: 0, quote: 0 },
      sources: 12,
    });
    // fan00-07 are in Somerville, a few km from the nurse in Cambridge.
    expect(nurse.topic!.localSources).toBe(8);
    expect(nurse.why.summary[0]).toBe('12 reposts and 12 replies in #t1d, from 12 accounts, 8 of them local');
    expect(nurse.why.summary[1]).toMatch(/^#1 of \d+: top \d+ % of #t1d voices$/);
  });

  it('keeps type 1 and type 2 diabetes apart, and specialties rank by their conversation too', async () => {
    const t1 = await findInfluencers(db, { specialty: 'type 1 diabetes', limit: 3 });
    expect(handles(t1.items)).toEqual(['t1d_nurse', 't1d_teen', 't1d_dad']);
    const t2 = await findInfluencers(db, { specialty: 'type 2 diabetes', limit: 1 });
    expect(handles(t2.items)).toEqual(['t2d_coach']);
    expect(t2.items[0]!.topic?.key).toBe('specialty:type-2-diabetes');
  });

  it('narrows a topic to a place, with the percentile in that context', async () => {
    const { items } = await findInfluencers(db, { hashtag: 't1d', near: 'Boston, MA', radiusKm: 50 });
    const voices = items.filter((i) => i.topic?.score !== null);
    expect(handles(voices)).toEqual(['t1d_nurse', 't1d_dad']);
    expect(items[0]!.why.summary[1]).toMatch(
      /^#1 of \d+: top \d+ % of #t1d voices within 50 km of Boston, MA$/,
    );
  });

  it('ranks a time window by the attention inside it', async () => {
    const march = await findInfluencers(db, { hashtag: 't1d', from: '2025-03-01', to: '2025-03-31' });
    expect(handles(march.items)[0]).toBe('t1d_teen');
    expect(handles(march.items)).not.toContain('t1d_dad'); // all of his attention came in January
    const teen = march.items[0]!;
    expect(teen.window).toMatchObject({ from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' });
    expect(teen.window!.counts).toEqual({ mention: 0, reply: 0, repost: 10, quote: 1 });
    expect(teen.why.summary[0]).toBe(
      '10 reposts and 1 quote in #t1d from 2025-03-01 to 2025-03-31, from 11 accounts, 0 of them local',
    );
    const january = await findInfluencers(db, { hashtag: 't1d', from: '2025-01-01', to: '2025-01-31' });
    expect(handles(january.items)).toContain('t1d_dad');
    expect(handles(january.items)).not.toContain('t1d_teen');
  });

  it('ranks a time window near a place as the same window ranking kept to the accounts in reach', async () => {
    // Near a place the window is read from the accounts in reach, not from the window's posts: both
    // ways must give the same accounts, order, counts and sources. The place as the ranking resolves it.
    const place = lookupPlace('Boston, MA');
    if (!place || 'ambiguous' in place || place.lat === null || place.lon === null) {
      throw new Error('the gazetteer has no single Boston, MA');
    }
    const boston = { lat: place.lat, lon: place.lon };
    for (const topic of [{ hashtag: 't1d' }, {}]) {
      const window = { ...topic, from: '2025-01-01', to: '2025-03-31', limit: 500 };
      const everywhere = await findInfluencers(db, window);
      const near = await findInfluencers(db, { ...window, near: 'Boston, MA', radiusKm: 50 });
      const inReach = everywhere.items.filter(
        (i) =>
          i.place?.lat != null &&
          i.place.lon != null &&
          distanceKm(boston.lat, boston.lon, i.place.lat, i.place.lon) <= 50,
      );
      expect(inReach.length, JSON.stringify(topic)).toBeGreaterThan(1);
      expect(near.items.map((i) => [i.handle, i.window])).toEqual(inReach.map((i) => [i.handle, i.window]));
    }
  });

  it("sums a window ranking in a stored topic from the logs analysis kept, the live read's answer", async () => {
    // queries/topic-window.ts answers from each voice's stored log; with the topic's `logged` flag
    // removed the same requests are read live from the posts. Both must give the same pages.
    const cases: Parameters<typeof findInfluencers>[1][] = [];
    for (const topic of [{ hashtag: 't1d' }, { specialty: 'type 1 diabetes' }, { hashtag: 'health' }])
      for (const window of [
        { from: '2025-01-01', to: '2025-03-31' },
        { from: '2025-02-01', to: '2025-02-28' },
        { from: '2025-01-10T12:00:00Z', to: '2025-03-15T11:59:59Z' },
        { sort: 'rising' as const },
        { types: 'reply,quote' },
      ])
        for (const place of [{}, { near: 'Boston, MA', radiusKm: 50 }])
          for (const sort of [{}, { sort: 'score' as const }, { sort: 'localReach' as const }])
            cases.push({ ...topic, ...window, ...place, ...sort, limit: 500 });
    // The filters, read from the logs (score, community, spam flag) or from Neo4j (role, region).
    const t1d = { hashtag: 't1d', from: '2025-01-01', to: '2025-03-31', limit: 500 };
    cases.push(
      { ...t1d, minScore: 0.05 },
      { ...t1d, community: 0 },
      { ...t1d, community: 1 },
      { ...t1d, includeFlagged: true },
      { ...t1d, region: 'MA' },
      { ...t1d, role: 'other' },
      { ...t1d, near: 'Boston, MA', radiusKm: 10, region: 'MA' },
    );
    const read = async () => {
      const pages = [];
      for (const c of cases) pages.push(await findInfluencers(db, c));
      // And a page after the first, through the cursor.
      const first = await findInfluencers(db, {
        hashtag: 't1d',
        from: '2025-01-01',
        to: '2025-03-31',
        limit: 2,
      });
      pages.push(
        await findInfluencers(db, {
          hashtag: 't1d',
          from: '2025-01-01',
          to: '2025-03-31',
          limit: 2,
          cursor: first.next!,
        }),
      );
      return pages;
    };
    const stored = await read();
    expect(stored.filter((p) => p.items.length > 0).length).toBeGreaterThan(cases.length / 2);
    const keys = ['hashtag:t1d', 'specialty:type-1-diabetes', 'hashtag:health'];
    const [flags] = await db.read('MATCH (t:Topic) WHERE t.key IN $keys RETURN collect(t.logged) AS logged', {
      keys,
    });
    expect(flags!.logged).toEqual([true, true, true]);
    await db.write('MATCH (t:Topic) WHERE t.key IN $keys REMOVE t.logged', { keys });
    try {
      const live = await read();
      expect(stored).toEqual(live);
    } finally {
      await db.write('MATCH (t:Topic) WHERE t.key IN $keys SET t.logged = true', { keys });
    }
  });

  it('finds who is rising: attention in the window against the window before it', async () => {
    const rising = await findInfluencers(db, {
      hashtag: 't1d',
      from: '2025-03-01',
      to: '2025-03-31',
      sort: 'rising',
    });
    expect(handles(rising.items)[0]).toBe('t1d_teen');
    const teen = rising.items[0]!;
    expect(teen.window!.previous).toBe(0);
    expect(teen.window!.rising).toBe(teen.window!.attention);
    expect(teen.why.summary[1]).toMatch(
      /^up from 0 to [\d.]+ weighted interactions against the 31 days before$/,
    );
  });

  it('filters by interaction type', async () => {
    const replies = await findInfluencers(db, { hashtag: 't1d', types: 'reply' });
    // The teen got reposts and a quote only.
    expect(handles(replies.items)).toEqual(['t1d_nurse', 't1d_dad']);
    expect(replies.items[0]!.window!.counts).toEqual({ mention: 0, reply: 12, repost: 0, quote: 0 });
  });

  it('scores a hashtag analysis did not cover on request, and keeps it for the run', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'planted-late-'));
    const edges = ['source,target,type,timestamp,post_id,hashtags']
      .concat(
        ['fan01', 'fan02', 'fan03'].map(
          (f, i) => `${f},t1d_dad,reply,2025-04-0${i + 1}T10:00:00Z,late${i},latetag`,
        ),
      )
      .join('\n');
    writeFileSync(path.join(dir, 'edges.csv'), edges);
    await load(db, [path.join(dir, 'edges.csv')]);
    const first = await findInfluencers(db, { hashtag: 'latetag' });
    expect(handles(first.items)[0]).toBe('t1d_dad');
    expect(first.items[0]!.topic).toMatchObject({ key: 'hashtag:latetag', sources: 3 });
    const [stored] = await db.read(
      'MATCH (t:Topic {key: "hashtag:latetag"}) MATCH (r:AnalysisRun) RETURN t.runId AS topicRun, max(r.id) AS any, count(r) AS runs',
    );
    expect(stored!.runs).toBe(1);
    expect(stored!.topicRun).toBe(summary.runId);
  });

  it('refuses an unknown specialty with the nearest known ones, and treats prototype names as words', async () => {
    await expect(findInfluencers(db, { specialty: 'diabtes' })).rejects.toThrow(
      /^specialty: "diabtes" is not a known specialty; did you mean "diabetes"/,
    );
    for (const word of ['constructor', 'toString', '__proto__']) {
      await expect(findInfluencers(db, { specialty: word })).rejects.toBeInstanceOf(Invalid);
    }
  });

  it('leaves accounts flagged as spam out unless asked, and sorts by local reach', async () => {
    // What the spam/bot phase (another analysis module) writes; set directly here.
    await db.write(
      `MATCH (a:Account {handle: 't1d_teen'}) SET a.spamFlag = 'templated bio', a.localReach = 0.1
       WITH 1 AS x MATCH (b:Account {handle: 't1d_dad'}) SET b.localReach = 0.9
       WITH 1 AS x MATCH (c:Account {handle: 't1d_nurse'}) SET c.localReach = 0.5`,
    );
    try {
      const clean = await findInfluencers(db, { hashtag: 't1d' });
      expect(handles(clean.items)).not.toContain('t1d_teen');
      const all = await findInfluencers(db, { hashtag: 't1d', includeFlagged: 'true' });
      const teen = all.items.find((i) => i.handle === 't1d_teen')!;
      expect(teen.spamFlag).toBe('templated bio');
      expect(teen.why.summary).toContain('flagged: templated bio');
      const byReach = await findInfluencers(db, { hashtag: 't1d', sort: 'localReach', limit: 2 });
      expect(handles(byReach.items)).toEqual(['t1d_dad', 't1d_nurse']);
      expect(byReach.items[0]!.localReach).toBe(0.9);
    } finally {
      await db.write('MATCH (a:Account) REMOVE a.spamFlag, a.localReach');
    }
  });

  it("keeps a topic's logs for every view of the connection, so an analysis job's warm-up serves the server", async () => {
    // The server's Db has a read timeout; analysis jobs work through its untimed() view. A window
    // ranking read through the view must leave the topic's logs where the server's own requests find
    // them: with the stored logs removed afterwards, the server's Db still answers from memory.
    const server = openDb(connectionFromEnv(), undefined, undefined, 15_000);
    const job = server.untimed();
    expect(job).not.toBe(server);
    const window = { hashtag: 't1d', from: '2025-01-01', to: '2025-03-31' };
    const saved = await db.read(
      'MATCH (:Topic {key: "hashtag:t1d"})<-[ts:TOPIC_SCORE]-() RETURN elementId(ts) AS id, ts.log AS log',
    );
    try {
      const fromJob = await findInfluencers(job, window);
      expect(fromJob.items.length).toBeGreaterThan(1);
      await db.write('MATCH (:Topic {key: "hashtag:t1d"})<-[ts:TOPIC_SCORE]-() REMOVE ts.log');
      expect(await findInfluencers(server, window)).toEqual(fromJob);
    } finally {
      await db.write('UNWIND $saved AS s MATCH ()-[ts]->() WHERE elementId(ts) = s.id SET ts.log = s.log', {
        saved,
      });
      await server.close();
    }
  });

  it('pages a topic ranking without gaps or repeats', async () => {
    const all = await findInfluencers(db, { hashtag: 't1d', limit: 500 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await findInfluencers(db, { hashtag: 't1d', limit: 2, cursor });
      seen.push(...page.items.map((i) => i.accountId));
      page.items.forEach((i, k) => expect(i.rank).toBe(seen.length - page.items.length + k + 1));
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.accountId));
  });
});
