// Hashtag chats as the API, the command line and the calendar feed see them: the Chat nodes the
// analysis wrote, their hosts, regulars, newcomers, communities and top voices, the next occurrence,
// and who follows which chat. Follows and feed tokens are audited.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from './audit.ts';
import { Cadence, nextOccurrences } from './analysis/chats.ts';
import { loadCypher } from './cypher.ts';
import { int, type Db } from './db.ts';
import { NotFound } from './errors.ts';
import { canonicalSpecialty, normaliseTag } from './taxonomy/specialties.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

const ChatPerson = z.object({
  id: z.string(),
  handle: z.string().nullable(),
  name: z.string().nullable(),
  score: z.number().nullable(),
  sessions: z.number().int(),
  lastSix: z.number().int().optional(),
  first: z.string().optional(),
});
type ChatPerson = z.infer<typeof ChatPerson>;

export const Chat = z.object({
  tag: z.string(),
  /** "Mondays 21:00–22:00 America/New_York", "first Tuesday of the month 12:00–13:00 …". */
  schedule: z.string(),
  weekday: z.number().int(),
  hour: z.number().int(),
  zone: z.string(),
  cadence: Cadence,
  ordinal: z.number().int().nullable(),
  durationMinutes: z.number().int(),
  status: z.enum(['active', 'stopped']),
  confidence: z.number(),
  evidence: z.string(),
  alsoFits: z.array(z.string()),
  moved: z.object({ weekday: z.number().int(), hour: z.number().int(), until: z.string() }).nullable(),
  questions: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  attended: z.number().int(),
  expected: z.number().int(),
  firstSession: z.string(),
  lastSession: z.string(),
  specialties: z.array(z.string()),
  /** ISO instant (UTC) of the next session; null for a chat that stopped. */
  nextOccurrence: z.string().nullable(),
  hosts: z.array(ChatPerson),
  participants: z.number().int(),
  regulars: z.number().int(),
  followed: z.boolean(),
});
export type Chat = z.infer<typeof Chat>;

export const ChatDetail = Chat.extend({
  nextOccurrences: z.array(z.string()),
  sessions: z.array(z.object({ start: z.string(), posts: z.number().int(), people: z.number().int() })),
  regularPeople: z.array(ChatPerson),
  newcomers: z.array(ChatPerson),
  topVoices: z.array(ChatPerson),
  communities: z.array(
    z.object({ id: z.number().int(), label: z.string().nullable(), members: z.number().int() }),
  ),
});
export type ChatDetail = z.infer<typeof ChatDetail>;

export const ChatQuery = z.object({
  hashtag: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .transform((t) => normaliseTag(t))
    .optional(),
  specialty: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ChatQuery = z.infer<typeof ChatQuery>;

type Stored = Record<string, unknown>;

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

function scheduleText(c: {
  weekday: number;
  hour: number;
  zone: string;
  cadence: Cadence;
  ordinal: number | null;
  durationMinutes: number;
}): string {
  const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  const day = WEEKDAYS[c.weekday - 1] ?? '?';
  const when =
    c.cadence === 'monthly'
      ? `${ORDINALS[c.ordinal ?? 1]} ${day} of the month`
      : c.cadence === 'fortnightly'
        ? `every other ${day}`
        : `${day}s`;
  return `${when} ${hh(c.hour)}–${hh(c.hour + Math.round(c.durationMinutes / 60))} ${c.zone}`;
}

function person(p: Stored): ChatPerson {
  return ChatPerson.parse({
    id: p.id,
    handle: p.handle ?? null,
    name: p.name ?? null,
    score: p.score ?? null,
    sessions: num(p.sessions ?? 0),
    ...(p.lastSix === undefined || p.lastSix === null ? {} : { lastSix: num(p.lastSix) }),
    ...(typeof p.first === 'string' ? { first: p.first } : {}),
  });
}

function chatOf(
  c: Stored,
  extra: { hosts: Stored[]; participants: number; regulars: number; followed: boolean },
  now: number,
): Chat {
  const base = {
    weekday: num(c.weekday),
    hour: num(c.hour),
    zone: String(c.zone),
    cadence: Cadence.parse(c.cadence),
    ordinal: c.ordinal === null || c.ordinal === undefined ? null : num(c.ordinal),
    durationMinutes: num(c.durationMinutes),
  };
  const starts = (c.sessionStarts as string[] | undefined) ?? [];
  const status = c.status === 'stopped' ? 'stopped' : 'active';
  const next =
    status === 'active'
      ? (nextOccurrences(
          { ...base, sessions: starts.map((start) => ({ start, posts: 0, people: 0 })) },
          now,
          1,
        )[0] ?? null)
      : null;
  return Chat.parse({
    tag: c.tag,
    schedule: scheduleText(base),
    ...base,
    status,
    confidence: num(c.confidence),
    evidence: c.evidence,
    alsoFits: c.alsoFits ?? [],
    moved:
      c.movedHour === null || c.movedHour === undefined
        ? null
        : { weekday: num(c.movedWeekday), hour: num(c.movedHour), until: String(c.movedUntil) },
    questions:
      c.questionsFrom === null || c.questionsFrom === undefined
        ? null
        : { from: num(c.questionsFrom), to: num(c.questionsTo) },
    attended: num(c.attended),
    expected: num(c.expected),
    firstSession: c.firstSession,
    lastSession: c.lastSession,
    specialties: c.specialties ?? [],
    nextOccurrence: next,
    hosts: extra.hosts.filter((h) => h && h.id).map(person),
    participants: extra.participants,
    regulars: extra.regulars,
    followed: extra.followed,
  });
}

export async function listChats(
  db: Db,
  q: ChatQuery,
  opts: { user?: string | null; now?: number } = {},
): Promise<Chat[]> {
  const rows = await db.read(loadCypher('chats/list'), {
    tag: q.hashtag ?? null,
    specialty: q.specialty ? canonicalSpecialty(q.specialty) : null,
    limit: int(q.limit),
    user: opts.user ?? null,
  });
  const now = opts.now ?? Date.now();
  return rows.map((r) =>
    chatOf(
      r.chat as Stored,
      {
        hosts: (r.hosts as Stored[]) ?? [],
        participants: num(r.participants),
        regulars: num(r.regulars),
        followed: r.followed === true,
      },
      now,
    ),
  );
}

const PEOPLE_LIMIT = 50;

export async function getChat(
  db: Db,
  tag: string,
  opts: { user?: string | null; now?: number } = {},
): Promise<ChatDetail> {
  const clean = normaliseTag(tag);
  const [chat] = await listChats(db, { hashtag: clean, limit: 1 }, opts);
  if (!chat)
    throw new NotFound(`no chat found for #${clean}`, [{ field: 'params.tag', message: 'no such chat' }]);
  const [[stored], [people]] = await Promise.all([
    db.read(loadCypher('chats/list'), { tag: clean, specialty: null, limit: int(1), user: null }),
    db.read(loadCypher('chats/people'), { tag: clean, limit: int(PEOPLE_LIMIT) }),
  ]);
  const c = (stored?.chat ?? {}) as Stored;
  const starts = (c.sessionStarts as string[]) ?? [];
  const postsBy = (c.sessionPosts as number[]) ?? [];
  const peopleBy = (c.sessionPeople as number[]) ?? [];
  const now = opts.now ?? Date.now();
  return ChatDetail.parse({
    ...chat,
    nextOccurrences:
      chat.status === 'active'
        ? nextOccurrences(
            { ...chat, sessions: starts.map((start) => ({ start, posts: 0, people: 0 })) },
            now,
            3,
          )
        : [],
    sessions: starts
      .map((start, i) => ({ start, posts: num(postsBy[i]), people: num(peopleBy[i]) }))
      .reverse(),
    regularPeople: ((people?.regulars as Stored[]) ?? []).map(person),
    newcomers: ((people?.newcomers as Stored[]) ?? []).map(person),
    topVoices: ((people?.topVoices as Stored[]) ?? []).map(person),
    communities: ((people?.communities as Stored[]) ?? []).map((k) => ({
      id: num(k.id),
      label: (k.label as string | null) ?? null,
      members: num(k.members),
    })),
  });
}

async function requireChat(db: Db, tag: string): Promise<string> {
  const clean = normaliseTag(tag);
  const rows = await db.read(loadCypher('chats/list'), {
    tag: clean,
    specialty: null,
    limit: int(1),
    user: null,
  });
  if (!rows.length)
    throw new NotFound(`no chat found for #${clean}`, [{ field: 'params.tag', message: 'no such chat' }]);
  return clean;
}

export async function followChat(
  db: Db,
  user: string,
  tag: string,
): Promise<{ tag: string; followed: true }> {
  const clean = await requireChat(db, tag);
  await db.writeTx(async (tx) => {
    const existing = await tx.run(loadCypher('chats/follow'), {
      user,
      tag: clean,
      now: new Date().toISOString(),
    });
    await appendAudit(tx, {
      actor: user,
      action: 'chat.follow',
      target: `chat:${clean}`,
      before: null,
      after: { tag: clean, since: existing[0]?.createdAt ?? null },
    });
  }, 'chats/follow');
  return { tag: clean, followed: true };
}

export async function unfollowChat(
  db: Db,
  user: string,
  tag: string,
): Promise<{ tag: string; followed: false }> {
  const clean = normaliseTag(tag);
  await db.writeTx(async (tx) => {
    const [r] = await tx.run(loadCypher('chats/unfollow'), { user, tag: clean });
    if (num(r?.removed ?? 0) > 0) {
      await appendAudit(tx, {
        actor: user,
        action: 'chat.unfollow',
        target: `chat:${clean}`,
        before: { tag: clean },
        after: null,
      });
    }
  }, 'chats/unfollow');
  return { tag: clean, followed: false };
}

/** Followed chats as stored, for the calendar. */
export async function followedChats(db: Db, user: string, now = Date.now()): Promise<ChatDetail[]> {
  const rows = await db.read(loadCypher('chats/followed'), { user, limit: int(500) });
  return rows.map((r) => {
    const c = r.chat as Stored;
    const chat = chatOf(
      c,
      { hosts: (r.hosts as Stored[]) ?? [], participants: 0, regulars: 0, followed: true },
      now,
    );
    const starts = (c.sessionStarts as string[]) ?? [];
    return ChatDetail.parse({
      ...chat,
      nextOccurrences: [],
      sessions: starts.map((start) => ({ start, posts: 0, people: 0 })),
      regularPeople: [],
      newcomers: [],
      topVoices: [],
      communities: [],
    });
  });
}

// Calendar feed tokens. Calendar apps cannot send a session cookie, so the feed URL carries a
// random secret; only its SHA-256 is stored (a database read does not reveal working feed URLs),
// a new one replaces the old, and revoking deletes it.
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const FeedToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a calendar feed token');

export async function createFeedToken(db: Db, user: string): Promise<{ token: string; createdAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date().toISOString();
  // A domain error thrown inside the transaction would come out as a database error: flag it instead.
  const stored = await db.writeTx(async (tx) => {
    const before = await tx.run(loadCypher('chats/get-feed'), { user });
    const set = await tx.run(loadCypher('chats/set-feed'), { user, hash: hashToken(token), now });
    if (!set.length) return false;
    // The audit entry records that a feed exists, never the token or its hash.
    await appendAudit(tx, {
      actor: user,
      action: before.length ? 'calendar-feed.replace' : 'calendar-feed.create',
      target: `user:${user}`,
      before: before.length ? { createdAt: before[0]!.createdAt } : null,
      after: { createdAt: now },
    });
    return true;
  }, 'chats/set-feed');
  if (!stored) throw new NotFound(`no user ${user}`);
  return { token, createdAt: now };
}

export async function revokeFeedToken(db: Db, user: string): Promise<{ revoked: boolean }> {
  return db.writeTx(async (tx) => {
    const [r] = await tx.run(loadCypher('chats/revoke-feed'), { user });
    const revoked = num(r?.removed ?? 0) > 0;
    if (revoked) {
      await appendAudit(tx, {
        actor: user,
        action: 'calendar-feed.revoke',
        target: `user:${user}`,
        before: {},
        after: null,
      });
    }
    return { revoked };
  }, 'chats/revoke-feed');
}

export async function feedStatus(db: Db, user: string): Promise<{ createdAt: string | null }> {
  const [r] = await db.read(loadCypher('chats/get-feed'), { user });
  return { createdAt: (r?.createdAt as string | undefined) ?? null };
}

/** The user a feed token belongs to, or null for an unknown or revoked token. */
export async function userForFeedToken(db: Db, token: string): Promise<string | null> {
  if (!FeedToken.safeParse(token).success) return null;
  const [r] = await db.read(loadCypher('chats/feed-user'), { hash: hashToken(token) });
  return r ? String(r.user) : null;
}
