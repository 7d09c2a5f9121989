// The URL is the app's state (client/state/filters.ts): a shared link must reproduce the view, and a
// hand-edited or stale link must fall back to defaults rather than break the page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ROLES,
  DEFAULT_RADIUS_KM,
  VIEWS,
  hasServerFilter,
  parseState,
  serializeState,
  type AppState,
} from '../../../client/state/filters.ts';

describe('parseState defaults', () => {
  it('an empty query string is the explore view with no filters and the default radius', () => {
    expect(parseState('')).toEqual({
      view: 'explore',
      filters: {
        hashtag: undefined,
        specialty: undefined,
        near: undefined,
        radiusKm: DEFAULT_RADIUS_KM,
        region: undefined,
        role: undefined,
        community: undefined,
        minScore: undefined,
      },
      account: undefined,
      search: undefined,
      tag: undefined,
    });
    expect(serializeState(parseState(''))).toBe('');
  });

  it('reads every field of a full link', () => {
    const s = parseState(
      '?view=influencers&hashtag=%23T1D&specialty=diabetes&near=Boston&radiusKm=25&region=Massachusetts' +
        '&role=clinician&community=7&minScore=0.25&account=x%3A42&q=ann&tag=bcsm',
    );
    expect(s.view).toBe('influencers');
    // The leading # is dropped: "#T1D" and "T1D" are the same filter.
    expect(s.filters).toEqual({
      hashtag: 'T1D',
      specialty: 'diabetes',
      near: 'Boston',
      radiusKm: 25,
      region: 'Massachusetts',
      role: 'clinician',
      community: 7,
      minScore: 0.25,
    });
    expect(s.account).toBe('x:42');
    expect(s.search).toBe('ann');
    expect(s.tag).toBe('bcsm');
  });
});

describe('parseState with invalid values', () => {
  it.each([
    ['an unknown view', '?view=settings', (s: AppState) => expect(s.view).toBe('explore')],
    ['a view name in another case', '?view=Admin', (s: AppState) => expect(s.view).toBe('explore')],
    ['an unknown role', '?role=hacker', (s: AppState) => expect(s.filters.role).toBeUndefined()],
    ['a radius of zero', '?radiusKm=0', (s: AppState) => expect(s.filters.radiusKm).toBe(DEFAULT_RADIUS_KM)],
    [
      'a radius beyond the Earth',
      '?radiusKm=40000',
      (s: AppState) => expect(s.filters.radiusKm).toBe(DEFAULT_RADIUS_KM),
    ],
    [
      'a radius that is not a number',
      '?radiusKm=far',
      (s: AppState) => expect(s.filters.radiusKm).toBe(DEFAULT_RADIUS_KM),
    ],
    ['a negative community', '?community=-1', (s: AppState) => expect(s.filters.community).toBeUndefined()],
    [
      'a fractional community',
      '?community=2.5',
      (s: AppState) => expect(s.filters.community).toBeUndefined(),
    ],
    ['a negative minimum score', '?minScore=-3', (s: AppState) => expect(s.filters.minScore).toBeUndefined()],
    [
      'a minimum score of "NaN"',
      '?minScore=NaN',
      (s: AppState) => expect(s.filters.minScore).toBeUndefined(),
    ],
    [
      'blank text fields',
      '?specialty=%20%20&near=',
      (s: AppState) => expect(s.filters.specialty).toBeUndefined(),
    ],
  ])('ignores %s', (_what, qs, check) => {
    const s = parseState(qs);
    check(s);
    // Whatever came in, what goes back out parses to the same state.
    expect(parseState(serializeState(s))).toEqual(s);
  });

  it('trims text and cuts it at 200 characters', () => {
    const s = parseState(`?near=${encodeURIComponent('  Boston  ')}&q=${'a'.repeat(500)}`);
    expect(s.filters.near).toBe('Boston');
    expect(s.search).toHaveLength(200);
  });
});

describe('serializeState', () => {
  it('leaves out defaults, so a plain link stays short', () => {
    const s = parseState('?view=explore&radiusKm=50');
    expect(serializeState(s)).toBe('');
  });

  it('keeps the radius only when a place is set', () => {
    const base = parseState('');
    expect(serializeState({ ...base, filters: { ...base.filters, radiusKm: 10 } })).toBe('');
    expect(serializeState({ ...base, filters: { ...base.filters, near: 'Lyon', radiusKm: 10 } })).toBe(
      '?near=Lyon&radiusKm=10',
    );
  });

  it('keeps community 0 and minimum score 0 (falsy but real filters)', () => {
    const base = parseState('');
    const qs = serializeState({ ...base, filters: { ...base.filters, community: 0, minScore: 0 } });
    expect(qs).toBe('?community=0&minScore=0');
    expect(parseState(qs).filters.community).toBe(0);
    expect(parseState(qs).filters.minScore).toBe(0);
  });

  it('round-trips any valid state through the URL', () => {
    const textArb = fc
      .string({ minLength: 1, maxLength: 40 })
      .map((t) => t.trim())
      .filter((t) => t.length > 0);
    const hashtagArb = textArb.map((t) => t.replace(/^#+/, '').trim()).filter((t) => t.length > 0);
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const stateArb = fc
      .record({
        view: fc.constantFrom(...VIEWS),
        hashtag: opt(hashtagArb),
        specialty: opt(textArb),
        near: opt(textArb),
        radiusKm: fc.integer({ min: 1, max: 20_000 }),
        region: opt(textArb),
        role: opt(fc.constantFrom(...ACCOUNT_ROLES)),
        community: opt(fc.nat()),
        minScore: opt(fc.double({ min: 0, max: 1e6, noNaN: true })),
        account: opt(textArb),
        search: opt(textArb),
        tag: opt(textArb),
      })
      .map((r): AppState => ({
        view: r.view,
        filters: {
          hashtag: r.hashtag,
          specialty: r.specialty,
          near: r.near,
          // Without a place the radius is not in the URL and comes back as the default.
          radiusKm: r.near ? r.radiusKm : DEFAULT_RADIUS_KM,
          region: r.region,
          role: r.role,
          community: r.community,
          minScore: r.minScore,
        },
        account: r.account,
        search: r.search,
        tag: r.tag,
      }));
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(parseState(serializeState(s))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hasServerFilter', () => {
  it('is false for the defaults and for a minimum score alone (applied in the client)', () => {
    expect(hasServerFilter(parseState('').filters)).toBe(false);
    expect(hasServerFilter(parseState('?minScore=0.5').filters)).toBe(false);
  });
  it('is true for any filter the server applies, including community 0', () => {
    for (const qs of [
      '?hashtag=t1d',
      '?specialty=oncology',
      '?near=Boston',
      '?region=Ohio',
      '?role=clinician',
    ]) {
      expect(hasServerFilter(parseState(qs).filters), qs).toBe(true);
    }
    expect(hasServerFilter(parseState('?community=0').filters)).toBe(true);
  });
});
