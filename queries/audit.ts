// The append-only audit log: who, when, what, before and after. Entries are written in the same
// transaction as the change they describe, so a change without its entry (or the reverse) cannot be
// committed. There is no statement anywhere that updates or deletes an AuditEntry, and no route for it.
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { loadCypher } from './cypher.ts';
import { int, type Db, type Tx } from './db.ts';

interface AuditChange {
  actor: string;
  /** e.g. 'relationship.update', 'contact.create', 'user.create', 'job.start' */
  action: string;
  /** what was changed, e.g. 'account:x:123' or 'user:alice' */
  target: string;
  before: unknown;
  after: unknown;
}

export const AuditEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** For an account target: its handle and name, so the log can name who the entry is about. */
  targetHandle: z.string().nullable().optional(),
  targetName: z.string().nullable().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * What the log keeps of a free text that is stored elsewhere (a contact's note lives on the Contact):
 * its SHA-256 and length, not a copy, so a slip is not duplicated into the log. A purge can still
 * recognise the reference and mark it purged.
 */
export function textRef(text: string | null | undefined): { sha256: string; chars: number } | null {
  if (text === null || text === undefined) return null;
  return { sha256: createHash('sha256').update(text, 'utf8').digest('hex'), chars: text.length };
}

export async function appendAudit(tx: Tx, change: AuditChange): Promise<void> {
  await tx.run(loadCypher('audit/append'), {
    id: randomUUID(),
    at: new Date().toISOString(),
    actor: change.actor,
    action: change.action,
    target: change.target,
    // Neo4j properties cannot hold maps: before and after are stored as JSON text.
    before: JSON.stringify(change.before ?? null),
    after: JSON.stringify(change.after ?? null),
  });
}

/** Appends an entry on its own, for a change that is not a database write (a job started). */
export async function recordAudit(db: Db, change: AuditChange): Promise<void> {
  await db.writeTx((tx) => appendAudit(tx, change), 'audit/append');
}

interface AuditQuery {
  actor?: string | undefined;
  target?: string | undefined;
  /** An action (`contact.update`) or a family (`contact`). */
  action?: string | undefined;
  /** Entries at or after this instant (ISO 8601). */
  from?: string | undefined;
  /** Entries before this instant (ISO 8601). */
  until?: string | undefined;
  before?: number | undefined;
  limit: number;
}

export async function listAudit(db: Db, q: AuditQuery): Promise<AuditEntry[]> {
  const rows = await db.read(loadCypher('audit/list'), {
    actor: q.actor ?? null,
    target: q.target ?? null,
    action: q.action ?? null,
    from: q.from ?? null,
    until: q.until ?? null,
    before: q.before ?? null,
    limit: int(q.limit),
  });
  return rows.map((r) =>
    AuditEntry.parse({
      ...r,
      before: parseJson(r.before),
      after: parseJson(r.after),
      targetHandle: r.targetHandle ?? null,
      targetName: r.targetName ?? null,
    }),
  );
}

function parseJson(v: unknown): unknown {
  if (typeof v !== 'string') return null;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
