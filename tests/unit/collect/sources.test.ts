// Item 4 of issue 17: what a payload carries is kept. Real payloads, with the part the case is about
// removed or wrapped as a platform would answer it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xValue } from '../../../ingest/sources/x-v2.ts';
import { blueskyValue } from '../../../ingest/sources/bluesky.ts';
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
