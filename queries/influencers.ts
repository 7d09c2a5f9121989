// The ranking people open Carecircle for: "influencers for type 1 diabetes within 50 km of our
// hospital, their communities, and why they rank there". Used by the API and the `influencers`
// command alike. Scores come from the last `analyze` run (queries/analysis/scores.ts).
import { z } from 'zod';
import { loadCypher } from './cypher.ts';
import { int, type Db } from './db.ts';
import { canonicalRegion, distanceKm, resolvePlace } from './geo/resolve.ts';
import { canonicalSpecialty, normaliseTag } from './taxonomy/specialties.ts';
import { Role } from './taxonomy/role.ts';

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

export const InfluencerQuery = z.object({
  hashtag: text.optional(),
  specialty: text.optional(),
  near: text.optional(),
  radiusKm: z.coerce.number().positive().max(20_000).default(50),
  region: text.optional(),
  role: Role.optional(),
  community: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type InfluencerQuery = z.infer<typeof InfluencerQuery>;
export type InfluencerQueryInput = z.input<typeof InfluencerQuery>;

export const InteractionReason = z.object({
  accountId: z.string(),
  handle: z.string().nullable(),
  type: z.enum(['mention', 'reply', 'repost', 'quote', 'follow']),
  count: z.number(),
});

export const InfluencerPlace = z.object({
  name: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

export const InfluencerItem = z.object({
  accountId: z.string(),
  handle: z.string().nullable(),
  name: z.string().nullable(),
  score: z.number(),
  community: z.number().nullable(),
  place: InfluencerPlace.nullable(),
  specialties: z.array(z.string()),
  role: Role,
  why: z.object({
    topInteractions: z.array(InteractionReason),
    community: z.object({ id: z.number(), label: z.string().nullable() }).nullable(),
    /** Which filters this account matched, in words: "specialty diabetes", "12 km from Boston". */
    matched: z.array(z.string()),
  }),
});
export type InfluencerItem = z.infer<typeof InfluencerItem>;

export const InfluencerPage = z.object({ items: z.array(InfluencerItem), next: z.string().nullable() });
export type InfluencerPage = z.infer<typeof InfluencerPage>;

const Cursor = z.object({ s: z.number(), i: z.string() });

function encodeCursor(score: number, id: string): string {
  return Buffer.from(JSON.stringify({ s: score, i: id })).toString('base64url');
}

function decodeCursor(cursor: string): { s: number; i: string } {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadCursorError();
  }
}

const Row = z.object({
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
  topInteractions: z.array(InteractionReason),
});

export async function findInfluencers(db: Db, input: InfluencerQueryInput): Promise<InfluencerPage> {
  const q = InfluencerQuery.parse(input);
  let near: { lat: number; lon: number; label: string } | null = null;
  if (q.near) {
    const place = resolvePlace(q.near);
    if (!place || place.lat === null || place.lon === null) throw new UnknownPlaceError(q.near);
    near = { lat: place.lat, lon: place.lon, label: q.near };
  }
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const hashtag = q.hashtag ? normaliseTag(q.hashtag) : null;
  const specialty = q.specialty ? canonicalSpecialty(q.specialty) : null;
  const region = q.region ? canonicalRegion(q.region) : null;
  const rows = await db.read(loadCypher('analysis/influencers'), {
    community: q.community === undefined ? null : int(q.community),
    role: q.role ?? null,
    region,
    specialty,
    hashtag,
    nearLat: near?.lat ?? null,
    nearLon: near?.lon ?? null,
    radiusM: q.radiusKm * 1000,
    afterScore: after?.s ?? null,
    afterId: after?.i ?? null,
    // One more than asked tells whether another page exists.
    limit: int(q.limit + 1),
  });
  const parsed = rows.map((r) => Row.parse(r));
  const page = parsed.slice(0, q.limit);
  const items = page.map((r): InfluencerItem => {
    const matched: string[] = [];
    if (hashtag) matched.push(`used #${hashtag}`);
    if (specialty) matched.push(`specialty ${specialty}`);
    if (near && r.lat !== null && r.lon !== null) {
      matched.push(`${Math.round(distanceKm(near.lat, near.lon, r.lat, r.lon))} km from ${near.label}`);
    }
    if (region) matched.push(`region ${region}`);
    if (q.role) matched.push(`role ${q.role}`);
    if (q.community !== undefined) matched.push(`community ${q.community}`);
    const hasPlace = r.placeName !== null || r.placeRegion !== null || r.placeCountry !== null;
    return {
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
      why: {
        topInteractions: r.topInteractions,
        community: r.community === null ? null : { id: r.community, label: r.communityLabel },
        matched,
      },
    };
  });
  const last = page[page.length - 1];
  const next = parsed.length > q.limit && last ? encodeCursor(last.score, last.accountId) : null;
  return { items, next };
}
