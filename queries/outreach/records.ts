// Reads and writes of outreach records. Every write runs in one transaction with its audit entry.
//
// Integrity rules for a relationship, checked here so every caller (API, client, scripts) gets them:
// - the stage never moves backwards (responded → to_follow …) unless the change says it is confirmed
//   (`confirmBackwards: true`): otherwise 409 naming the current stage, and nothing changes;
// - only the owner or an admin may give a relationship to someone else (403); an unowned one may be
//   claimed by anyone who writes outreach records;
// - the owner must be an existing, enabled user (400 naming body.owner).
import { randomUUID } from 'node:crypto';
import { loadCypher } from '../cypher.ts';
import { int, type Db, type Tx } from '../db.ts';
import { appendAudit, textRef } from '../audit.ts';
import { assertNoPhi } from '../phi/guard.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { inDomainTx } from '../domain-tx.ts';
import { normaliseUserName, userIsActive, type Role } from '../users.ts';
import {
  Contact,
  PipelineItem,
  Relationship,
  type ContactBody,
  type ContactEdit,
  type RelationshipBody,
  type Stage,
} from './model.ts';

// Errors thrown inside a transaction come out as database errors (Db maps them), so the check
// returns a flag and the caller throws the 404 after the transaction has rolled back.
const MISSING = Symbol('missing account');

async function accountExists(tx: Tx, accountId: string): Promise<boolean> {
  const rows = await tx.run(loadCypher('accounts/exists'), { accountId });
  return rows.length > 0;
}

function orNotFound<T>(value: T | typeof MISSING, accountId: string, field: string): T {
  if (value === MISSING) {
    throw new NotFound(`no account ${accountId}`, [{ field, message: 'no such account' }]);
  }
  return value;
}

async function currentRelationship(tx: Tx, accountId: string): Promise<Relationship | null> {
  const [row] = await tx.run(loadCypher('outreach/get-relationship'), { accountId });
  return row ? Relationship.parse(row.relationship) : null;
}

export async function getRelationship(db: Db, accountId: string): Promise<Relationship | null> {
  return db.readTx((tx) => currentRelationship(tx, accountId), 'outreach/get-relationship');
}

// How far along a relationship is. Declined ranks with partner: both end the pipeline, and moving
// from one to the other is a decision, not a step back.
const PROGRESS: Readonly<Record<Stage, number>> = {
  to_follow: 0,
  following: 1,
  contacted: 2,
  responded: 3,
  partner: 4,
  declined: 4,
};

export function isBackwards(from: Stage, to: Stage): boolean {
  return PROGRESS[to] < PROGRESS[from];
}

interface Actor {
  name: string;
  role: Role;
}

/** Sets stage, owner, next step and due date; fields left out keep their value. */
export async function setRelationship(
  db: Db,
  who: Actor | string,
  accountId: string,
  body: RelationshipBody,
): Promise<Relationship> {
  // Checked here, not only in the route, so that no caller (CLI, jobs, demo data) can skip it.
  assertNoPhi({ 'body.nextStep': body.nextStep });
  // A bare name is a system caller (the demo data, scripts): it has no say over ownership rules.
  const actor: Actor = typeof who === 'string' ? { name: who, role: 'outreach' } : who;
  const result = await inDomainTx(() =>
    db.writeTx(async (tx) => {
      if (!(await accountExists(tx, accountId))) return MISSING;
      const before = await currentRelationship(tx, accountId);
      if (before && isBackwards(before.stage, body.stage) && body.confirmBackwards !== true) {
        throw new Conflict(
          `this account is already at "${before.stage.replace('_', ' ')}"; moving it back to ` +
            `"${body.stage.replace('_', ' ')}" needs confirmBackwards: true`,
          [{ field: 'body.stage', message: `would move back from ${before.stage}`, current: before.stage }],
        );
      }
      const owner =
        body.owner === undefined || body.owner === null ? body.owner : normaliseUserName(body.owner);
      if (owner !== undefined && owner !== (before?.owner ?? null)) {
        if (before?.owner && before.owner !== actor.name && actor.role !== 'admin') {
          throw new Forbidden(
            `only ${before.owner} (the owner) or an admin may give this relationship to someone else`,
            [{ field: 'body.owner', message: 'only the owner or an admin may re-assign' }],
          );
        }
        if (owner !== null && !(await userIsActive(tx, owner))) {
          throw new Invalid(`body.owner: there is no active user called ${owner}`, [
            { field: 'body.owner', message: 'must be an existing, enabled user' },
          ]);
        }
      }
      const [row] = await tx.run(loadCypher('outreach/upsert-relationship'), {
        accountId,
        stage: body.stage,
        owner: owner === undefined ? (before?.owner ?? actor.name) : owner,
        nextStep: body.nextStep === undefined ? (before?.nextStep ?? null) : body.nextStep,
        dueDate: body.dueDate === undefined ? (before?.dueDate ?? null) : body.dueDate,
        now: new Date().toISOString(),
        actor: actor.name,
      });
      const after = Relationship.parse(row!.relationship);
      await appendAudit(tx, {
        actor: actor.name,
        action: before ? 'relationship.update' : 'relationship.create',
        target: `account:${accountId}`,
        before,
        after,
      });
      return after;
    }, 'outreach/set-relationship'),
  );
  return orNotFound(result, accountId, 'params.id');
}

/** Logs a contact; an account without a relationship yet starts one at `contacted`, owned by the author. */
export async function addContact(db: Db, actor: string, body: ContactBody): Promise<Contact> {
  assertNoPhi({ 'body.note': body.note, 'body.outcome': body.outcome });
  const result = await db.writeTx(async (tx) => {
    if (!(await accountExists(tx, body.accountId))) return MISSING;
    const now = new Date().toISOString();
    const [row] = await tx.run(loadCypher('outreach/create-contact'), {
      id: randomUUID(),
      accountId: body.accountId,
      at: new Date(body.at).toISOString(),
      channel: body.channel,
      note: body.note,
      outcome: body.outcome ?? null,
      actor,
      now,
    });
    const contact = Contact.parse(row!.contact);
    await appendAudit(tx, {
      actor,
      action: 'contact.create',
      target: `account:${body.accountId}`,
      before: null,
      // The contact holds the text; the log keeps a reference and hashes (see textRef).
      after: auditedContact(contact),
    });
    const rel = await currentRelationship(tx, body.accountId);
    if (!rel || rel.stage === 'to_follow' || rel.stage === 'following') {
      const [r] = await tx.run(loadCypher('outreach/upsert-relationship'), {
        accountId: body.accountId,
        stage: 'contacted' satisfies Stage,
        owner: rel?.owner ?? actor,
        nextStep: rel?.nextStep ?? null,
        dueDate: rel?.dueDate ?? null,
        now,
        actor,
      });
      await appendAudit(tx, {
        actor,
        action: rel ? 'relationship.update' : 'relationship.create',
        target: `account:${body.accountId}`,
        before: rel,
        after: Relationship.parse(r!.relationship),
      });
    }
    return contact;
  }, 'outreach/add-contact');
  return orNotFound(result, body.accountId, 'body.accountId');
}

/** What the audit log keeps of a contact: everything but its free text, which is kept as a hash. */
function auditedContact(c: Contact) {
  return { ...c, note: textRef(c.note), outcome: textRef(c.outcome) };
}

async function contactForChange(tx: Tx, id: string, actor: Actor, verb: 'edit' | 'delete') {
  const [row] = await tx.run(loadCypher('outreach/get-contact'), { id });
  if (!row) return null;
  const contact = Contact.parse(row.contact);
  if (contact.by !== actor.name && actor.role !== 'admin') {
    throw new Forbidden(`only ${contact.by} (who logged this contact) or an admin may ${verb} it`, [
      { field: 'params.id', message: `only the author or an admin may ${verb} a contact` },
    ]);
  }
  return contact;
}

const contactNotFound = (id: string) =>
  new NotFound(`no contact ${id}`, [{ field: 'params.id', message: 'no such contact' }]);

/**
 * Edits a logged contact (only its author or an admin). The new note and outcome pass the PHI guard
 * before anything is read or written; the audit entry keeps the before and after with the texts as
 * references and hashes, as contact.create does.
 */
export async function editContact(db: Db, actor: Actor, id: string, body: ContactEdit): Promise<Contact> {
  assertNoPhi({ 'body.note': body.note, 'body.outcome': body.outcome });
  const result = await inDomainTx(() =>
    db.writeTx(async (tx) => {
      const before = await contactForChange(tx, id, actor, 'edit');
      if (!before) return null;
      const [row] = await tx.run(loadCypher('outreach/update-contact'), {
        id,
        at: body.at === undefined ? before.at : new Date(body.at).toISOString(),
        channel: body.channel ?? before.channel,
        note: body.note ?? before.note,
        outcome: body.outcome === undefined ? before.outcome : body.outcome || null,
        now: new Date().toISOString(),
        actor: actor.name,
      });
      const after = Contact.parse(row!.contact);
      await appendAudit(tx, {
        actor: actor.name,
        action: 'contact.update',
        target: `account:${before.accountId}`,
        before: auditedContact(before),
        after: auditedContact(after),
      });
      return after;
    }, 'outreach/edit-contact'),
  );
  if (!result) throw contactNotFound(id);
  return result;
}

/** Deletes a logged contact (only its author or an admin); the audit log keeps it by reference and hash. */
export async function deleteContact(db: Db, actor: Actor, id: string): Promise<Contact> {
  const result = await inDomainTx(() =>
    db.writeTx(async (tx) => {
      const before = await contactForChange(tx, id, actor, 'delete');
      if (!before) return null;
      await tx.run(loadCypher('outreach/delete-contact'), { id });
      await appendAudit(tx, {
        actor: actor.name,
        action: 'contact.delete',
        target: `account:${before.accountId}`,
        before: auditedContact(before),
        after: null,
      });
      return before;
    }, 'outreach/delete-contact'),
  );
  if (!result) throw contactNotFound(id);
  return result;
}

export async function listContacts(db: Db, accountId: string, limit: number): Promise<Contact[]> {
  const rows = await db.read(loadCypher('outreach/list-contacts'), { accountId, limit: int(limit) });
  return rows.map((r) => Contact.parse(r.contact));
}

export async function pipeline(
  db: Db,
  q: { stage?: Stage | undefined; owner?: string | undefined; limit: number },
): Promise<PipelineItem[]> {
  const rows = await db.read(loadCypher('outreach/pipeline'), {
    stage: q.stage ?? null,
    owner: q.owner ?? null,
    limit: int(q.limit),
  });
  return rows.map((r) => PipelineItem.parse(r));
}

/** Every relationship (filtered by stage and owner when given), a page at a time, in account id order. */
export async function* pipelinePages(
  db: Db,
  q: { stage?: Stage | undefined; owner?: string | undefined },
  pageSize = 1000,
): AsyncGenerator<PipelineItem[]> {
  let after = '';
  for (;;) {
    const rows = await db.read(loadCypher('outreach/export-page'), {
      after,
      stage: q.stage ?? null,
      owner: q.owner ?? null,
      limit: int(pageSize),
    });
    const items = rows.map((r) => PipelineItem.parse(r));
    if (items.length > 0) yield items;
    if (items.length < pageSize) return;
    after = items.at(-1)!.relationship.accountId;
  }
}

export interface Reminders {
  overdue: number;
  dueToday: number;
  items: PipelineItem[];
}

/** My next steps that are overdue or due today (`today` is the caller's calendar date). */
export async function reminders(db: Db, owner: string, today: string, limit: number): Promise<Reminders> {
  const rows = await db.read(loadCypher('outreach/reminders'), { owner, today, limit: int(limit) });
  const total = Number(rows[0]?.total ?? 0);
  const overdue = Number(rows[0]?.overdue ?? 0);
  const items = rows.filter((r) => r.relationship !== null).map((r) => PipelineItem.parse(r));
  return { overdue, dueToday: total - overdue, items };
}

export async function nextSteps(db: Db, owner: string, limit: number): Promise<PipelineItem[]> {
  const rows = await db.read(loadCypher('outreach/next-steps'), { owner, limit: int(limit) });
  return rows.map((r) => PipelineItem.parse(r));
}
