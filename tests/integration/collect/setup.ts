// What the collector tests share: the recorded payloads, a replay server answering like the platforms,
// a fake clock that records the waits asked for, and a run with test-sized limits.
import { readFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runWatch, type RunOptions } from '../../../collect/run.ts';
import type { Clock } from '../../../collect/rate-limit.ts';
import type { Db } from '../../../queries/db.ts';
import { createWatch } from '../../../queries/watches.ts';
import { cursorPages, mastodonTimeline, startReplay, type Replay } from '../../helpers/replay-server.ts';

const json = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as unknown;
export const ingestFixture = (p: string) => path.join('tests/fixtures/ingest', p);
const collectFixture = (p: string) => path.join('tests/fixtures/collect', p);

export const MASTO_ACCOUNT = json(collectFixture('get_account_default.json')) as { id: string };
export const MASTO_STATUSES = json(ingestFixture('mastodon/get_account_statuses_default.json')) as {
  id: string;
}[];
const MASTO_FOLLOWERS = json(collectFixture('get_account_followers_default.json')) as unknown[];
const BSKY_FEED = json(ingestFixture('bluesky/f_autfeed.json')) as { feed: unknown[] };
const BSKY_FOLLOWS = json(ingestFixture('bluesky/g_follows.json')) as {
  follows: unknown[];
  subject: unknown;
};
const X_PAGE = JSON.parse(readFileSync(collectFixture('x_noflat.jsonl'), 'utf8').split('\n')[0]!) as {
  data: { id: string }[];
  includes: unknown;
  meta: { newest_id: string };
};
const X_USERS = JSON.parse(readFileSync(collectFixture('x_users.jsonl'), 'utf8').split('\n')[0]!) as {
  data: unknown[];
  includes: unknown;
};

/** Sleeps return at once; each wait is recorded and moves the clock on. */
export function fakeClock(): Clock & { waits: number[] } {
  let t = Date.parse('2026-01-15T12:00:00Z');
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    sleep: async (ms) => {
      waits.push(ms);
      t += ms;
    },
    rng: () => 0.5,
  };
}

export interface World {
  replay: Replay;
  /** Mastodon statuses the server shows (newest first); tests hide the newest to make "new" ones. */
  mastodonVisible: { id: string }[];
}

export async function startWorld(): Promise<World> {
  const replay = await startReplay();
  const world: World = { replay, mastodonVisible: MASTO_STATUSES };
  replay.route('/api/v1/accounts/lookup', () => ({ body: MASTO_ACCOUNT }));
  replay.route(
    `/api/v1/accounts/${MASTO_ACCOUNT.id}/statuses`,
    mastodonTimeline(
      () => replay.base,
      () => world.mastodonVisible,
      8,
    ),
  );
  replay.route(`/api/v1/accounts/${MASTO_ACCOUNT.id}/followers`, () => ({ body: MASTO_FOLLOWERS }));
  replay.route(
    '/xrpc/app.bsky.feed.getAuthorFeed',
    cursorPages('feed', () => BSKY_FEED.feed, 20),
  );
  replay.route(
    '/xrpc/app.bsky.graph.getFollows',
    cursorPages('follows', () => BSKY_FOLLOWS.follows, 20, { subject: BSKY_FOLLOWS.subject }),
  );
  // X recent search: the recorded page in pages of 25 tweets (each with the page's includes), since_id honoured.
  replay.route('/2/tweets/search/recent', (url) => {
    const since = url.searchParams.get('since_id');
    const data = X_PAGE.data.filter((t) => !since || t.id > since);
    const from = Number(url.searchParams.get('next_token') ?? 0);
    const page = data.slice(from, from + 25);
    const meta: Record<string, unknown> = { result_count: page.length };
    if (page.length) meta.newest_id = page.reduce((m, t) => (t.id > m ? t.id : m), page[0]!.id);
    if (from + 25 < data.length) meta.next_token = String(from + 25);
    return { body: page.length ? { data: page, includes: X_PAGE.includes, meta } : { meta } };
  });
  replay.route('/2/users/by/username/bbcworld', () => ({
    body: { data: { id: '742143', username: 'BBCWorld' } },
  }));
  replay.route('/2/users/742143/followers', () => ({
    body: { data: X_USERS.data, meta: { result_count: 96 } },
  }));
  return world;
}

export const archiveDir = () => mkdtempSync(path.join(os.tmpdir(), 'collect-archive-'));

export async function addWatch(db: Db, w: Record<string, unknown>): Promise<string> {
  return createWatch(db, w);
}

export function run(db: Db, id: string, clock: Clock, o: Partial<RunOptions> = {}) {
  return runWatch(db, id, {
    archiveDir: null,
    clock,
    tokens: { x: 'test-bearer-token' },
    leaseMs: 60_000,
    http: { timeoutMs: 500, maxAttempts: 3, backoff: { baseMs: 1000, capMs: 8000 } },
    ...o,
  });
}
