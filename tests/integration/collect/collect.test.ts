// Collecting through a local replay server: exact graph after a full run, a resumed run and a
// repeated run, for each platform; the archive replays into a fresh database with `ingest`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../queries/db.ts';
import { setIdentity } from '../../../queries/identity.ts';
import { listWatches } from '../../../queries/watches.ts';
import { resetGraph, useTestGraph } from '../../helpers/db.ts';
import { graphState, derivedMismatches } from '../ingest/state.ts';
import { load } from '../ingest/load.ts';
import {
  addWatch,
  archiveDir,
  fakeClock,
  ingestFixture,
  MASTO_STATUSES,
  run,
  startWorld,
  type World,
} from './setup.ts';

let db: Db;
let world: World;
useTestGraph((opened) => (db = opened));
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.replay.close());
beforeEach(async () => {
  await resetGraph(db);
  world.mastodonVisible = MASTO_STATUSES;
  world.replay.requests.length = 0;
  world.replay.auth.length = 0;
});

const none = { mention: 0, reply: 0, repost: 0, quote: 0, follow: 0 };

/** The graph one `ingest` of these files gives, in a database emptied first. */
async function ingested(files: string[]) {
  await resetGraph(db);
  await load(db, files);
  return graphState(db);
}

describe('Mastodon account timeline', { timeout: 300_000 }, () => {
  const watch = () =>
    addWatch(db, {
      platform: 'mastodon',
      kind: 'account',
      target: 'schochastics@fosstodon.org',
      baseUrl: world.replay.base,
    });

  it('a full run pages to the end and gives the graph of one ingest of the same statuses', async () => {
    const id = await watch();
    const r = await run(db, id, fakeClock());
    // The lookup page, then 20 statuses in pages of 8.
    expect(r).toMatchObject({
      status: 'done',
      complete: true,
      pages: 4,
      posts: 20,
      rejected: 0,
      error: null,
    });
    const state = await graphState(db);
    // Hand count in tests/integration/ingest/sources.test.ts: 16 accounts, 3 tags, 9 replies, 11 mentions.
    expect(state.stats).toEqual({
      accounts: 16,
      hashtags: 3,
      posts: 20,
      interactions: { ...none, mention: 11, reply: 9 },
    });
    expect(r.interactions).toBe(20);
    expect(await derivedMismatches(db)).toBe(0);
    const [w] = await listWatches(db, () => false);
    expect(w!.lastRun).toMatchObject({ status: 'done', pages: 4, posts: 20, interactions: 20 });
    expect(w!.running).toBe(false);
    // The collected graph minus the watch is exactly what ingest makes of the recorded file.
    expect((await ingested([ingestFixture('mastodon/get_account_statuses_default.json')])).checksum).toBe(
      state.checksum,
    );
  });

  it('a repeated run asks only for newer statuses (since_id) and changes nothing', async () => {
    const id = await watch();
    const clock = fakeClock();
    await run(db, id, clock);
    const once = await graphState(db);
    world.replay.requests.length = 0;
    const again = await run(db, id, clock);
    expect(again).toMatchObject({ status: 'done', posts: 0, interactions: 0 });
    expect(world.replay.requests.filter((q) => q.includes('/statuses'))).toEqual([
      expect.stringContaining(`since_id=${MASTO_STATUSES[0]!.id}`),
    ]);
    expect(await graphState(db)).toEqual(once);
  });

  it('puts the collected posts that name the organisation into the mentions inbox, once (issue 18)', async () => {
    // The organisation's brand hashtag is one the fixture's statuses use: nine of them carry #rstats.
    await setIdentity(db, 'test', { hashtags: ['rstats'] });
    const id = await watch();
    const clock = fakeClock();
    await run(db, id, clock);
    const count = async (q: string) => Number((await db.read(q))[0]?.n);
    const tagged = await count(
      "MATCH (p:Post)-[:TAGGED]->(:Hashtag {tag: 'rstats'}) RETURN count(DISTINCT p) AS n",
    );
    expect(tagged).toBe(9);
    expect(await count('MATCH (m:Mention) RETURN count(m) AS n')).toBe(tagged);
    expect(
      await count(
        "MATCH (m:Mention) WHERE m.reasons = ['hashtag:#rstats'] AND m.state = 'new' AND m.dueAt IS NOT NULL RETURN count(m) AS n",
      ),
    ).toBe(tagged);
    // Nothing twice: the next run, and the same statuses collected again from scratch.
    await run(db, id, clock);
    const again = await addWatch(db, {
      id: 'rstats-again',
      platform: 'mastodon',
      kind: 'account',
      target: 'schochastics@fosstodon.org',
      baseUrl: world.replay.base,
    });
    expect(await run(db, again, clock)).toMatchObject({ status: 'done', pages: 4 });
    expect(await count('MATCH (m:Mention) RETURN count(m) AS n')).toBe(tagged);
  });

  it('an incremental run adds only the statuses posted since, ending in the full graph', async () => {
    const id = await watch();
    const clock = fakeClock();
    world.mastodonVisible = MASTO_STATUSES.slice(5);
    const first = await run(db, id, clock);
    expect(first.posts).toBe(15);
    world.mastodonVisible = MASTO_STATUSES;
    const second = await run(db, id, clock);
    expect(second).toMatchObject({ status: 'done', posts: 5, pages: 2 });
    expect((await graphState(db)).stats.posts).toBe(20);
    const full = await graphState(db);
    expect((await ingested([ingestFixture('mastodon/get_account_statuses_default.json')])).checksum).toBe(
      full.checksum,
    );
  });

  it('a run stopped after two pages goes on from the third when run again: the same graph', async () => {
    const id = await watch();
    const clock = fakeClock();
    const part = await run(db, id, clock, { maxPages: 2 });
    expect(part).toMatchObject({ status: 'done', complete: false, pages: 2, posts: 8 });
    world.replay.requests.length = 0;
    const rest = await run(db, id, clock);
    expect(rest).toMatchObject({ status: 'done', complete: true, posts: 12 });
    // It went on at max_id of the last committed page, not from the start.
    const timeline = world.replay.requests.filter((q) => q.includes('/statuses'));
    expect(timeline[0]).toContain(`max_id=${MASTO_STATUSES[7]!.id}`);
    expect((await graphState(db)).stats.posts).toBe(20);
  });

  it('archives each page as gzip JSON Lines that `ingest` replays into a fresh database', async () => {
    const id = await watch();
    const dir = archiveDir();
    await run(db, id, fakeClock(), { archiveDir: dir });
    const collected = await graphState(db);
    const files = readdirSync(path.join(dir, id)).map((f) => path.join(dir, id, f));
    expect(files).toEqual([expect.stringMatching(/2026-01-15\.jsonl\.gz$/)]);
    const replayed = await ingested(files);
    expect(replayed).toEqual(collected);
  });
});

describe('Mastodon followers', { timeout: 300_000 }, () => {
  it('records the subject account, so a followers page gives follow interactions', async () => {
    const id = await addWatch(db, {
      platform: 'mastodon',
      kind: 'followers',
      target: 'schochastics@fosstodon.org',
      baseUrl: world.replay.base,
    });
    const r = await run(db, id, fakeClock());
    expect(r).toMatchObject({ status: 'done', interactions: 3 });
    const rows = await db.read(
      `MATCH (a:Account)-[:FOLLOWS]->(b:Account) RETURN a.id AS a, b.id AS b ORDER BY a`,
    );
    expect(rows).toEqual([
      { a: 'mastodon:diegantobass@fosstodon.org', b: 'mastodon:schochastics@fosstodon.org' },
      { a: 'mastodon:thomasw@toot.community', b: 'mastodon:schochastics@fosstodon.org' },
      { a: 'mastodon:xaranix19@mastodon.social', b: 'mastodon:schochastics@fosstodon.org' },
    ]);
  });
});

describe('Bluesky', { timeout: 300_000 }, () => {
  it('an author feed through its cursor pages gives the graph of one ingest of the feed', async () => {
    const id = await addWatch(db, {
      platform: 'bluesky',
      kind: 'account',
      target: 'chriskenny.bsky.social',
      baseUrl: world.replay.base,
    });
    const clock = fakeClock();
    const r = await run(db, id, clock);
    expect(r).toMatchObject({ status: 'done', pages: 3, rejected: 0 });
    const collected = await graphState(db);
    const again = await run(db, id, clock);
    // The newest post is already known: the repeated pass stops after its first page.
    expect(again).toMatchObject({ status: 'done', pages: 1, posts: 0, interactions: 0 });
    expect(await graphState(db)).toEqual(collected);
    expect((await ingested([ingestFixture('bluesky/f_autfeed.json')])).checksum).toBe(collected.checksum);
  });

  it('getFollows pages give one follow per followed account', async () => {
    const id = await addWatch(db, {
      platform: 'bluesky',
      kind: 'follows',
      target: 'chriskenny.bsky.social',
      baseUrl: world.replay.base,
    });
    const r = await run(db, id, fakeClock());
    expect(r).toMatchObject({ status: 'done', pages: 3, interactions: 48 });
    expect((await graphState(db)).stats.interactions.follow).toBe(48);
  });
});

describe('X API v2', { timeout: 300_000 }, () => {
  it('recent search pages by next_token with the bearer token; a repeated run sends since_id', async () => {
    const id = await addWatch(db, {
      platform: 'x',
      kind: 'search',
      target: 'obama',
      baseUrl: world.replay.base,
    });
    const clock = fakeClock();
    const r = await run(db, id, clock);
    expect(r).toMatchObject({ status: 'done', pages: 4, rejected: 0 });
    expect(world.replay.auth.every((a) => a === 'Bearer test-bearer-token')).toBe(true);
    const collected = await graphState(db);
    expect(collected.stats.posts).toBeGreaterThanOrEqual(100);
    const again = await run(db, id, clock);
    expect(again).toMatchObject({ status: 'done', posts: 0, interactions: 0 });
    expect(world.replay.requests.at(-1)).toContain('since_id=1380242611781386245');
    expect(await graphState(db)).toEqual(collected);
    // The same tweets as the one recorded page, loaded with ingest: the same graph.
    expect((await ingested(['tests/fixtures/collect/x_noflat.jsonl'])).checksum).toBe(collected.checksum);
  });

  it('a followers page of @username gives a follow from every listed user to the subject', async () => {
    const id = await addWatch(db, {
      platform: 'x',
      kind: 'followers',
      target: '@bbcworld',
      baseUrl: world.replay.base,
    });
    const r = await run(db, id, fakeClock());
    // The recorded users page lists 96 users, 91 of them distinct: 91 follows.
    expect(r).toMatchObject({ status: 'done', interactions: 91 });
    const [row] = await db.read(
      `MATCH (:Account)-[f:FOLLOWS]->(:Account {id: 'x:742143'}) RETURN count(f) AS n`,
    );
    expect(row!.n).toBe(91);
  });

  it('without a bearer token the run fails saying what to set', async () => {
    const id = await addWatch(db, {
      platform: 'x',
      kind: 'search',
      target: 'obama',
      baseUrl: world.replay.base,
    });
    const r = await run(db, id, fakeClock(), { tokens: {} });
    expect(r).toMatchObject({
      status: 'failed',
      pages: 0,
      error: expect.stringMatching(/CARECIRCLE_X_BEARER_TOKEN/),
    });
  });
});
