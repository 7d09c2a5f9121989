// The organisation's identity: its accounts, names, nicknames, physicians, campuses, brand hashtags,
// the false friends to ignore, its public contact details and the first-response targets. One JSON
// document on an (:Identity {key: 'org'}) node; every change is audited.
import { appendAudit } from './audit.ts';
import { loadCypher } from './cypher.ts';
import type { Db } from './db.ts';
import { Invalid, NotFound } from './errors.ts';
import { Identity, IdentityList, type IdentityInput } from './listening/contract.ts';
import { fold } from './listening/match.ts';

export async function getIdentity(db: Db): Promise<Identity> {
  const [row] = await db.read(loadCypher('identity/get'));
  if (!row || typeof row.json !== 'string') return Identity.parse({});
  return Identity.parse(JSON.parse(row.json));
}

function validated(input: unknown, field: string): Identity {
  const parsed = Identity.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      field: [field, ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw new Invalid(`${details[0]!.field}: ${details[0]!.message}`, details);
  }
  // The same term twice (in any case or accent form) is kept once.
  const out = parsed.data;
  for (const list of IdentityList.options) {
    const seen = new Set<string>();
    out[list] = out[list].filter((t) => {
      const k = fold(t).trim();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
  return out;
}

/** Replaces the whole identity (lists and SLA). */
export async function setIdentity(db: Db, actor: string, input: IdentityInput): Promise<Identity> {
  const next = validated(input, 'body');
  return save(db, actor, next, 'identity.set');
}

async function save(db: Db, actor: string, next: Identity, action: string): Promise<Identity> {
  return db.writeTx(async (tx) => {
    const [row] = await tx.run(loadCypher('identity/get'));
    const before = row && typeof row.json === 'string' ? JSON.parse(row.json) : null;
    await tx.run(loadCypher('identity/set'), {
      json: JSON.stringify(next),
      now: new Date().toISOString(),
      actor,
    });
    await appendAudit(tx, { actor, action, target: 'identity:org', before, after: next });
    return next;
  }, 'identity/set');
}

/** Adds terms to one list (kept once each). */
export async function addTerms(
  db: Db,
  actor: string,
  list: IdentityList,
  terms: string[],
): Promise<Identity> {
  const current = await getIdentity(db);
  const next = validated({ ...current, [list]: [...current[list], ...terms] }, list);
  return save(db, actor, next, 'identity.add');
}

/** Removes terms from one list, compared after folding case and accents. */
export async function removeTerms(
  db: Db,
  actor: string,
  list: IdentityList,
  terms: string[],
): Promise<Identity> {
  const current = await getIdentity(db);
  const drop = new Set(terms.map((t) => fold(t).trim()));
  const missing = terms.filter((t) => !current[list].some((c) => fold(c).trim() === fold(t).trim()));
  if (missing.length) throw new NotFound(`${list} has no ${missing.map((m) => `"${m}"`).join(', ')}`);
  const next = validated(
    { ...current, [list]: current[list].filter((c) => !drop.has(fold(c).trim())) },
    list,
  );
  return save(db, actor, next, 'identity.remove');
}

/** Marks a user to be told at once about clinical-safety mentions (or not). */
export async function setEscalation(
  db: Db,
  actor: string,
  name: string,
  on: boolean,
): Promise<{ name: string; escalation: boolean }> {
  const result = await db.writeTx(async (tx) => {
    const [row] = await tx.run(loadCypher('identity/set-escalation'), { name, on });
    if (!row) return null;
    await appendAudit(tx, {
      actor,
      action: 'user.escalation',
      target: `user:${name}`,
      before: { escalation: row.before },
      after: { escalation: row.escalation },
    });
    return { name, escalation: row.escalation === true };
  }, 'identity/set-escalation');
  if (!result) throw new NotFound(`no user ${name}`, [{ field: 'params.name', message: 'no such user' }]);
  return result;
}
