// Bad answers from a server: each ends the run with a clear error on the watch, keeps what was
// committed before it, and the next run goes on from there; 429 and 5xx are retried politely.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../queries/db.ts';
import { acquireLease, listWatches } from '../../../queries/watches.ts';
import { resetGraph, useTestGraph } from '../../helpers/db.ts';
import { graphState } from '../ingest/state.ts';
import { addWatch, fakeClock, MASTO_ACCOUNT, run, startWorld, type World } from './setup.ts';

let db: Db;
let world: World;
useTestGraph((opened) => (db = opened));
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.replay.close());
beforeEach(() => resetGraph(db));

const path = `/api/v1/accounts/${MASTO_ACCOUNT.id}/statuses`;
const watch = () =>
  addWatch(db, {
    platform: 'mastodon',
    kind: 'account',
    target: 'schochastics@fosstodon.org',
    baseUrl: world.replay.base,
  });

describe('bad answers', { timeout: 300_000 }, () => {
  it('waits as Retry-After says on 429, backs off on 503, and then completes', async () => {
    const id = await watch();
    const clock = fakeClock();
    world.replay.fault(
      path,
      { kind: 'status', status: 429, retryAfter: '7' },
      { kind: 'status', status: 503 },
    );
    const r = await run(db, id, clock);
    expect(r).toMatchObject({ status: 'done', posts: 20 });
    // 7 s asked by the server, then attempt 2's backoff: between half and all of 2 s (rng 0.5 → 1.5 s).
    // (On this busy machine the very first request of the file is sometimes retried once more after a
    // dropped connection; the last two waits are the ones the 429 and the 503 caused.)
    expect(clock.waits.slice(-2)).toEqual([7000, 1500]);
  });

  it('waits for an exhausted rate-limit window to reset before the next request', async () => {
    const id = await watch();
    const clock = fakeClock();
    world.replay.fault(path, { kind: 'ratelimit-headers', remaining: 0, resetSeconds: 1_000_000 });
    const r = await run(db, id, clock);
    // The reset lies far beyond the longest accepted wait: the run stops, resumable, with the reason.
    expect(r).toMatchObject({ status: 'failed', posts: 8, error: expect.stringMatching(/rate limit/) });
    const again = await run(db, id, fakeClock());
    expect(again).toMatchObject({ status: 'done', posts: 12 });
  });

  const cases: [string, Parameters<World['replay']['fault']>[1], RegExp][] = [
    ['an HTML error page', { kind: 'html' }, /HTML page instead of JSON.*502 Bad Gateway/],
    ['a 10 MB single line', { kind: 'huge' }, /more than the \d+-byte limit/],
    [
      'a redirect to another host',
      { kind: 'redirect', to: 'http://127.0.0.2:9/steal' },
      /redirected to another host/,
    ],
    ['a refused token (401)', { kind: 'status', status: 401 }, /refused the token \(401\)/],
  ];
  for (const [what, fault, message] of cases) {
    it(`${what} on page 2: clear error on the watch, page 1 kept, the rerun completes`, async () => {
      const id = await watch();
      // Page 1 passes; the fault answers the request for page 2.
      let served = 0;
      const clock = fakeClock();
      const r = await run(db, id, clock, {
        http: { timeoutMs: 500, maxAttempts: 3, backoff: { baseMs: 1000, capMs: 8000 }, maxBytes: 1_000_000 },
        onPage: (n) => {
          served = n;
          if (n === 2) world.replay.fault(path, fault);
        },
      });
      expect(served).toBe(2);
      expect(r).toMatchObject({
        status: 'failed',
        pages: 2,
        posts: 8,
        error: expect.stringMatching(message),
      });
      const [w] = await listWatches(db, () => false);
      expect(w!.lastRun).toMatchObject({ status: 'failed', posts: 8, error: expect.stringMatching(message) });
      expect((await graphState(db)).stats.posts).toBe(8);
      const again = await run(db, id, fakeClock());
      expect(again).toMatchObject({ status: 'done', posts: 12 });
      expect((await graphState(db)).stats.posts).toBe(20);
    });
  }

  it('a body cut off mid-way is retried; a body that never ends times out with a clear error', async () => {
    const id = await watch();
    world.replay.fault(path, { kind: 'cut' });
    const r = await run(db, id, fakeClock());
    expect(r).toMatchObject({ status: 'done', posts: 20 });
    await resetGraph(db);
    const id2 = await watch();
    world.replay.fault(path, { kind: 'hang' }, { kind: 'hang' });
    const hung = await run(db, id2, fakeClock(), {
      http: { timeoutMs: 300, maxAttempts: 2, backoff: { baseMs: 10, capMs: 10 } },
    });
    expect(hung).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/did not finish answering within 0.3 s; gave up after 2 attempts/),
    });
  });

  it('two processes never run one watch at once', async () => {
    const id = await watch();
    await acquireLease(db, id, 'other-process', 60_000, fakeClock().now());
    await expect(run(db, id, fakeClock())).rejects.toThrow(/being run by another process/);
    expect((await graphState(db)).stats.posts).toBe(0);
  });

  it('Bluesky app-password sign-in is retried on 503 and 429 (as Retry-After says); the password is never logged', async () => {
    const password = 'app-pass-word-secret-1234';
    world.replay.route('/xrpc/com.atproto.server.createSession', (_url, req) =>
      req.method === 'POST' ? { body: { accessJwt: 'jwt-after-retries', did: 'did:plc:me' } } : null,
    );
    world.replay.fault(
      '/xrpc/com.atproto.server.createSession',
      { kind: 'status', status: 503 },
      { kind: 'status', status: 429, retryAfter: '3' },
    );
    const id = await addWatch(db, {
      platform: 'bluesky',
      kind: 'account',
      target: 'chriskenny.bsky.social',
      baseUrl: world.replay.base,
    });
    const clock = fakeClock();
    const lines: string[] = [];
    world.replay.requests.length = 0;
    world.replay.auth.length = 0;
    const r = await run(db, id, clock, {
      tokens: { bluesky: { identifier: 'me.bsky.social', password } },
      log: (l) => lines.push(l),
    });
    expect(r).toMatchObject({ status: 'done', pages: 3 });
    expect(world.replay.requests.filter((q) => q.includes('createSession'))).toHaveLength(3);
    // Backoff for the 503 (rng 0.5 of 1 s), then the 3 s the 429 asked for.
    expect(clock.waits.slice(0, 2)).toEqual([750, 3000]);
    const feedAuth = world.replay.auth.filter((_a, i) => world.replay.requests[i]!.includes('getAuthorFeed'));
    expect(feedAuth).toEqual([
      'Bearer jwt-after-retries',
      'Bearer jwt-after-retries',
      'Bearer jwt-after-retries',
    ]);
    expect(lines.some((l) => l.includes('createSession') && l.includes('trying again'))).toBe(true);
    expect(lines.join('\n')).not.toContain(password);

    // A refused app password is not retried and says what to do.
    await resetGraph(db);
    const id2 = await addWatch(db, {
      platform: 'bluesky',
      kind: 'account',
      target: 'chriskenny.bsky.social',
      baseUrl: world.replay.base,
    });
    world.replay.fault('/xrpc/com.atproto.server.createSession', { kind: 'status', status: 401 });
    const refused = await run(db, id2, fakeClock(), { tokens: { bluesky: { identifier: 'me', password } } });
    expect(refused).toMatchObject({
      status: 'failed',
      pages: 0,
      error: expect.stringMatching(/Bluesky sign-in at 127\.0\.0\.1:\d+ refused the app password \(401\)/),
    });
    expect(refused.error).not.toContain(password);
  });
});
