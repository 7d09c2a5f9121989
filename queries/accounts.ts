// One account as the account page shows it (profile, strongest partners, warm paths), read from the
// graph contract in queries/README.md.
import { z } from 'zod';
import { loadCypher } from './cypher.ts';
import { int, type Db } from './db.ts';
import { CommunityId, GraphEdge, GraphNode, nodeRow } from './graph.ts';
import type { PostWindow } from './window.ts';
import { Relationship, Stage } from './outreach/model.ts';
import { ScoreColumns, StoredAccountSignals } from './account-columns.ts';

/** Whether an account with this id is in the graph. */
export async function accountExists(db: Db, id: string): Promise<boolean> {
  return (await db.read(loadCypher('accounts/exists'), { accountId: id })).length > 0;
}

/** The account and its strongest partners; with a window, counted from that window's interactions. */
export async function egoView(
  db: Db,
  id: string,
  limit: number,
  window: PostWindow | null = null,
): Promise<{ nodes: z.infer<typeof GraphNode>[]; edges: z.infer<typeof GraphEdge>[] } | null> {
  const [row] = window
    ? await db.read(loadCypher('accounts/ego-window'), {
        id,
        limit: int(limit),
        from: window.from,
        to: window.to,
        types: window.types,
      })
    : await db.read(loadCypher('accounts/ego'), { id, limit: int(limit) });
  if (!row) return null;
  return {
    nodes: (row.nodes as Record<string, unknown>[]).map((n) => nodeRow(n, 'account')),
    edges: (row.edges as unknown[]).map((e) => GraphEdge.parse(e)),
  };
}

export const WarmPath = z.object({
  stage: Stage,
  hops: z.number().int(),
  accounts: z.array(z.object({ id: z.string(), handle: z.string().nullable(), name: z.string().nullable() })),
  links: z.array(GraphEdge),
});

export async function warmPaths(db: Db, id: string, maxHops: number, limit: number) {
  const rows = await db.read(loadCypher('accounts/paths'), {
    id,
    maxHops: int(maxHops),
    limit: int(limit),
  });
  return rows.map((r) => WarmPath.parse(r));
}

export const AccountProfile = z.object({
  account: z.object({
    id: z.string(),
    platform: z.string().nullable(),
    handle: z.string().nullable(),
    name: z.string().nullable(),
    bio: z.string().nullable(),
    location: z.string().nullable(),
    followers: z.number().nullable(),
    following: z.number().nullable(),
    verified: z.boolean().nullable(),
    url: z.string().nullable(),
    place: z
      .object({
        name: z.string().nullable(),
        region: z.string().nullable(),
        country: z.string().nullable(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
      })
      .nullable(),
    specialties: z.array(z.string()),
    role: z.string().nullable(),
  }),
  // The analysis columns (contract.ts), its rank among all accounts, and the signals.
  scores: ScoreColumns.extend({ rank: z.number().int().nullable() }).extend(StoredAccountSignals.shape),
  community: z
    .object({ id: CommunityId, label: z.string().nullable(), size: z.number().nullable() })
    .nullable(),
  explanation: z.array(z.string()),
  interactions: z.object({
    inAccounts: z.number().int(),
    inTotal: z.number(),
    outAccounts: z.number().int(),
    outTotal: z.number(),
  }),
  topHashtags: z.array(z.object({ tag: z.string(), count: z.number() })),
  recentPosts: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string().nullable(),
      text: z.string().nullable(),
      url: z.string().nullable(),
      hashtags: z.array(z.string()),
    }),
  ),
  outreach: z.object({ relationship: Relationship.nullable(), contacts: z.number().int() }),
});
export type AccountProfile = z.infer<typeof AccountProfile>;

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

export async function accountProfile(db: Db, id: string): Promise<AccountProfile | null> {
  const [row] = await db.read(loadCypher('accounts/get'), { id, posts: int(10) });
  if (!row) return null;
  const a = row.account as Record<string, unknown>;
  const score = num(a.score);
  const rank = num(row.rank);
  const rel = row.relationship;
  const community = row.community as Record<string, unknown> | null;
  const communityId = a.community ?? null;
  const profile: AccountProfile = {
    account: {
      id: String(a.id),
      platform: str(a.platform),
      handle: str(a.handle),
      name: str(a.name),
      bio: str(a.bio),
      location: str(a.location),
      followers: num(a.followers),
      following: num(a.following),
      verified: typeof a.verified === 'boolean' ? a.verified : null,
      url: str(a.url),
      place:
        a.placeName || a.lat !== null
          ? {
              name: str(a.placeName),
              region: str(a.placeRegion),
              country: str(a.placeCountry),
              lat: num(a.lat),
              lon: num(a.lon),
            }
          : null,
      specialties: Array.isArray(a.specialties) ? a.specialties.map(String) : [],
      role: str(a.roleOverride) ?? str(a.role),
    },
    scores: {
      score,
      rank,
      pagerank: num(a.pagerank),
      inWeight: num(a.inWeight),
      communityShare: num(a.communityShare),
      bridge: num(a.bridge),
      localReach: num(a.localReach),
      spamFlag: str(a.spamFlag),
    },
    community:
      communityId === null
        ? null
        : {
            id: communityId as number | string,
            label: str(community?.label),
            size: num(community?.size),
          },
    explanation: [],
    interactions: {
      inAccounts: Number(row.inAccounts),
      inTotal: Number(row.inTotal),
      outAccounts: Number(row.outAccounts),
      outTotal: Number(row.outTotal),
    },
    topHashtags: (row.hashtags as { tag: string; count: unknown }[]).map((h) => ({
      tag: h.tag,
      count: Number(h.count ?? 0),
    })),
    recentPosts: (row.posts as Record<string, unknown>[]).map((p) => ({
      id: String(p.id),
      createdAt: str(p.createdAt),
      text: str(p.text),
      url: str(p.url),
      hashtags: (p.hashtags as unknown[]).map(String),
    })),
    outreach: {
      relationship: rel ? Relationship.parse(rel) : null,
      contacts: Number(row.contacts ?? 0),
    },
  };
  profile.explanation = explain(profile);
  return profile;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Plain sentences saying why the account ranks where it does, from the stored scores (no metric names). */
function explain(p: AccountProfile): string[] {
  const out: string[] = [];
  const s = p.scores;
  if (s.rank !== null) out.push(`ranked #${s.rank} of all accounts by influence`);
  if (p.interactions.inAccounts > 0) {
    out.push(
      `${plural(p.interactions.inAccounts, 'account')} interacted with it ` +
        `${plural(p.interactions.inTotal, 'time')} (mentions, replies, reposts, quotes, follows)`,
    );
  }
  // PageRank in words: attention from accounts that are themselves listened to counts for more.
  if (s.pagerank !== null && s.pagerank > 0 && p.interactions.inAccounts > 0)
    out.push('part of its influence comes from accounts that are themselves much listened to');
  if (p.community) {
    const share =
      s.communityShare !== null && s.communityShare > 0
        ? `; it draws ${percent(s.communityShare)} of the attention inside that community`
        : '';
    out.push(`belongs to the ${p.community.label ?? `community ${p.community.id}`} community${share}`);
  }
  // The bridge score is the spread of its interactions over communities (participation coefficient).
  if (s.bridge !== null && s.bridge >= 0.5)
    out.push('links several communities: its conversations cross groups');
  else if (s.bridge !== null && s.bridge >= 0.2) out.push('talks with people in more than one community');
  if (p.topHashtags.length > 0) {
    out.push(
      `talks about ${p.topHashtags
        .slice(0, 3)
        .map((h) => `#${h.tag}`)
        .join(', ')}`,
    );
  }
  if (p.account.specialties.length > 0)
    out.push(`works in ${p.account.specialties.map((x) => x.replaceAll('-', ' ')).join(', ')}`);
  if (p.account.place?.name) out.push(`based in ${p.account.place.name}`);
  if (s.localReach !== null) out.push(localReachSentence(s.localReach));
  if (s.spamFlag) out.push(`flagged as possible spam or bot: ${s.spamFlag}`);
  return out;
}

/** "4 %", "0.5 %": a share in words a reader takes in at a glance. */
function percent(share: number): string {
  const pct = share * 100;
  return pct >= 1 || pct === 0 ? `${Math.round(pct)} %` : `${pct.toFixed(1)} %`;
}

/** "62 % of the attention it gets comes from within 50 km". */
function localReachSentence(share: number): string {
  return `${Math.round(share * 100)} % of the attention it gets comes from within 50 km`;
}
