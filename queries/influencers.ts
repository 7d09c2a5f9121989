// The ranking people open Carecircle for: "who does the type 1 diabetes conversation listen to, within
// 50 km of our hospital, this quarter, and why". Used by the API and the `influencers` command alike.
// Three ways to answer, picked from what was asked:
//   - a topic (hashtag or specialty), no window: the topic scores the last `analyze` stored
//     (queries/analysis/topics-influence.ts), scored on request for a hashtag it did not cover;
//   - a time window (from/to), an interaction-type filter, or sort=rising: the attention received in
//     the window; inside a topic the latest run stored, summed from the logs it kept on each voice
//     (queries/topic-window.ts), otherwise read from the post relationships themselves;
//   - neither: the global influence score (queries/analysis/scores.ts).
// Accounts flagged as spam or bots at analysis time (spamFlag) are left out unless includeFlagged.
import { INTERACTION_TYPES } from './contract.ts';
import { z } from 'zod';
import { loadCypher } from './cypher.ts';
import { int, type Db } from './db.ts';
import { Invalid, TooLarge } from './errors.ts';
import { ambiguousPlace, canonicalRegion, distanceKm, lookupPlace } from './geo/resolve.ts';
import { canonicalSpecialty } from './taxonomy/specialties.ts';
import { hashtagTopic, resolveSpecialty, type Topic } from './taxonomy/vocabulary.ts';
import { Role } from './taxonomy/role.ts';
import { InteractionWeights } from './analysis/params.ts';
import { ensureTopic, LOCAL_KM } from './analysis/topics-influence.ts';
import { topicWindowRanking } from './topic-window.ts';
import {
  checkOrder,
  DAY,
  EARLIEST,
  isoBound,
  parseWhen,
  REL,
  TypesParam,
  When,
  WINDOW_TYPES,
} from './window.ts';

/** `near` names a place the gazetteer does not know: a caller mistake (HTTP 400, CLI exit 2). */
export class UnknownPlaceError extends Error {
  override name = 'UnknownPlaceError';
  constructor(readonly place: string) {
    super(`near: no place called "${place}" is known; try "City, ST" or "City, Country" (e.g. "Boston, MA")`);
  }
}

/** A cursor that does not come from a previous page of this ranking (HTTP 400). */
export class BadCursorError extends Error {
  override name = 'BadCursorError';
  constructor() {
    super('cursor: not a cursor returned by a previous page');
  }
}

const text = z.string().trim().min(1).max(200);

const SORTS = ['score', 'topic', 'localReach', 'rising'] as const;
export { WINDOW_TYPES };

export const InfluencerQuery = z.object({
  hashtag: text.optional(),
  specialty: text.optional(),
  near: text.optional(),
  radiusKm: z.coerce.number().positive().max(20_000).default(50),
  region: text.optional(),
  role: Role.optional(),
  community: z.coerce.number().int().min(0).optional(),
  /** Only accounts whose global influence score (0..1) is at least this. */
  minScore: z.coerce.number().min(0).max(1).optional(),
  /** Only interactions made from this time on (inclusive). */
  from: When.optional(),
  /** Only interactions made up to this time (a day: through its end). */
  to: When.optional(),
  /** Interaction types that count, comma-separated; follows have no time, so they are not among them. */
  types: TypesParam.optional(),
  /** topic: influence in the topic (default with a topic or a window); score: global; localReach; rising. */
  sort: z.enum(SORTS).optional(),
  /** Show accounts flagged as spam or bots too, with the reason. */
  includeFlagged: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type InfluencerQuery = z.infer<typeof InfluencerQuery>;
type InfluencerQueryInput = z.input<typeof InfluencerQuery>;

const InteractionReason = z.object({
  accountId: z.string(),
  handle: z.string().nullable(),
  type: z.enum(INTERACTION_TYPES),
  count: z.number(),
});

const InfluencerPlace = z.object({
  name: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

const TypeCounts = z.object({
  mention: z.number(),
  reply: z.number(),
  repost: z.number(),
  quote: z.number(),
});

export const InfluencerItem = z.object({
  accountId: z.string(),
  handle: z.string().nullable(),
  name: z.string().nullable(),
  /** The global influence score (0..1), whatever the ranking is sorted by. */
  score: z.number(),
  community: z.number().nullable(),
  place: InfluencerPlace.nullable(),
  specialties: z.array(z.string()),
  role: Role,
  /** Share of the account's attention that comes from accounts near its own place (0..1), when known. */
  localReach: z.number().nullable().default(null),
  /** Why analysis flagged the account as spam or a bot; shown only with includeFlagged. */
  spamFlag: z.string().nullable().default(null),
  /** Position in this ranking's context (1 = first) and how many accounts that context holds. */
  rank: z.number().default(0),
  contextSize: z.number().default(0),
  /** Influence inside the topic asked for: score (0..1) and what it counts. Null without a topic. */
  topic: z
    .object({
      key: z.string(),
      label: z.string(),
      score: z.number().nullable(),
      attention: z.number(),
      counts: TypeCounts,
      sources: z.number(),
      localSources: z.number(),
    })
    .nullable()
    .default(null),
  /** Attention in the time window asked for and in the window of equal length before it. */
  window: z
    .object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      attention: z.number(),
      previous: z.number(),
      rising: z.number(),
      counts: TypeCounts,
      sources: z.number(),
      localSources: z.number(),
    })
    .nullable()
    .default(null),
  why: z.object({
    topInteractions: z.array(InteractionReason),
    community: z.object({ id: z.number(), label: z.string().nullable() }).nullable(),
    /** Which filters this account matched, in words: "specialty diabetes", "12 km from Boston". */
    matched: z.array(z.string()),
    /** The explanation in plain sentences: what was counted, and where the account stands. */
    summary: z.array(z.string()).default([]),
  }),
});
export type InfluencerItem = z.infer<typeof InfluencerItem>;

export const InfluencerPage = z.object({ items: z.array(InfluencerItem), next: z.string().nullable() });
export type InfluencerPage = z.infer<typeof InfluencerPage>;

const Cursor = z.object({ s: z.number(), i: z.string(), o: z.number().int().min(0).optional() });

function encodeCursor(k: number, id: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: k, i: id, o: offset })).toString('base64url');
}

function decodeCursor(cursor: string): z.infer<typeof Cursor> {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadCursorError();
  }
}

const Details = z.object({
  accountId: z.string(),
  handle: z.string().nullable(),
  name: z.string().nullable(),
  score: z.number(),
  community: z.number().nullable(),
  communityLabel: z.string().nullable(),
  placeName: z.string().nullable(),
  placeRegion: z.string().nullable(),
  placeCountry: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  specialties: z.array(z.string()),
  role: z.string(),
  localReach: z.number().nullable(),
  spamFlag: z.string().nullable(),
  topInteractions: z.array(InteractionReason),
});

const Counted = z.object({
  attention: z.number(),
  mention: z.number(),
  reply: z.number(),
  repost: z.number(),
  quote: z.number(),
  sources: z.number(),
  localSources: z.number(),
});

const Ranked = z.object({
  accountId: z.string(),
  k: z.number(),
  rank: z.number().optional(),
  total: z.number().optional(),
  topic: Counted.extend({ score: z.number() }).nullable().optional(),
  window: Counted.extend({ previous: z.number() }).nullable().optional(),
});
type Ranked = z.infer<typeof Ranked>;

const LatestRun = z.object({ id: z.string() });
const Latest = z.object({ at: z.string() });

/** "rising" with no dates looks at the last 30 days of data. */
const RISING_DAYS = 30;

interface Window {
  from: number;
  to: number;
  /** As asked, for explanations (null: open). */
  fromText: string | null;
  toText: string | null;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function countsPhrase(c: z.infer<typeof TypeCounts>): string {
  const parts = (
    [
      ['repost', c.repost],
      ['reply', c.reply, 'replies'],
      ['quote', c.quote],
      ['mention', c.mention],
    ] as [string, number, string?][]
  )
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([one, n, many]) => plural(Math.round(n), one, many));
  if (parts.length <= 1) return parts[0] ?? 'no interactions';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function days(w: Window): number {
  return Math.round((w.to - w.from) / DAY);
}

function windowPhrase(w: Window | null): string {
  if (!w) return '';
  if (w.fromText && w.toText) return ` from ${w.fromText} to ${w.toText}`;
  if (w.fromText) return ` since ${w.fromText}`;
  if (w.toText) return ` until ${w.toText}`;
  return ` in the last ${plural(days(w), 'day')} of data`;
}

/**
 * The band of latitude that holds every point within `radiusKm` of `near` (a degree of latitude is at
 * least 110.5 km anywhere), for the Account(lat) index seek of the statements near a place.
 */
function latitudeBand(near: { lat: number } | null, radiusKm: number) {
  if (!near) return { latMin: null, latMax: null };
  const deg = (radiusKm * 1000) / 110_500;
  return { latMin: near.lat - deg, latMax: near.lat + deg };
}

/**
 * How many accounts the global ranking's filters keep. Without a filter, the newest run's own count
 * (scores and flags change only with a run); otherwise, or for a run that predates it, counted now.
 */
async function rankedTotal(db: Db, params: Record<string, unknown>, unfiltered: boolean): Promise<number> {
  if (unfiltered) {
    const [stored] = await db.read(loadCypher('influencers/ranked-count'), {
      includeFlagged: params.includeFlagged,
    });
    if (stored && stored.total !== null && stored.total !== undefined) return Number(stored.total);
  }
  if (params.nearLat !== null && params.nearLat !== undefined) {
    const [row] = await db.read(loadCypher('influencers/global-count-near'), params);
    return Number(row?.total ?? 0);
  }
  const [row] = await db.read(loadCypher('influencers/global-count'), params);
  return Number(row?.total ?? 0);
}

/**
 * The latest run's id when a window ranking in `topic` can be summed from the logs that run stored
 * (queries/topic-window.ts): scored by that run, or on request since (a rarer hashtag is scored now).
 * Null before any analysis, for a topic stored before logs existed, and for a hashtag too large to
 * score on request: those read live.
 */
async function loggedTopicRun(db: Db, topic: Topic, weights: InteractionWeights): Promise<string | null> {
  const [run] = await db.read(loadCypher('analysis/latest-run-id'), { limit: int(1) });
  const runId = run ? LatestRun.parse(run).id : null;
  if (runId === null) return null;
  try {
    return (await ensureTopic(db, topic, { weights, runId })).logged ? runId : null;
  } catch (e) {
    if (e instanceof TooLarge) return null;
    throw e;
  }
}

export async function findInfluencers(db: Db, input: InfluencerQueryInput): Promise<InfluencerPage> {
  const q = InfluencerQuery.parse(input);
  let near: { lat: number; lon: number; label: string } | null = null;
  if (q.near) {
    const place = lookupPlace(q.near);
    if (place && 'ambiguous' in place) throw ambiguousPlace(q.near, place, 'near');
    if (!place || place.lat === null || place.lon === null) throw new UnknownPlaceError(q.near);
    near = { lat: place.lat, lon: place.lon, label: q.near };
  }
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const includeFlagged = q.includeFlagged === true || q.includeFlagged === 'true';
  // The topic: a hashtag is its own conversation; a specialty in words goes through the vocabulary,
  // which refuses an unknown one with the nearest known names. With both, the hashtag is the topic and
  // the specialty a filter on the accounts' specialties.
  const hashtagTopicOf = q.hashtag ? hashtagTopic(q.hashtag) : null;
  if (hashtagTopicOf && hashtagTopicOf.name === '') {
    throw new Invalid('hashtag: is empty', [{ field: 'hashtag', message: 'is empty' }]);
  }
  const specialtyTopic = q.specialty ? resolveSpecialty(q.specialty) : null;
  const topic: Topic | null = hashtagTopicOf ?? specialtyTopic;
  // The stored-specialty filter for accounts that carry it without receiving attention in it.
  const specialty =
    specialtyTopic?.kind === 'specialty'
      ? specialtyTopic.name
      : q.specialty && !specialtyTopic
        ? canonicalSpecialty(q.specialty)
        : null;
  const region = q.region ? canonicalRegion(q.region) : null;
  if (q.sort === 'topic' && !topic && !q.from && !q.to && !q.types) {
    throw new Invalid('sort: "topic" needs a hashtag or a specialty', [
      { field: 'sort', message: 'needs a hashtag or a specialty' },
    ]);
  }

  // A window when one was asked for, or implied by "rising" or by a type filter.
  let window: Window | null = null;
  if (q.from || q.to || q.types || q.sort === 'rising') {
    let from = q.from ? parseWhen(q.from, 'from') : null;
    let to = q.to ? parseWhen(q.to, 'to') : null;
    checkOrder(from, to);
    if (to === null) {
      const [latest] = await db.read(loadCypher('influencers/window-latest'));
      to = latest ? Date.parse(Latest.parse(latest).at) + 1000 : Date.now();
    }
    if (from === null) from = q.sort === 'rising' ? to - RISING_DAYS * DAY : EARLIEST;
    window = { from, to, fromText: q.from ?? null, toText: q.to ?? null };
  }
  const sort = q.sort ?? (topic || window ? 'topic' : 'score');

  const common = {
    community: q.community === undefined ? null : int(q.community),
    role: q.role ?? null,
    minScore: q.minScore ?? null,
    region,
    nearLat: near?.lat ?? null,
    nearLon: near?.lon ?? null,
    radiusM: q.radiusKm * 1000,
    includeFlagged,
    sort,
    afterK: after?.s ?? null,
    afterId: after?.i ?? null,
    // One more than asked tells whether another page exists.
    limit: int(q.limit + 1),
  };
  const weights = InteractionWeights.parse({});
  let ranked: Ranked[];
  let total: number;
  if (window) {
    const types = (q.types?.split(',') ?? WINDOW_TYPES) as (typeof WINDOW_TYPES)[number][];
    const len = window.to - window.from;
    const prevFrom = len < 1000 * 365 * DAY ? window.from - len : window.from;
    // Near a place, read from the accounts in reach (a few percent of them) rather than from every
    // post of the window.
    const statement = near
      ? 'influencers/window-near'
      : topic
        ? 'influencers/window-topic'
        : 'influencers/window-all';
    const runId = topic ? await loggedTopicRun(db, topic, weights) : null;
    const rows = runId
      ? await topicWindowRanking(db, {
          runId,
          key: topic!.key,
          from: window.from,
          to: window.to,
          prevFrom: Math.max(prevFrom, EARLIEST),
          types,
          typeWeights: weights,
          sort,
          afterK: common.afterK,
          afterId: common.afterId,
          limit: q.limit + 1,
          near: near ? { lat: near.lat, lon: near.lon, radiusM: common.radiusM } : null,
          includeFlagged,
          minScore: common.minScore,
          community: q.community ?? null,
          role: common.role,
          region,
        })
      : await db.read(loadCypher(statement), {
          ...common,
          ...latitudeBand(near, q.radiusKm),
          tags: topic?.tags ?? null,
          specialty: topic ? null : specialty,
          hashtag: null,
          from: isoBound(window.from),
          to: isoBound(window.to),
          prevFrom: isoBound(Math.max(prevFrom, EARLIEST)),
          types: types.map((t) => REL[t]),
          typeWeights: Object.fromEntries(WINDOW_TYPES.map((t) => [REL[t], weights[t]])),
          localM: LOCAL_KM * 1000,
        });
    ranked = rows.map((r) => Ranked.parse(r));
    total = ranked[0]?.total ?? 0;
  } else if (topic) {
    const [run] = await db.read(loadCypher('analysis/latest-run'));
    await ensureTopic(db, topic, { weights, runId: run ? LatestRun.parse(run).id : null });
    const rows = await db.read(loadCypher('influencers/topic'), {
      ...common,
      key: topic.key,
      hashtag: topic.kind === 'hashtag' ? topic.name : null,
      specialty,
    });
    ranked = rows.map((r) => Ranked.parse(r));
    total = ranked[0]?.total ?? 0;
  } else {
    const params = { ...common, specialty, ...latitudeBand(near, q.radiusKm) };
    const unfiltered = [q.community, q.role, q.minScore, region, specialty, near].every((f) => f == null);
    const [rows, count] = await Promise.all([
      db.read(
        loadCypher(
          sort === 'localReach'
            ? 'influencers/global-reach'
            : near
              ? 'influencers/global-near'
              : 'influencers/global',
        ),
        params,
      ),
      rankedTotal(db, params, unfiltered),
    ]);
    ranked = rows.map((r) => Ranked.parse(r));
    total = count;
  }

  const page = ranked.slice(0, q.limit);
  const offset = after?.o ?? 0;
  const detailRows = page.length
    ? await db.read(loadCypher('influencers/details'), {
        ids: page.map((r) => r.accountId),
        weights,
        topInteractions: int(3),
      })
    : [];
  const details = new Map(detailRows.map((raw) => [Details.parse(raw).accountId, Details.parse(raw)]));
  const context = contextPhrase({
    topic,
    near,
    radiusKm: q.radiusKm,
    region,
    role: q.role,
    community: q.community,
    window,
  });
  const items: InfluencerItem[] = [];
  page.forEach((row, k) => {
    const r = details.get(row.accountId);
    if (!r) return; // deleted between the two reads
    // Global pages carry their offset in the cursor; topic and window pages know their rank.
    const rank = row.rank ?? offset + k + 1;
    const matched: string[] = [];
    if (q.hashtag && topic)
      matched.push(row.topic || row.window ? `talked about in ${topic.label}` : `used ${topic.label}`);
    if (specialtyTopic && topic !== specialtyTopic) matched.push(`specialty ${specialtyTopic.label}`);
    if (specialtyTopic && topic === specialtyTopic) {
      matched.push(
        row.topic || row.window ? `talked about in ${topic.label}` : `specialty ${specialtyTopic.name}`,
      );
    }
    if (near && r.lat !== null && r.lon !== null) {
      matched.push(`${Math.round(distanceKm(near.lat, near.lon, r.lat, r.lon))} km from ${near.label}`);
    }
    if (region) matched.push(`region ${region}`);
    if (q.role) matched.push(`role ${q.role.replaceAll('_', ' ')}`);
    if (q.community !== undefined) matched.push(`community ${q.community}`);
    if (q.minScore !== undefined) matched.push(`score at least ${q.minScore}`);
    const hasPlace = r.placeName !== null || r.placeRegion !== null || r.placeCountry !== null;
    const tc = row.topic ?? null;
    const wc = row.window ?? null;
    const summary: string[] = [];
    if (wc) {
      summary.push(
        `${countsPhrase(wc)}${topic ? ` in ${topic.label}` : ''}${windowPhrase(window)}, from ${plural(
          wc.sources,
          'account',
        )}, ${wc.localSources} of them local`,
      );
      if (window) {
        const rise = wc.attention - wc.previous;
        summary.push(
          `${rise >= 0 ? 'up' : 'down'} from ${round(wc.previous)} to ${round(wc.attention)} weighted interactions ` +
            `against the ${plural(days(window), 'day')} before`,
        );
      }
    } else if (tc) {
      summary.push(
        `${countsPhrase(tc)} in ${topic!.label}, from ${plural(tc.sources, 'account')}, ` +
          `${tc.localSources} of them local`,
      );
    } else if (topic) {
      summary.push(`no attention in ${topic.label} yet; ranked after its voices by overall influence`);
    }
    if (total > 0) {
      const pct = Math.max(1, Math.ceil((rank / total) * 100));
      summary.push(`#${rank} of ${total.toLocaleString('en-US')}: top ${pct} % of ${context}`);
    }
    if (r.spamFlag) summary.push(`flagged: ${r.spamFlag}`);
    items.push({
      accountId: r.accountId,
      handle: r.handle,
      name: r.name,
      score: r.score,
      community: r.community,
      place: hasPlace
        ? { name: r.placeName, region: r.placeRegion, country: r.placeCountry, lat: r.lat, lon: r.lon }
        : null,
      specialties: r.specialties,
      role: Role.catch('other').parse(r.role),
      localReach: r.localReach,
      spamFlag: r.spamFlag,
      rank,
      contextSize: total,
      topic:
        topic && !wc
          ? {
              key: topic.key,
              label: topic.label,
              score: tc?.score ?? null,
              attention: tc?.attention ?? 0,
              counts: pick(tc),
              sources: tc?.sources ?? 0,
              localSources: tc?.localSources ?? 0,
            }
          : null,
      window:
        wc && window
          ? {
              from: isoBound(window.from),
              to: isoBound(window.to),
              attention: wc.attention,
              previous: wc.previous,
              rising: wc.attention - wc.previous,
              counts: pick(wc),
              sources: wc.sources,
              localSources: wc.localSources,
            }
          : null,
      why: {
        topInteractions: r.topInteractions,
        community: r.community === null ? null : { id: r.community, label: r.communityLabel },
        matched,
        summary,
      },
    });
  });
  const last = page[page.length - 1];
  const next =
    ranked.length > q.limit && last ? encodeCursor(last.k, last.accountId, offset + page.length) : null;
  return { items, next };
}

function round(n: number): string {
  return (Math.round(n * 10) / 10).toLocaleString('en-US');
}

function pick(c: z.infer<typeof Counted> | null): z.infer<typeof TypeCounts> {
  return { mention: c?.mention ?? 0, reply: c?.reply ?? 0, repost: c?.repost ?? 0, quote: c?.quote ?? 0 };
}

/** "#t1d voices within 50 km of Boston, MA from 2025-01-01 to 2025-03-31". */
function contextPhrase(c: {
  topic: Topic | null;
  near: { label: string } | null;
  radiusKm: number;
  region: string | null;
  role: string | undefined;
  community: number | undefined;
  window: Window | null;
}): string {
  const who = c.role ? `${c.role.replaceAll('_', ' ')}s` : 'voices';
  let s = c.topic ? `${c.topic.label} ${who}` : c.window ? who : `ranked ${c.role ? who : 'accounts'}`;
  if (c.near) s += ` within ${c.radiusKm} km of ${c.near.label}`;
  if (c.region) s += ` in ${c.region}`;
  if (c.community !== undefined) s += ` in community ${c.community}`;
  return s + windowPhrase(c.window);
}
