// Spam and bot flags and local reach, on small hand-made inputs whose answers are known.
import { describe, expect, it } from 'vitest';
import { edgeListFrom } from '../../../queries/analysis/edges.ts';
import { localReach } from '../../../queries/analysis/local-reach.ts';
import { bioTemplate, flagSpam, isSpamTag, type SpamInput } from '../../../queries/analysis/spam.ts';
import type { Place } from '../../../queries/geo/resolve.ts';

function input(over: Partial<SpamInput> & { n: number }): SpamInput {
  const { n, ...rest } = over;
  return {
    followers: new Array<number | null>(n).fill(500),
    following: new Array<number | null>(n).fill(300),
    bio: new Array<string | null>(n).fill(null),
    posts: new Array<number>(n).fill(10),
    inWeight: new Float64Array(n).fill(5),
    tagAccount: [],
    tagName: [],
    tagCount: [],
    ...rest,
  };
}

describe('flagSpam', () => {
  it('flags following ≫ followers with the counts, and leaves a busy clinician alone', () => {
    const r = flagSpam(input({ n: 3, following: [4900, 1500, 300], followers: [12, 60, 500] }));
    expect(r.flag[0]).toBe('follows 4,900 accounts, followed by 12');
    expect(r.flag[1]).toBeNull();
    expect(r.flag[2]).toBeNull();
  });

  it('flags many posts nobody interacted with, not many posts that got attention', () => {
    const r = flagSpam(input({ n: 2, posts: [340, 340], inWeight: Float64Array.from([0, 12]) }));
    expect(r.flag[0]).toBe('340 posts and no one interacted with them');
    expect(r.flag[1]).toBeNull();
  });

  it('flags accounts whose hashtags are mostly promotional, and the tags themselves', () => {
    const r = flagSpam(
      input({
        n: 2,
        tagAccount: [0, 0, 1, 1],
        tagName: ['followback', 'giveaway', 't1d', 'giveaway'],
        tagCount: [4, 2, 20, 1],
      }),
    );
    expect(r.flag[0]).toBe('posts #followback, #giveaway');
    expect(r.flag[1]).toBeNull();
    expect(r.hashtags.map((h) => h.tag)).toEqual(['followback', 'giveaway']);
    expect(isSpamTag('t1d')).toBe(false);
    expect(isSpamTag('cryptorchidism')).toBe(false);
    expect(isSpamTag('crypto')).toBe(true);
  });

  it('flags a shared template bio only when most accounts sharing it are flagged already', () => {
    const spam = (k: number) => `🎁 WIN a $${k}00 gift card! DM @promo${k} https://x.example/${k}`;
    const clinic = 'Endocrinologist. Caring for people with diabetes. #T1D';
    const r = flagSpam(
      input({
        n: 7,
        bio: [spam(1), spam(2), spam(3), clinic, clinic, clinic, clinic],
        following: [4000, 5000, 300, 300, 300, 300, 300],
        followers: [10, 20, 400, 500, 500, 500, 500],
      }),
    );
    expect(bioTemplate(spam(1))).toBe(bioTemplate(spam(3)));
    // The third shares the template with two flagged accounts; its own counts look normal.
    expect(r.flag[2]).toBe('bio is a template shared by 3 accounts');
    expect(r.flag[0]).toContain('follows 4,000 accounts');
    expect(r.flag.slice(3)).toEqual([null, null, null, null]);
  });

  it('flags a hashtag used mostly by flagged accounts, with the share', () => {
    const n = 6;
    const r = flagSpam(
      input({
        n,
        following: [5000, 5000, 5000, 5000, 5000, 300],
        followers: [1, 1, 1, 1, 1, 300],
        tagAccount: [0, 1, 2, 3, 4, 5],
        tagName: new Array<string>(n).fill('supplements'),
        tagCount: new Array<number>(n).fill(1),
      }),
    );
    expect(r.hashtags).toEqual([
      { tag: 'supplements', reason: '83 % of the 6 accounts using it are flagged as spam' },
    ]);
  });
});

describe('localReach', () => {
  const boston: Place = { name: 'Boston', region: 'Massachusetts', country: 'US', lat: 42.358, lon: -71.06 };
  const cambridge: Place = {
    name: 'Cambridge',
    region: 'Massachusetts',
    country: 'US',
    lat: 42.375,
    lon: -71.106,
  };
  const sf: Place = {
    name: 'San Francisco',
    region: 'California',
    country: 'US',
    lat: 37.775,
    lon: -122.419,
  };

  it('is the weighted share of incoming attention from within 50 km', () => {
    // 0 Boston receives 3 from Cambridge (local), 1 from San Francisco, 2 from an unplaced account.
    const edges = edgeListFrom(4, [
      [1, 0, 3],
      [2, 0, 1],
      [3, 0, 2],
      [0, 2, 5],
    ]);
    const r = localReach(edges, [boston, cambridge, sf, null]);
    expect(r[0]).toBeCloseTo(3 / 6, 9);
    expect(r[2]).toBe(0); // San Francisco hears only from Boston, 4,300 km away
    expect(r[1]).toBeNull(); // nobody interacted with Cambridge
    expect(r[3]).toBeNull(); // no place
  });
});
