// Item 4 of issue 17: what a payload carries is kept. Real payloads, with the part the case is about
// removed or wrapped as a platform would answer it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xValue } from '../../../ingest/sources/x-v2.ts';
import { blueskyValue } from '../../../ingest/sources/bluesky.ts';
import { mastodonValue } from '../../../ingest/sources/mastodon.ts';
import { backoffMs, parseReset, parseRetryAfter } from '../../../collect/rate-limit.ts';

const records = (items: ReturnType<typeof xValue>) => items.flatMap((i) => ('records' in i ? i.records : []));

describe('X retweet whose original is not included', () => {
  it('keeps the hashtags on a stub of the original post, by its author', () => {
    const page = JSON.parse(readFileSync('tests/fixtures/ingest/x/two_tweets.jsonl', 'utf8')) as {
      includes: { tweets?: unknown[] };
    };
    delete page.includes.tweets;
    const posts = records(xValue(page, 1, () => '')).filter(
      (r) => (r as { kind: string }).kind === 'post',
    ) as { id: string; hashtags: string[]; author: string }[];
    const stub = posts.find((p) => p.hashtags.length > 0);
    expect(stub).toBeDefined();
    expect(stub!.hashtags.map((h) => h.toLowerCase())).toContain('poiuytrewq');
    // The retweet itself still carries no hashtags: they belong to the original.
    expect(posts.filter((p) => p.hashtags.length > 0)).toHaveLength(1);
  });
});

describe('Bluesky answers that are not posts', () => {
  const profile = (
    JSON.parse(readFileSync('tests/fixtures/ingest/bluesky/g_follows.json', 'utf8')) as {
      follows: { did: string }[];
    }
  ).follows[0]!;
  it('getLikes: the likers are accounts', () => {
    const items = blueskyValue(
      { uri: 'at://did:plc:x/app.bsky.feed.post/1', likes: [{ actor: profile }] },
      1,
    );
    expect(items).toEqual([
      { line: 1, records: [expect.objectContaining({ kind: 'account', id: `bluesky:${profile.did}` })] },
    ]);
  });
  it('a feed generator: its creator is an account', () => {
    const items = blueskyValue(
      { view: { uri: 'at://did:plc:x/app.bsky.feed.generator/f', creator: profile } },
      1,
    );
    expect(items[0]).toMatchObject({ records: [{ kind: 'account', id: `bluesky:${profile.did}` }] });
  });
  it('resolveHandle: accepted, described as holding nothing to load', () => {
    expect(blueskyValue({ did: 'did:plc:abc' }, 1)).toEqual([
      { line: 1, records: [], note: expect.stringMatching(/resolveHandle.*no account data/) },
    ]);
  });
});

describe('rate-limit headers', () => {
  const now = Date.parse('2026-01-15T12:00:00Z');
  it('reads epoch seconds (X, Bluesky), ISO dates (Mastodon) and Retry-After', () => {
    expect(parseReset('1768478460', now)).toBe(1768478460_000);
    expect(parseReset('2026-01-15T12:05:00.000Z', now)).toBe(now + 300_000);
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
  });
  it('backs off exponentially with jitter, capped', () => {
    const o = { baseMs: 1000, capMs: 8000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, () => 1, o))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(3, () => 0, o)).toBe(2000);
  });
});

describe('Mastodon reblogs', () => {
  const original = JSON.parse(
    readFileSync('tests/fixtures/ingest/mastodon/get_status_anonymous.json', 'utf8'),
  ) as {
    uri: string;
    account: { acct: string; url: string };
  };
  const rebloggers = JSON.parse(
    readFileSync('tests/fixtures/ingest/mastodon/get_reblogged_by_anonymous.json', 'utf8'),
  ) as { acct: string; url: string; id: string }[];
  const who = rebloggers[0]!;
  const posts = (items: ReturnType<typeof mastodonValue>) =>
    items
      .flatMap((i) => ('records' in i ? i.records : []))
      .filter((r) => (r as { kind: string }).kind === 'post') as {
      id: string;
      author: string;
      interactions: { type: string; target: string }[];
    }[];

  it('one reblog seen in a timeline and on the reblogged_by page is one repost, not two', () => {
    // The reblog as a timeline Status: an id and uri of its own, the original inside.
    const asStatus = {
      id: '999000',
      uri: `${who.url.replace(/\/@.*/, '')}/users/${who.acct.split('@')[0]}/statuses/999000/activity`,
      url: null,
      created_at: '2026-01-10T10:00:00.000Z',
      content: '',
      account: who,
      reblog: original,
      mentions: [],
      tags: [],
    };
    const fromTimeline = posts(mastodonValue([asStatus], 1, new Map()));
    const fromRebloggedBy = posts(
      mastodonValue(
        { __carecircle: { platform: 'mastodon', relation: 'reblogged_by', subject: original }, body: [who] },
        2,
        new Map(),
      ),
    );
    const repostOf = (ps: typeof fromTimeline) =>
      ps.filter((p) => p.interactions.some((i) => i.type === 'repost'));
    expect(repostOf(fromTimeline)).toHaveLength(1);
    expect(repostOf(fromRebloggedBy)).toHaveLength(1);
    // The same post id both ways: loading both pages writes one post with one repost.
    expect(repostOf(fromTimeline)[0]!.id).toBe(repostOf(fromRebloggedBy)[0]!.id);
    expect(repostOf(fromTimeline)[0]!.id).toBe(
      `mastodon:reblog:${repostOf(fromTimeline)[0]!.author.slice(9)}:${original.uri}`,
    );
    expect(repostOf(fromRebloggedBy)[0]!.interactions).toEqual(repostOf(fromTimeline)[0]!.interactions);
  });
});
