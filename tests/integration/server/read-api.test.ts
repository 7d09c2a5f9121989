import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, useApi, type Api, type Client } from './client.ts';

describe('read API over HTTP on a small graph', () => {
  const suite = useApi();
  let api: Api;
  let viewer: Client;
  let outreach: Client;
  beforeAll(async () => {
    api = suite.api;
    viewer = await signIn(api, 'vera', 'viewer');
    outreach = await signIn(api, 'otto', 'outreach');
  });

  it('GET /api/accounts/:id gives profile, rank, explanation, top hashtags, recent posts and outreach state', async () => {
    const res = await viewer.fetch('/api/accounts/x%3A1');
    expect(res.status).toBe(200);
    const p = await res.json();
    expect(p.account).toMatchObject({
      id: 'x:1',
      handle: 'T1DAdvocate',
      name: 'Ana Rivera',
      specialties: ['diabetes'],
    });
    expect(p.scores).toMatchObject({ score: 0.9, rank: 1 });
    expect(p.community).toEqual({ id: 0, label: '#t1d', size: 4 });
    expect(p.topHashtags[0]).toEqual({ tag: 't1d', count: 3 });
    expect(p.topHashtags.map((h: { tag: string }) => h.tag).sort()).toEqual([
      'diabetes',
      'insulin4all',
      't1d',
    ]);
    expect(p.recentPosts.map((x: { id: string }) => x.id)).toEqual(['x:p3', 'x:p2', 'x:p1']);
    expect(p.interactions).toEqual({ inAccounts: 2, inTotal: 8, outAccounts: 2, outTotal: 3 });
    expect(p.explanation.join(' ')).toMatch(/ranked #1/);
    expect(p.explanation.join(' ')).toMatch(/2 accounts interacted with it 8 times/);
    expect(p.outreach).toEqual({ relationship: null, contacts: 0 });

    const rank5 = await (await viewer.fetch('/api/accounts/x%3A5')).json();
    expect(rank5.scores.rank).toBe(2);
  });

  it('answers 404 naming the id for an unknown account, 400 for a malformed one', async () => {
    const missing = await viewer.fetch('/api/accounts/x%3A404');
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toContain('x:404');
    const bad = await viewer.fetch('/api/accounts/nocolon');
    expect(bad.status).toBe(400);
    expect((await bad.json()).details[0].field).toBe('params.id');
  });

  it('GET /api/accounts/:id/ego returns the neighbours and the edges among them', async () => {
    const ego = await (await viewer.fetch('/api/accounts/x%3A1/ego')).json();
    expect(ego.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['x:1', 'x:2', 'x:3', 'x:4']);
    expect(ego.edges).toContainEqual({ source: 'x:2', target: 'x:1', weight: 5 });
    expect(ego.edges).toContainEqual({ source: 'x:1', target: 'x:3', weight: 1 });
    expect(ego.edges.some((e: { target: string }) => e.target === 'x:5')).toBe(false);
    const top2 = await (await viewer.fetch('/api/accounts/x%3A1/ego?limit=2')).json();
    // The two strongest partners: x:2 (5) and x:3 (3 + 1).
    expect(top2.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['x:1', 'x:2', 'x:3']);
  });

  it('GET /api/accounts/:id/paths finds warm introductions from responded and partner accounts only', async () => {
    const none = await (await viewer.fetch('/api/accounts/x%3A6/paths')).json();
    expect(none.items).toEqual([]);
    for (const [id, stage] of [
      ['x:2', 'partner'],
      ['x:3', 'contacted'],
      ['x:9', 'responded'],
    ] as const) {
      const r = await outreach.fetch(`/api/outreach/relationships/${encodeURIComponent(id)}`, {
        method: 'PUT',
        json: { stage },
      });
      expect(r.status).toBe(200);
    }
    const res = await (await viewer.fetch('/api/accounts/x%3A6/paths')).json();
    // x:2 → x:1 → x:4 → x:5 → x:6 against the edge directions: interactions count either way.
    expect(res.items).toHaveLength(1);
    expect(res.items[0]).toMatchObject({ stage: 'partner', hops: 4 });
    expect(res.items[0].accounts.map((a: { id: string }) => a.id)).toEqual([
      'x:2',
      'x:1',
      'x:4',
      'x:5',
      'x:6',
    ]);
    const short = await (await viewer.fetch('/api/accounts/x%3A6/paths?maxHops=3')).json();
    expect(short.items).toEqual([]);
  });

  it('GET /api/influencers ranks by score with reasons, filters and pages', async () => {
    const res = await viewer.fetch('/api/influencers?limit=3');
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.items.map((i: { accountId: string }) => i.accountId)).toEqual(['x:1', 'x:5', 'x:4']);
    expect(page.items[0]).toMatchObject({ handle: 'T1DAdvocate', score: 0.9, community: 0 });
    expect(page.items[0].why.topInteractions[0]).toMatchObject({
      accountId: 'x:2',
      type: 'mention',
      count: 5,
    });
    expect(page.next).toEqual(expect.any(String));
    const next = await (await viewer.fetch(`/api/influencers?limit=3&cursor=${page.next}`)).json();
    expect(next.items.map((i: { accountId: string }) => i.accountId)).toEqual(['x:2', 'x:3', 'x:6']);
    const bcsm = await (await viewer.fetch('/api/influencers?hashtag=%23bcsm')).json();
    expect(bcsm.items.map((i: { accountId: string }) => i.accountId)).toEqual(['x:5', 'x:4', 'x:6']);
    const c1 = await (await viewer.fetch('/api/influencers?community=1')).json();
    expect(c1.items.map((i: { accountId: string }) => i.accountId)).toEqual(['x:5', 'x:6', 'x:7']);
  });

  it('GET /api/influencers answers 400 naming the field for an unknown place or a bad cursor', async () => {
    const place = await viewer.fetch('/api/influencers?near=Nowhere%20Special%2C%20ZZ');
    expect(place.status).toBe(400);
    expect((await place.json()).details[0].field).toBe('query.near');
    const cursor = await viewer.fetch('/api/influencers?cursor=garbage');
    expect(cursor.status).toBe(400);
    expect((await cursor.json()).details[0].field).toBe('query.cursor');
    const limit = await viewer.fetch('/api/influencers?limit=0');
    expect(limit.status).toBe(400);
    expect((await limit.json()).details[0].field).toBe('query.limit');
  });

  it('GET /api/influencers answers an unknown specialty with the nearest known ones, prototype names included', async () => {
    const typo = await viewer.fetch('/api/influencers?specialty=cardiolgy');
    expect(typo.status).toBe(400);
    const body = await typo.json();
    expect(body.details[0]).toMatchObject({ field: 'query.specialty' });
    expect(body.details[0].suggestions).toContain('cardiology');
    for (const word of ['constructor', 'toString', '__proto__']) {
      const r = await viewer.fetch(`/api/influencers?specialty=${word}`);
      expect(r.status, word).toBe(400);
      expect((await r.json()).details[0].field).toBe('query.specialty');
    }
    const from = await viewer.fetch('/api/influencers?from=last%20week');
    expect(from.status).toBe(400);
    expect((await from.json()).details[0].field).toBe('query.from');
    const order = await viewer.fetch('/api/influencers?from=2025-03-01&to=2025-01-01');
    expect(order.status).toBe(400);
    expect((await order.json()).details[0].field).toBe('query.from');
    const types = await viewer.fetch('/api/influencers?types=follow');
    expect(types.status).toBe(400);
    expect((await types.json()).details[0].field).toBe('query.types');
  });

  it('GET /api/communities and /api/communities/:id', async () => {
    const list = await (await viewer.fetch('/api/communities')).json();
    expect(list.items.map((c: { id: number; size: number }) => [c.id, c.size])).toEqual([
      [0, 4],
      [1, 3],
      [2, 1],
    ]);
    const one = await (await viewer.fetch('/api/communities/1')).json();
    expect(one).toMatchObject({
      id: 1,
      label: '#bcsm',
      topAccountDetails: [{ accountId: 'x:5', handle: 'bcsm_onc' }],
    });
    expect((await viewer.fetch('/api/communities/99')).status).toBe(404);
    expect((await viewer.fetch('/api/communities/abc')).status).toBe(400);
  });

  it('GET /api/hashtags gives usage and co-occurrence', async () => {
    const all = await (await viewer.fetch('/api/hashtags')).json();
    expect(all.items[0]).toEqual({ tag: 't1d', posts: 5 });
    expect(all.pairs).toContainEqual({ a: 'diabetes', b: 't1d', count: 2 });
    expect(all.pairs).toContainEqual({ a: 'bcsm', b: 't1d', count: 1 });
    const one = await (await viewer.fetch('/api/hashtags?tag=%23T1D')).json();
    expect(one.items).toEqual([{ tag: 't1d', posts: 5 }]);
    expect(one.pairs[0]).toEqual({ a: 't1d', b: 'diabetes', count: 2 });
  });

  it('GET /api/graph returns accounts under the cap, community super-nodes above it, one community on request', async () => {
    const full = await (await viewer.fetch('/api/graph?cap=100')).json();
    expect(full).toMatchObject({ aggregated: false, truncated: false, totalAccounts: 8 });
    expect(full.nodes).toHaveLength(8);
    expect(full.nodes.find((n: { id: string }) => n.id === 'x:2')).toMatchObject({
      label: 'pumpmom',
      community: 0,
      score: 0.4,
      stage: 'partner',
      kind: 'account',
    });
    expect(full.edges).toHaveLength(7);

    const agg = await (await viewer.fetch('/api/graph?cap=5')).json();
    expect(agg.aggregated).toBe(true);
    expect(agg.nodes.map((n: { id: string; size: number }) => [n.id, n.size])).toEqual([
      ['community:0', 4],
      ['community:1', 3],
      ['community:2', 1],
    ]);
    expect(agg.nodes[0].label).toBe('#t1d');
    expect(agg.edges).toEqual([{ source: 'community:0', target: 'community:1', weight: 4 }]);

    const one = await (await viewer.fetch('/api/graph?cap=5&community=1')).json();
    expect(one.aggregated).toBe(false);
    expect(one.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['x:5', 'x:6', 'x:7']);
    const capped = await (await viewer.fetch('/api/graph?cap=2&community=0')).json();
    expect(capped).toMatchObject({ aggregated: false, truncated: true, totalAccounts: 4 });
    expect(capped.nodes.map((n: { id: string }) => n.id)).toEqual(['x:1', 'x:4']);
  });
});
