// One account's history in time order: stage changes and next steps (from the audit log, which holds
// every relationship change with its before and after), logged contacts and the account's posts that
// named the organisation (the mentions inbox). Social-media text is passed on as text; the client
// renders it as text.
import { z } from 'zod';
import { loadCypher } from '../cypher.ts';
import { int, type Db } from '../db.ts';
import { Relationship, Stage } from './model.ts';

export const TimelineEvent = z.object({
  at: z.string(),
  kind: z.enum(['stage', 'next_step', 'contact', 'mention']),
  /** Who made the change or logged the contact; null for a mention (the account itself wrote it). */
  by: z.string().nullable(),
  stage: Stage.nullable().describe('the new stage (stage events)'),
  fromStage: Stage.nullable().describe('the stage before (stage events; null when it started)'),
  text: z.string().nullable().describe('the next step, the contact note or the post text'),
  dueDate: z.string().nullable(),
  channel: z.string().nullable(),
  outcome: z.string().nullable(),
  category: z.string().nullable().describe('mention category: complaint, praise, question …'),
  url: z.string().nullable(),
  ref: z.string().nullable().describe('contact id or post id'),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

const EMPTY = {
  by: null,
  stage: null,
  fromStage: null,
  text: null,
  dueDate: null,
  channel: null,
  outcome: null,
  category: null,
  url: null,
  ref: null,
} as const;

const str = (v: unknown) => (typeof v === 'string' ? v : null);

function parseRelationship(json: unknown): Relationship | null {
  if (typeof json !== 'string') return null;
  try {
    const r = Relationship.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** The events one relationship change stands for: a stage move, a new next step, or both. */
function changeEvents(change: {
  at: string;
  actor: string;
  before: unknown;
  after: unknown;
}): TimelineEvent[] {
  const before = parseRelationship(change.before);
  const after = parseRelationship(change.after);
  if (!after) return [];
  const out: TimelineEvent[] = [];
  const base = { ...EMPTY, at: change.at, by: change.actor };
  if (before?.stage !== after.stage) {
    out.push({ ...base, kind: 'stage', stage: after.stage, fromStage: before?.stage ?? null });
  }
  if (after.nextStep && (after.nextStep !== before?.nextStep || after.dueDate !== before?.dueDate)) {
    out.push({ ...base, kind: 'next_step', text: after.nextStep, dueDate: after.dueDate });
  }
  return out;
}

/** Newest first, at most `limit` events. */
export async function accountTimeline(db: Db, accountId: string, limit: number): Promise<TimelineEvent[]> {
  const [row] = await db.read(loadCypher('outreach/timeline'), { accountId, limit: int(limit) });
  if (!row) return [];
  const events: TimelineEvent[] = [];
  for (const c of row.changes as Record<string, unknown>[]) {
    events.push(
      ...changeEvents({ at: String(c.at), actor: String(c.actor), before: c.before, after: c.after }),
    );
  }
  for (const c of row.contacts as Record<string, unknown>[]) {
    events.push({
      ...EMPTY,
      at: String(c.at),
      kind: 'contact',
      by: str(c.by),
      text: str(c.note),
      channel: str(c.channel),
      outcome: str(c.outcome),
      ref: str(c.id),
    });
  }
  for (const m of row.mentions as Record<string, unknown>[]) {
    const at = str(m.createdAt) ?? str(m.receivedAt);
    if (!at) continue;
    events.push({
      ...EMPTY,
      at,
      kind: 'mention',
      text: str(m.text),
      category: str(m.category),
      url: str(m.url),
      ref: str(m.postId),
    });
  }
  // ISO 8601 strings in UTC sort as text; normalise the few that carry an offset.
  const key = (e: TimelineEvent) => {
    const t = Date.parse(e.at);
    return Number.isNaN(t) ? 0 : t;
  };
  return events.sort((a, b) => key(b) - key(a)).slice(0, limit);
}
