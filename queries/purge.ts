// Undoing a slip: an admin purges a saved contact note or next step that holds patient information.
// The text is replaced by a tombstone wherever it was stored (the Contact or Relationship node and
// every copy in the audit log's before/after), and the purge is appended to the audit log with who,
// when and why. The purge entry keeps the SHA-256 of the removed text (proof of what was removed,
// without the text), never the text itself.
import { createHash } from 'node:crypto';
import { loadCypher } from './cypher.ts';
import { int, type Db, type Tx } from './db.ts';
import { Invalid, NotFound, TooLarge } from './errors.ts';
import { appendAudit } from './audit.ts';
import { assertNoPhi } from './phi/guard.ts';

/** At most this many audit entries are looked through for one account in one purge. */
const MAX_ENTRIES = 20_000;

export const TOMBSTONE = '[removed by an administrator: this text held patient information]';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export type PurgeField = 'note' | 'outcome' | 'nextStep';

interface PurgeRequest {
  actor: string;
  /** Why, in plain words; it is checked for PHI like any other free text. */
  reason: string;
}

export interface PurgeResult {
  target: string;
  accountId: string;
  fields: PurgeField[];
  /** SHA-256 of each removed text, by field. */
  sha256: Partial<Record<PurgeField, string>>;
  /** Audit entries whose copies were replaced by the tombstone. */
  auditEntriesRedacted: number;
  purgedAt: string;
  purgedBy: string;
}

interface Removed {
  field: PurgeField;
  text: string;
  hash: string;
}

/**
 * Replaces, anywhere inside a parsed before/after value, a string equal to a removed text — or a
 * `{sha256}` reference to it — with the tombstone. Returns the new value and whether anything changed.
 */
function redact(value: unknown, removed: Removed[], stamp: object): [unknown, boolean] {
  if (typeof value === 'string') {
    return removed.some((r) => r.text === value) ? [TOMBSTONE, true] : [value, false];
  }
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const [nv, c] = redact(v, removed, stamp);
      changed ||= c;
      return nv;
    });
    return [out, changed];
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.sha256 === 'string' && removed.some((r) => r.hash === o.sha256)) {
      return [{ ...o, purged: true, ...stamp }, true];
    }
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      const [nv, c] = redact(v, removed, stamp);
      changed ||= c;
      out[k] = nv;
    }
    return [out, changed];
  }
  return [value, false];
}

function parse(json: unknown): unknown {
  if (typeof json !== 'string') return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

/** The audit entries of `target` with every copy of the removed texts replaced; null when too many. */
async function redactedAudit(
  tx: Tx,
  target: string,
  removed: Removed[],
  stamp: { purgedAt: string; purgedBy: string },
): Promise<{ id: string; before: string; after: string }[] | null> {
  const rows = await tx.run(loadCypher('purge/audit-of-target'), { target, limit: int(MAX_ENTRIES + 1) });
  if (rows.length > MAX_ENTRIES) return null;
  const entries: { id: string; before: string; after: string }[] = [];
  for (const row of rows) {
    const [before, cb] = redact(parse(row.before), removed, stamp);
    const [after, ca] = redact(parse(row.after), removed, stamp);
    if (cb || ca) {
      entries.push({ id: String(row.id), before: JSON.stringify(before), after: JSON.stringify(after) });
    }
  }
  return entries;
}

async function writeRedacted(
  tx: Tx,
  entries: { id: string; before: string; after: string }[],
  actor: string,
  now: string,
): Promise<void> {
  if (entries.length > 0) await tx.run(loadCypher('purge/redact-audit'), { entries, now, actor });
}

function checkReason(reason: string): void {
  if (!reason.trim())
    throw new Invalid('a purge needs a reason', [{ field: 'reason', message: 'is required' }]);
  // The reason is free text written by staff: it must not re-introduce what is being purged.
  assertNoPhi({ reason });
}

const MISSING = Symbol('missing');
const TOO_MANY = Symbol('too many');

/** Purges a contact's note (and its outcome when `outcome` is set). */
export async function purgeContact(
  db: Db,
  contactId: string,
  req: PurgeRequest & { outcome?: boolean },
): Promise<PurgeResult> {
  checkReason(req.reason);
  const now = new Date().toISOString();
  const result = await db.writeTx(async (tx) => {
    const [row] = await tx.run(loadCypher('purge/get-contact'), { id: contactId });
    if (!row) return MISSING;
    const c = row.contact as { accountId: string; note: string; outcome: string | null };
    const removed: Removed[] = [];
    if (c.note !== TOMBSTONE) removed.push({ field: 'note', text: c.note, hash: sha256(c.note) });
    if (req.outcome && c.outcome && c.outcome !== TOMBSTONE) {
      removed.push({ field: 'outcome', text: c.outcome, hash: sha256(c.outcome) });
    }
    const target = `account:${c.accountId}`;
    // Read everything first: a purge that cannot finish must not have changed anything.
    const entries = await redactedAudit(tx, target, removed, { purgedAt: now, purgedBy: req.actor });
    if (!entries) return TOO_MANY;
    await tx.run(loadCypher('purge/tombstone-contact'), {
      id: contactId,
      note: TOMBSTONE,
      outcome: req.outcome && c.outcome ? TOMBSTONE : c.outcome,
      now,
      actor: req.actor,
    });
    await writeRedacted(tx, entries, req.actor, now);
    const redacted = entries.length;
    const out: PurgeResult = {
      target: `contact:${contactId}`,
      accountId: c.accountId,
      fields: removed.map((r) => r.field),
      sha256: Object.fromEntries(removed.map((r) => [r.field, r.hash])),
      auditEntriesRedacted: redacted,
      purgedAt: now,
      purgedBy: req.actor,
    };
    await appendAudit(tx, {
      actor: req.actor,
      action: 'contact.purge',
      target,
      before: { ref: out.target, sha256: out.sha256 },
      after: { ref: out.target, fields: out.fields, reason: req.reason, auditEntriesRedacted: redacted },
    });
    return out;
  }, 'purge/contact');
  if (result === MISSING) {
    throw new NotFound(`no contact ${contactId}`, [{ field: 'id', message: 'no such contact' }]);
  }
  if (result === TOO_MANY) {
    throw new TooLarge(`the account has more than ${MAX_ENTRIES} audit entries; nothing was purged`);
  }
  return result;
}

/** Purges an account's current next step. */
export async function purgeNextStep(db: Db, accountId: string, req: PurgeRequest): Promise<PurgeResult> {
  checkReason(req.reason);
  const now = new Date().toISOString();
  const result = await db.writeTx(async (tx) => {
    const [row] = await tx.run(loadCypher('purge/get-next-step'), { accountId });
    if (!row) return MISSING;
    const text = row.nextStep as string | null;
    if (!text || text === TOMBSTONE) return null;
    const removed: Removed[] = [{ field: 'nextStep', text, hash: sha256(text) }];
    const target = `account:${accountId}`;
    const entries = await redactedAudit(tx, target, removed, { purgedAt: now, purgedBy: req.actor });
    if (!entries) return TOO_MANY;
    await tx.run(loadCypher('purge/tombstone-next-step'), {
      accountId,
      tombstone: TOMBSTONE,
      now,
      actor: req.actor,
    });
    await writeRedacted(tx, entries, req.actor, now);
    const redacted = entries.length;
    const out: PurgeResult = {
      target: `relationship:${accountId}`,
      accountId,
      fields: ['nextStep'],
      sha256: { nextStep: removed[0]!.hash },
      auditEntriesRedacted: redacted,
      purgedAt: now,
      purgedBy: req.actor,
    };
    await appendAudit(tx, {
      actor: req.actor,
      action: 'relationship.purge',
      target,
      before: { ref: out.target, sha256: out.sha256 },
      after: { ref: out.target, fields: out.fields, reason: req.reason, auditEntriesRedacted: redacted },
    });
    return out;
  }, 'purge/next-step');
  if (result === MISSING) {
    throw new NotFound(`no relationship for account ${accountId}`, [
      { field: 'id', message: 'no relationship for this account' },
    ]);
  }
  if (result === null) {
    throw new Invalid(`account ${accountId} has no next step to purge`, [
      { field: 'id', message: 'no next step to purge' },
    ]);
  }
  if (result === TOO_MANY) {
    throw new TooLarge(`the account has more than ${MAX_ENTRIES} audit entries; nothing was purged`);
  }
  return result;
}
