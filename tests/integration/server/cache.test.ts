// The ranking and account pages are answered from a short-lived cache (server/graph/cache.ts). What
// a user must be able to rely on: a new analysis shows within a second, their own outreach writes
// show at once on the account page, and anything else changed in the graph shows within the cache's
// lifetime.
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, startApi, useApi, type Api, type Client } from './client.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TTL = 5_000;
// The caches' clock: the wall clock plus what a test moves it on, so lifetimes pass without waiting.
let skipped = 0;
const now = () => Date.now() + skipped;
const advance = (ms: number) => {
  skipped += ms;
};

describe('cached rankings and profiles stay honest', () => {
  const suite = useApi({ cache: { ttlMs: TTL, now } });
  let api: Api;
  let viewer: Client;
  let staff: Client;
  const topOf = async (query = 'limit=3') => {
    const res = await viewer.fetch(`/api/influencers?${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()).items as { accountId: string }[]).map((i) => i.accountId);
  };
  const setScore = (id: string, score: number) =>
    api.db.write('MATCH (a:Account {id: $id}) SET a.score = $score', { id, score });

  beforeAll(async () => {
    api = suite.api;
    viewer = await signIn(api, 'cache-viewer', 'viewer');
    staff = await signIn(api, 'cache-staff', 'outreach');
  });

  it('shows a new analysis run within a second, and any other graph change within the cache lifetime', async () => {
    const t = Date.now();
    expect(await topOf()).toEqual(['x:1', 'x:5', 'x:4']);
    // Changed behind the server's back (as a command-line ingest would): the answer is reused...
    await setScore('x:9', 2);
    expect(await topOf()).toEqual(['x:1', 'x:5', 'x:4']);
    expect(Date.now() - t, 'the two requests took longer than the cache lifetime').toBeLessThan(TTL);
    // ...until a new analysis run is recorded, which is seen within a second (the run id's lifetime).
    await api.db.write(
      'CREATE (:AnalysisRun {id: $id, at: $at, params: "{}", counts: "{}", modularity: 0.4, engine: "node"})',
      { id: `cache-test-${Date.now()}`, at: new Date().toISOString() },
    );
    advance(1_100);
    expect(await topOf()).toEqual(['x:9', 'x:1', 'x:5']);

    // Without a new run, the change shows once the cached answer has expired: the first request
    // after that still gets the previous answer (while a fresh one loads), the following ones do not.
    await setScore('x:9', 0.01);
    advance(TTL + 200);
    expect(await topOf()).toEqual(['x:9', 'x:1', 'x:5']);
    let fresh: string[] = [];
    // The refresh runs in the background: wait for it (a bounded poll), not for a clock.
    for (let i = 0; i < 40 && fresh[0] !== 'x:1'; i++) {
      await sleep(50);
      fresh = await topOf();
    }
    expect(fresh).toEqual(['x:1', 'x:5', 'x:4']);
  });

  it('never serves an answer older than its stale limit', async () => {
    const strict = await startApi({ cache: { ttlMs: 300, staleMs: 300, now } });
    try {
      const who = await signIn(strict, 'cache-viewer-2', 'viewer');
      const top = async () =>
        ((await (await who.fetch('/api/influencers?limit=1')).json()).items as { accountId: string }[])[0]
          ?.accountId;
      expect(await top()).toBe('x:1');
      await setScore('x:7', 3);
      advance(400);
      expect(await top()).toBe('x:7');
    } finally {
      await setScore('x:7', 0.25);
      await strict.close();
    }
  });

  it('keys on the filters: another filter is another answer', async () => {
    expect(await topOf('hashtag=bcsm&limit=3')).toEqual(['x:5', 'x:4', 'x:6']);
    expect(await topOf('limit=3&hashtag=%23BCSM')).toEqual(['x:5', 'x:4', 'x:6']);
    expect(await topOf('limit=2')).toEqual(['x:1', 'x:5']);
  });

  it('shows an outreach write on the account page straight away', async () => {
    const profile = async () => (await (await viewer.fetch('/api/accounts/x%3A7')).json()).outreach;
    expect(await profile()).toEqual({ relationship: null, contacts: 0 });
    const contact = await staff.fetch('/api/outreach/contacts', {
      method: 'POST',
      json: { accountId: 'x:7', at: '2025-05-01T09:00:00Z', channel: 'dm', note: 'said hello' },
    });
    expect(contact.status).toBe(201);
    expect(await profile()).toMatchObject({ relationship: { stage: 'contacted' }, contacts: 1 });
    const moved = await staff.fetch('/api/outreach/relationships/x%3A7', {
      method: 'PUT',
      json: { stage: 'responded' },
    });
    expect(moved.status).toBe(200);
    expect(await profile()).toMatchObject({ relationship: { stage: 'responded' }, contacts: 1 });
  });
});
