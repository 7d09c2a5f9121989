// The mentions inbox: every post that names the organisation lands once as a (:Mention {postId}),
// classified, with an SLA clock; staff triage it, draft a reply that passes both guards, and record
// the reply they posted. Clinical-safety mentions are escalated at once to the users marked for it.
// Time is passed in (`now`) so tests run on an injected clock; every staff change is audited.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { appendAudit } from './audit.ts';
import { loadCypher } from './cypher.ts';
import { int, type Db, type Row, type Tx } from './db.ts';
import { Conflict, Invalid, NotFound, PhiDetected } from './errors.ts';
import { getIdentity } from './identity.ts';
import { classify } from './listening/classify.ts';
import {
  Amplifier,
  Identity as IdentitySchema,
  MentionAuthor,
  MentionDetail,
  MentionSummary,
  Notification,
  OPEN_STATES,
  Weekly,
  type Category,
  type Identity,
  type MatchReason,
  type ReplyProblem,
  type Sentiment,
  type TriageState,
} from './listening/contract.ts';
import { compileMatcher, type Matcher } from './listening/match.ts';
import { checkReply } from './listening/reply-check.ts';
import { dueAt } from './listening/sla.ts';

const PAGE = 5000;

interface ScanOptions {
  /** Only these posts (a collector's or an ingest batch's); all posts when left out. */
  postIds?: readonly string[];
  now?: Date;
  log?: (line: string) => void;
  /** After each page of a full scan: posts read so far, and how many posts there are. */
  onProgress?: (p: { scanned: number; total: number }) => void;
}

export interface ScanSummary {
  scanned: number;
  matched: number;
  created: number;
  escalated: number;
  seconds: number;
}

interface ScannedPost {
  id: string;
  platform: string | null;
  text: string | null;
  lang: string | null;
  url: string | null;
  createdAt: string | null;
  authorId: string | null;
  tags: string[];
  links: { type: string; target: string }[];
  isRepost: boolean;
}

const LINK_KIND: Record<string, MatchReason['kind']> = {
  MENTIONS: 'mention',
  REPLIES_TO: 'reply',
  QUOTES: 'quote',
};

function isoWeek(iso: string | null, fallback: Date): string {
  const d = iso ? DateTime.fromISO(iso, { zone: 'utc' }) : DateTime.fromJSDate(fallback, { zone: 'utc' });
  return (d.isValid ? d : DateTime.fromJSDate(fallback, { zone: 'utc' })).toFormat("kkkk-'W'WW");
}

/** Names removed before scoring sentiment (see classify.ts): our names and the words they are made of. */
function ownNames(identity: Identity): string[] {
  const names = [...identity.names, ...identity.nicknames, ...identity.campuses];
  const handles = identity.accounts.filter((a) => a.startsWith('@')).map((a) => a.slice(1));
  return [...names, ...handles, ...names.flatMap((n) => n.split(/\s+/)).filter((w) => w.length >= 4)];
}

/** Decides which posts name us and what they are; pure, so the CLI, ingest and collectors share it. */
function decideMentions(
  posts: ScannedPost[],
  matcher: Matcher,
  ours: Set<string>,
  identity: Identity,
  now: Date,
): Row[] {
  const names = ownNames(identity);
  const out: Row[] = [];
  for (const p of posts) {
    if (p.authorId && ours.has(p.authorId)) continue;
    const reasons: MatchReason[] = p.links.map((l) => ({
      kind: LINK_KIND[l.type] ?? 'mention',
      value: l.target,
    }));
    // A repost's text and hashtags belong to the original post, which is matched itself.
    if (!p.isRepost) reasons.push(...matcher.match(p.text, p.tags));
    if (!reasons.length) continue;
    const c = classify(p.text, { names, lang: p.lang });
    out.push({
      postId: p.id,
      platform: p.platform,
      text: p.text,
      url: p.url,
      createdAt: p.createdAt,
      lang: c.lang,
      authorId: p.authorId,
      sentiment: c.sentiment,
      score: c.score,
      category: c.category,
      cues: c.cues,
      reasons: reasons.map((r) => `${r.kind}:${r.value}`),
      dueAt: dueAt(now, c.category, identity.sla).toISOString(),
      week: isoWeek(p.createdAt, now),
    });
  }
  return out;
}

async function ourAccountIds(db: Db, matcher: Matcher): Promise<Set<string>> {
  const ids = new Set(matcher.accountIds);
  if (matcher.handles.length) {
    for (const r of await db.read(loadCypher('identity/resolve-handles'), { handles: matcher.handles })) {
      ids.add(String(r.id));
    }
  }
  return ids;
}

/**
 * Puts every post that names us into the inbox, once. Called at the end of ingest, by `listen scan`
 * and by the collectors after each batch (with the batch's post ids). Safe to run again: a post
 * already in the inbox keeps its triage and clock. With no identity configured it does nothing.
 */
export async function scanMentions(db: Db, opts: ScanOptions = {}): Promise<ScanSummary> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const identity = await getIdentity(db);
  const matcher = compileMatcher(identity);
  const summary: ScanSummary = { scanned: 0, matched: 0, created: 0, escalated: 0, seconds: 0 };
  if (matcher.empty) return { ...summary, seconds: (Date.now() - started) / 1000 };
  const ours = await ourAccountIds(db, matcher);
  const oursList = [...ours];

  const handle = async (rows: Row[]) => {
    const posts = rows as unknown as ScannedPost[];
    summary.scanned += posts.length;
    const decided = decideMentions(posts, matcher, ours, identity, now);
    if (!decided.length) return;
    summary.matched += decided.length;
    const written = await db.writeTx(async (tx) => {
      const rows = await tx.run(loadCypher('mentions/upsert'), { mentions: decided, now: now.toISOString() });
      await touchInbox(tx);
      return rows;
    }, 'mentions/upsert');
    const fresh = written.filter((w) => w.created === true);
    summary.created += fresh.length;
    for (const w of fresh.filter((f) => f.category === 'clinical_safety')) {
      const d = decided.find((x) => x.postId === w.postId)!;
      summary.escalated += await escalate(db, String(w.postId), d.cues as string[], now);
    }
  };

  if (opts.postIds) {
    for (let i = 0; i < opts.postIds.length; i += PAGE) {
      const ids = opts.postIds.slice(i, i + PAGE);
      await handle(await db.read(loadCypher('mentions/scan-posts'), { ids, ours: oursList }));
      const targets = await db.read(loadCypher('mentions/reach-targets'), { ids });
      const postIds = [...new Set([...targets.map((t) => String(t.postId)), ...ids])];
      await writeReach(db, postIds);
    }
  } else {
    const [count] = await db.read(loadCypher('mentions/post-count'));
    const total = Number(count?.posts ?? 0);
    let after = '';
    for (;;) {
      const rows = await db.read(loadCypher('mentions/scan-page'), {
        after,
        limit: int(PAGE),
        ours: oursList,
      });
      if (!rows.length) break;
      await handle(rows);
      after = String(rows[rows.length - 1]!.id);
      opts.log?.(`listen: ${summary.scanned.toLocaleString('en-US')} posts read, ${summary.matched} name us`);
      opts.onProgress?.({ scanned: summary.scanned, total });
    }
    await refreshReach(db);
  }
  return { ...summary, seconds: (Date.now() - started) / 1000 };
}

/** Marks the inbox as changed, inside the transaction that changed it (see the server's inbox cache). */
async function touchInbox(tx: Tx): Promise<void> {
  await tx.run(loadCypher('mentions/touch-inbox'));
}

/** The token the inbox cache keys on: it changes with every write to mentions, from any process. */
/** Whether the inbox holds any mention at all. */
export async function anyMentions(db: Db): Promise<boolean> {
  return (await db.read(loadCypher('mentions/any'))).length > 0;
}

/** For the demo's planted posts: the most followed accounts that are not a hospital. */
export async function demoAuthors(db: Db, limit: number): Promise<string[]> {
  return (await db.read(loadCypher('mentions/demo-authors'), { limit: int(limit) })).map((r) => String(r.id));
}

export async function inboxVersion(db: Db): Promise<string> {
  const [row] = await db.read(loadCypher('mentions/inbox-version'));
  return `${String(row?.version ?? 'none')}:${String(row?.mentions ?? 0)}`;
}

async function writeReach(db: Db, postIds: string[]): Promise<void> {
  await db.writeTx(async (tx) => {
    const [r] = await tx.run(loadCypher('mentions/reach'), { postIds });
    if (Number(r?.updated ?? 0) > 0) await touchInbox(tx);
  }, 'mentions/reach');
}

async function refreshReach(db: Db): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db.read(loadCypher('mentions/all-ids'), { after, limit: int(1000) });
    if (!rows.length) return;
    await writeReach(
      db,
      rows.map((r) => String(r.postId)),
    );
    after = String(rows[rows.length - 1]!.postId);
  }
}

/** Tells every user marked for escalation, at once, with the reason; audited. Returns how many. */
async function escalate(db: Db, postId: string, cues: string[], now: Date): Promise<number> {
  const reason = `clinical-safety concern: ${cues.join(', ') || 'safety cue'}`;
  return db.writeTx(async (tx) => {
    const users = await tx.run(loadCypher('identity/escalation-users'));
    for (const u of users) {
      await tx.run(loadCypher('mentions/create-notification'), {
        id: randomUUID(),
        user: u.name,
        postId,
        reason,
        at: now.toISOString(),
      });
    }
    await tx.run(loadCypher('mentions/mark-escalated'), { postId });
    await touchInbox(tx);
    await appendAudit(tx, {
      actor: 'system',
      action: 'mention.escalate',
      target: `mention:${postId}`,
      before: null,
      after: { reason, to: users.map((u) => u.name) },
    });
    return users.length;
  }, 'mentions/escalate');
}

// ---- reading -------------------------------------------------------------------------------------

function parseReason(s: string): MatchReason {
  const i = s.indexOf(':');
  return { kind: s.slice(0, i) as MatchReason['kind'], value: s.slice(i + 1) };
}

function summaryOf(row: Row, now: Date): MentionSummary {
  const m = row.mention as Row;
  const due = (m.dueAt as string | null) ?? null;
  return MentionSummary.parse({
    postId: m.postId,
    platform: m.platform ?? null,
    text: m.text ?? null,
    url: m.url ?? null,
    createdAt: m.createdAt ?? null,
    receivedAt: m.receivedAt,
    lang: m.lang ?? null,
    sentiment: m.sentiment,
    sentimentScore: m.sentimentScore ?? 0,
    category: m.category,
    cues: m.cues ?? [],
    reasons: ((m.reasons as string[] | null) ?? []).map(parseReason),
    state: m.state,
    owner: m.owner ?? null,
    dueAt: due,
    overdue: due !== null && due < now.toISOString(),
    firstResponseAt: m.firstResponseAt ?? null,
    reach: m.reach ?? 0,
    author: MentionAuthor.parse(row.author),
    escalated: m.escalated === true,
  });
}

interface ListQuery {
  view: 'open' | 'all';
  owner?: string | undefined;
  category?: Category | undefined;
  state?: TriageState | undefined;
  sentiment?: Sentiment | undefined;
  limit: number;
  offset: number;
}

const LIST_STATEMENTS = {
  open: {
    any: 'mentions/list-open',
    owner: 'mentions/list-open-owner',
    category: 'mentions/list-open-category',
  },
  all: { any: 'mentions/list-all', owner: 'mentions/list-all-owner', category: 'mentions/list-all-category' },
} as const;

/**
 * The inbox's rows as read, before anything that depends on the time (overdue) is worked out: the
 * server caches these and shapes them per request (`mentionSummaries`).
 */
export async function readMentions(db: Db, q: ListQuery): Promise<Row[]> {
  // An owner or a category is read through its own composite index, so a short queue or a rare
  // category is found without walking every open mention (tests/integration/server/bounded-reads-inbox).
  const by = q.owner ? 'owner' : q.category ? 'category' : 'any';
  return db.read(loadCypher(LIST_STATEMENTS[q.view][by]), {
    owner: q.owner ?? null,
    category: q.category ?? null,
    state: q.state ?? null,
    sentiment: q.sentiment ?? null,
    skip: int(q.offset),
    limit: int(q.limit),
  });
}

export function mentionSummaries(rows: readonly Row[], now = new Date()): MentionSummary[] {
  return rows.map((r) => summaryOf(r, now));
}

/** The inbox: open mentions due soonest first (overdue on top), or everything newest first. */
export async function listMentions(db: Db, q: ListQuery, now = new Date()): Promise<MentionSummary[]> {
  return mentionSummaries(await readMentions(db, q), now);
}

/** A mention and who amplified it, as read (see `readMentions`); NotFound when there is none. */
interface MentionRead {
  row: Row;
  amplifiers: Amplifier[];
}

export async function readMention(db: Db, postId: string): Promise<MentionRead> {
  const [row] = await db.read(loadCypher('mentions/get'), { postId });
  if (!row)
    throw new NotFound(`no mention of post ${postId}`, [{ field: 'params.id', message: 'no such mention' }]);
  const amplifiers = (await db.read(loadCypher('mentions/amplifiers'), { postId, limit: int(500) })).map(
    (a) => Amplifier.parse(a),
  );
  return { row, amplifiers };
}

export async function getMention(db: Db, postId: string, now = new Date()): Promise<MentionDetail> {
  return mentionDetail(await readMention(db, postId), now);
}

export function mentionDetail({ row, amplifiers }: MentionRead, now = new Date()): MentionDetail {
  const m = row.mention as Row;
  const byDay = new Map<string, number>();
  for (const a of amplifiers) {
    const day = (a.at ?? '').slice(0, 10);
    if (day) byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  let total = 0;
  const reachOverTime = [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, n]) => ({ day, reach: (total += n) }));
  const base = summaryOf(row, now);
  return MentionDetail.parse({
    ...base,
    reach: Math.max(base.reach, amplifiers.length),
    reason: m.reason ?? null,
    draft: m.draft ?? null,
    sentReply: m.sentText ? { text: m.sentText, url: m.sentUrl, by: m.sentBy, at: m.sentAt } : null,
    amplifiers,
    reachOverTime,
    escalatedTo: row.escalatedTo ?? [],
  });
}

// ---- triage --------------------------------------------------------------------------------------

interface TriageFields {
  state: TriageState;
  owner: string | null;
  dueAt: string | null;
  reason: string | null;
  draft: string | null;
  firstResponseAt: string | null;
  sentText: string | null;
  sentUrl: string | null;
  sentBy: string | null;
  sentAt: string | null;
}

function fieldsOf(m: Row): TriageFields {
  return {
    state: m.state as TriageState,
    owner: (m.owner as string | null) ?? null,
    dueAt: (m.dueAt as string | null) ?? null,
    reason: (m.reason as string | null) ?? null,
    draft: (m.draft as string | null) ?? null,
    firstResponseAt: (m.firstResponseAt as string | null) ?? null,
    sentText: (m.sentText as string | null) ?? null,
    sentUrl: (m.sentUrl as string | null) ?? null,
    sentBy: (m.sentBy as string | null) ?? null,
    sentAt: (m.sentAt as string | null) ?? null,
  };
}

/** Which state may follow which. "responded" is reached only by recording the sent reply. */
const NEXT: Record<TriageState, readonly TriageState[]> = {
  new: ['assigned', 'resolved', 'no_action'],
  assigned: ['new', 'assigned', 'resolved', 'no_action'],
  responded: ['resolved', 'assigned'],
  resolved: ['assigned'],
  no_action: ['assigned'],
};

type Outcome<T> =
  { ok: T } | { missing: string } | { conflict: string; field: string } | { invalid: string; field: string };

function unwrap<T>(o: Outcome<T>): T {
  if ('ok' in o) return o.ok;
  if ('missing' in o) throw new NotFound(o.missing, [{ field: 'params.id', message: 'no such mention' }]);
  if ('conflict' in o) throw new Conflict(o.conflict, [{ field: o.field, message: o.conflict }]);
  throw new Invalid(o.invalid, [{ field: o.field, message: o.invalid }]);
}

/**
 * Applies one change to one mention inside a transaction with its audit entry. Errors come back as
 * values: Db turns anything thrown inside a transaction into a database error.
 */
async function change(
  tx: Tx,
  actor: string,
  postId: string,
  action: string,
  decide: (before: TriageFields, m: Row) => TriageFields | Exclude<Outcome<never>, { ok: never }>,
  now: Date,
): Promise<Outcome<TriageFields>> {
  const [row] = await tx.run(loadCypher('mentions/get'), { postId });
  if (!row) return { missing: `no mention of post ${postId}` };
  const m = row.mention as Row;
  const before = fieldsOf(m);
  const after = decide(before, m);
  if (!('state' in after)) return after;
  await tx.run(loadCypher('mentions/set-triage'), { postId, ...after, now: now.toISOString(), actor });
  await touchInbox(tx);
  await appendAudit(tx, { actor, action, target: `mention:${postId}`, before, after });
  return { ok: after };
}

async function userExists(tx: Tx, name: string): Promise<boolean> {
  return (await tx.run(loadCypher('identity/user-exists'), { name })).length > 0;
}

/** Assigns mentions (one or many) to an owner; a closed mention is reopened with a fresh clock. */
export async function assignMentions(
  db: Db,
  actor: string,
  postIds: string[],
  owner: string,
  now = new Date(),
): Promise<{ assigned: number }> {
  const result = await db.writeTx(async (tx): Promise<Outcome<{ assigned: number }>> => {
    if (!(await userExists(tx, owner))) return { invalid: `no user ${owner}`, field: 'body.owner' };
    const sla = (await getIdentityTx(tx)).sla;
    for (const postId of postIds) {
      const r = await change(
        tx,
        actor,
        postId,
        'mention.assign',
        (b, m) => {
          // A mention already answered keeps its state and stopped clock; anything else is now
          // assigned, and a closed one that was never answered gets a fresh clock.
          if (b.state === 'responded') return { ...b, owner };
          const clock = OPEN_STATES.includes(b.state) ? b.dueAt : null;
          return {
            ...b,
            state: 'assigned',
            owner,
            dueAt:
              clock ?? (b.firstResponseAt ? null : dueAt(now, m.category as Category, sla).toISOString()),
          };
        },
        now,
      );
      if (!('ok' in r)) return r;
    }
    return { ok: { assigned: postIds.length } };
  }, 'mentions/assign');
  return unwrap(result);
}

async function getIdentityTx(tx: Tx): Promise<Identity> {
  const [row] = await tx.run(loadCypher('identity/get'));
  return IdentitySchema.parse(row && typeof row.json === 'string' ? JSON.parse(row.json) : {});
}

/** Moves a mention to another state; no_action needs a reason. */
export async function setMentionState(
  db: Db,
  actor: string,
  postId: string,
  body: { state: TriageState; reason?: string | undefined },
  now = new Date(),
): Promise<MentionDetail> {
  if (body.state === 'responded') {
    throw new Invalid(
      'a mention becomes "responded" when its reply is recorded as sent (POST …/reply/sent)',
      [{ field: 'body.state', message: 'use the reply endpoint' }],
    );
  }
  if (body.state === 'no_action' && !body.reason?.trim()) {
    throw new Invalid('body.reason: say why no action is needed', [
      { field: 'body.reason', message: 'required when the state is no_action' },
    ]);
  }
  const result = await db.writeTx(async (tx) => {
    const sla = (await getIdentityTx(tx)).sla;
    return change(
      tx,
      actor,
      postId,
      'mention.state',
      (b, m) => {
        if (!NEXT[b.state].includes(body.state)) {
          return {
            conflict: `a mention that is ${b.state} cannot become ${body.state}`,
            field: 'body.state',
          };
        }
        const open = OPEN_STATES.includes(body.state);
        return {
          ...b,
          state: body.state,
          owner: body.state === 'new' ? null : b.owner,
          // The clock runs only while a first answer is awaited; reopening restarts it.
          dueAt: open
            ? (b.dueAt ?? (b.firstResponseAt ? null : dueAt(now, m.category as Category, sla).toISOString()))
            : null,
          reason: body.reason?.trim() || (body.state === 'no_action' ? b.reason : null),
        };
      },
      now,
    );
  }, 'mentions/state');
  unwrap(result);
  return getMention(db, postId, now);
}

function guardOrThrow(text: string, identity: Identity, field: string, only?: 'phi'): void {
  const problems = checkReply(text, {
    contacts: identity.contacts,
    carers: identity.physicians,
    field,
  }).filter((p) => !only || p.guard === only);
  if (problems.length) {
    const first = problems[0]!;
    const what =
      first.guard === 'phi'
        ? `${field} ${first.message}`
        : `${field} would confirm a patient relationship: ${first.message}`;
    throw new PhiDetected(`${what}; nothing was saved`, problems satisfies ReplyProblem[]);
  }
}

/** Saves the draft reply. A draft is staff-written text, so it passes the PHI guard to be stored. */
export async function saveDraft(db: Db, actor: string, postId: string, text: string, now = new Date()) {
  const identity = await getIdentity(db);
  guardOrThrow(text, identity, 'body.text', 'phi');
  const result = await db.writeTx(
    (tx) => change(tx, actor, postId, 'mention.draft', (b) => ({ ...b, draft: text }), now),
    'mentions/draft',
  );
  unwrap(result);
  return getMention(db, postId, now);
}

/** Both guards, without saving anything: what the reply editor highlights. */
export async function checkDraft(db: Db, text: string): Promise<ReplyProblem[]> {
  const identity = await getIdentity(db);
  return checkReply(text, { contacts: identity.contacts, carers: identity.physicians, field: 'body.text' });
}

/**
 * Records the reply staff posted on the platform (Carecircle does not post): it must pass the PHI
 * guard and the patient-confirmation guard, or nothing is saved. The first response stops the clock.
 */
export async function markSent(
  db: Db,
  actor: string,
  postId: string,
  body: { text: string; url: string },
  now = new Date(),
): Promise<MentionDetail> {
  const identity = await getIdentity(db);
  guardOrThrow(body.text, identity, 'body.text');
  const result = await db.writeTx(
    (tx) =>
      change(
        tx,
        actor,
        postId,
        'mention.reply_sent',
        (b) => {
          if (b.state === 'resolved' || b.state === 'no_action') {
            return {
              conflict: `the mention is ${b.state}; reopen it (assign) before replying`,
              field: 'params.id',
            };
          }
          return {
            ...b,
            state: 'responded',
            owner: b.owner ?? actor,
            dueAt: null,
            draft: null,
            firstResponseAt: b.firstResponseAt ?? now.toISOString(),
            sentText: body.text,
            sentUrl: body.url,
            sentBy: actor,
            sentAt: now.toISOString(),
          };
        },
        now,
      ),
    'mentions/sent',
  );
  unwrap(result);
  return getMention(db, postId, now);
}

// ---- notifications and the weekly view -----------------------------------------------------------

export async function listNotifications(db: Db, user: string, limit = 100): Promise<Notification[]> {
  const rows = await db.read(loadCypher('mentions/list-notifications'), { user, limit: int(limit) });
  return rows.map((r) => Notification.parse({ readAt: null, ...(r.notification as Row) }));
}

export async function readNotification(
  db: Db,
  user: string,
  id: string,
  now = new Date(),
): Promise<Notification> {
  const [row] = await db.write(loadCypher('mentions/read-notification'), {
    user,
    id,
    now: now.toISOString(),
  });
  if (!row)
    throw new NotFound(`no notification ${id} for ${user}`, [{ field: 'params.id', message: 'not found' }]);
  return Notification.parse({ readAt: null, ...(row.notification as Row) });
}

export async function weekly(db: Db, weeks: number, now = new Date()): Promise<Weekly> {
  const fromWeek = isoWeek(null, new Date(now.getTime() - (weeks - 1) * 7 * 86_400_000));
  const rows = await db.read(loadCypher('mentions/weekly'), { fromWeek });
  const byWeek = new Map<string, Weekly['weeks'][number]>();
  for (const r of rows) {
    const week = String(r.week);
    let w = byWeek.get(week);
    if (!w) {
      w = {
        week,
        total: 0,
        sentiment: { negative: 0, neutral: 0, positive: 0 },
        categories: { complaint: 0, praise: 0, question: 0, clinical_safety: 0, other: 0 },
      };
      byWeek.set(week, w);
    }
    const n = Number(r.n);
    w.total += n;
    w.sentiment[r.sentiment as Sentiment] += n;
    w.categories[r.category as Category] += n;
  }
  const themes = await db.read(loadCypher('mentions/themes'), { fromWeek });
  const pipelineAuthors = await db.read(loadCypher('mentions/pipeline-authors'), { fromWeek });
  return Weekly.parse({ weeks: [...byWeek.values()], themes, pipelineAuthors });
}
