// Topic influence on graphs small enough to reason about, and the vocabulary that turns words into
// topics (queries/analysis/topics-influence.ts, queries/taxonomy/vocabulary.ts).
import { describe, expect, it } from 'vitest';
import { InteractionWeights } from '../../../queries/analysis/params.ts';
import {
  LOG_ENTRY_BYTES,
  packLog,
  personalisedPagerank,
  scoreTopic,
  type TopicInteraction,
} from '../../../queries/analysis/topics-influence.ts';
import { Invalid } from '../../../queries/errors.ts';
import { knownTopics, nearestWords, resolveSpecialty } from '../../../queries/taxonomy/vocabulary.ts';

const weights = InteractionWeights.parse({});
const MENTION = 0;
const REPLY = 1;
const REPOST = 2;

describe('personalised PageRank', () => {
  it('sums to 1 and sends teleports only to the personalised nodes', () => {
    // 0 → 1 → 2, teleports only to 0: 3 is never reached.
    const r = personalisedPagerank(
      4,
      [
        { s: 0, t: 1, w: 1 },
        { s: 1, t: 2, w: 1 },
      ],
      Float64Array.from([1, 0, 0, 0]),
    );
    expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(r[3]).toBe(0);
    expect(r[0]!).toBeGreaterThan(0);
    expect(r[1]!).toBeGreaterThan(0);
  });

  it('ranks the node the personalised authors point at above an equal one they do not', () => {
    // 0 and 1 each point at a target; only 0 wrote topic posts.
    const r = personalisedPagerank(
      4,
      [
        { s: 0, t: 2, w: 1 },
        { s: 1, t: 3, w: 1 },
      ],
      Float64Array.from([1, 0, 0, 0]),
    );
    expect(r[2]!).toBeGreaterThan(r[3]!);
  });
});

describe('topic scores', () => {
  it('rank by type-weighted attention inside the topic, with counts, sources and local sources', () => {
    const x = (s: number, t: number, type: number, w = 1): TopicInteraction => ({ s, t, type, w, posts: w });
    // 10 gets 3 replies (weight 6) from three accounts; 11 gets 4 mentions (weight 4) from one.
    const interactions = [x(1, 10, REPLY), x(2, 10, REPLY), x(3, 10, REPLY), x(4, 11, MENTION, 4)];
    const places: Record<number, { lat: number; lon: number }> = {
      10: { lat: 42.36, lon: -71.06 }, // Boston
      1: { lat: 42.37, lon: -71.11 }, // Cambridge: local
      2: { lat: 37.77, lon: -122.42 }, // San Francisco: not
    };
    const voices = scoreTopic(interactions, weights, (n) => places[n] ?? null);
    expect(voices.map((v) => v.node)).toEqual([10, 11]);
    const [top, second] = voices;
    expect(top).toMatchObject({
      rank: 1,
      attention: 6,
      counts: { mention: 0, reply: 3, repost: 0, quote: 0 },
      sources: 3,
      localSources: 1,
    });
    expect(second).toMatchObject({ rank: 2, attention: 4, sources: 1, localSources: 0 });
    expect(top!.score).toBeGreaterThan(second!.score);
    expect(top!.score).toBeLessThanOrEqual(1);
    // Accounts that only gave attention have no score in the topic.
    expect(voices.find((v) => v.node === 1)).toBeUndefined();
  });

  it('lets attention from the topic’s own voices weigh more than the same from outsiders', () => {
    const x = (s: number, t: number, type: number, posts = 1): TopicInteraction => ({
      s,
      t,
      type,
      w: 1,
      posts,
    });
    // 20 and 21 each get one repost. 20's comes from 30, who is itself reposted by five topic authors;
    // 21's comes from 31, whom nobody in the topic listens to.
    const interactions = [
      x(30, 20, REPOST),
      x(31, 21, REPOST),
      ...[1, 2, 3, 4, 5].map((s) => x(s, 30, REPOST)),
    ];
    const voices = scoreTopic(interactions, weights);
    const score = (n: number) => voices.find((v) => v.node === n)!.score;
    expect(score(20)).toBeGreaterThan(score(21));
    expect(voices[0]!.node).toBe(30);
  });

  it('keeps each voice a log of what it received, when, from whom, and whether the source is local', () => {
    const at = Date.parse('2025-03-01T12:00:00Z') / 1000;
    const interactions: TopicInteraction[] = [
      { s: 1, t: 10, type: REPLY, w: 1, posts: 1, at },
      { s: 2, t: 10, type: MENTION, w: 3, posts: 1, at: at + 60 },
      { s: 1, t: 10, type: REPOST, w: 1, posts: 1, at: null }, // no time: scored, not in the log
    ];
    const places: Record<number, { lat: number; lon: number }> = {
      10: { lat: 42.36, lon: -71.06 }, // Boston
      1: { lat: 42.37, lon: -71.11 }, // Cambridge: local
      2: { lat: 37.77, lon: -122.42 }, // San Francisco: not
    };
    const [voice] = scoreTopic(interactions, weights, (n) => places[n] ?? null);
    expect(voice!.counts).toEqual({ mention: 3, reply: 1, repost: 1, quote: 0 });
    expect(voice!.log).toEqual({
      at: [at, at + 60],
      kind: [REPLY * 2 + 1, MENTION * 2],
      source: [1, 2],
      w: [1, 3],
    });
    // Stored as 9 bytes an entry: time (u32), kind (u8), source (u32), little-endian.
    const bytes = Buffer.from(packLog(voice!.log));
    expect(bytes.length).toBe(2 * LOG_ENTRY_BYTES);
    expect([bytes.readUInt32LE(9), bytes.readUInt8(13), bytes.readUInt32LE(14)]).toEqual([
      at + 60,
      MENTION * 2,
      2,
    ]);
  });

  it('is empty for a topic nobody interacted in', () => {
    expect(scoreTopic([], weights)).toEqual([]);
  });
});

describe('specialty vocabulary', () => {
  it('finds hashtags and fields from words', () => {
    expect(resolveSpecialty('breast cancer').tags).toEqual(expect.arrayContaining(['bcsm', 'breastcancer']));
    expect(resolveSpecialty('Heart')).toMatchObject({ kind: 'specialty', name: 'cardiovascular' });
    expect(resolveSpecialty('cardiology').name).toBe('cardiovascular');
    expect(resolveSpecialty('rare disease').tags).toContain('raredisease');
    expect(resolveSpecialty('Oncology').name).toBe('cancer');
  });

  it('keeps type 1 and type 2 diabetes apart, with "diabetes" covering both', () => {
    const t1 = resolveSpecialty('type 1 diabetes');
    const t2 = resolveSpecialty('Type 2 Diabetes');
    expect(t1.name).toBe('type-1-diabetes');
    expect(t2.name).toBe('type-2-diabetes');
    expect(t1.tags).toContain('t1d');
    expect(t1.tags).not.toContain('t2d');
    expect(t2.tags).toContain('t2d');
    expect(t2.tags).not.toContain('t1d');
    expect(resolveSpecialty('T1D').name).toBe('type-1-diabetes');
    expect(resolveSpecialty('diabetes').tags).toEqual(expect.arrayContaining(['t1d', 't2d']));
  });

  it('answers an unknown specialty with the nearest known ones, never an empty topic', () => {
    let error: unknown;
    try {
      resolveSpecialty('cardiolgy');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).message).toMatch(
      /^specialty: "cardiolgy" is not a known specialty; did you mean/,
    );
    const details = (error as Invalid).details as { field: string; suggestions: string[] }[];
    expect(details[0]!.field).toBe('specialty');
    expect(details[0]!.suggestions).toContain('cardiology');
    expect(nearestWords('diabetis')).toContain('diabetes');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'treats %s as an ordinary unknown word',
    (word) => {
      expect(() => resolveSpecialty(word)).toThrow(Invalid);
    },
  );

  it('lists every specialty with hashtags as a topic analysis scores ahead of time', () => {
    const keys = knownTopics().map((t) => t.key);
    for (const k of [
      'specialty:cancer',
      'specialty:type-1-diabetes',
      'specialty:rare-diseases',
      'phrase:breast-cancer',
    ]) {
      expect(keys).toContain(k);
    }
    for (const t of knownTopics()) expect(t.tags.length).toBeGreaterThan(0);
  });
});
