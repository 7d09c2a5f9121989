// The people who can sign in: (:User {name, role, passwordHash, disabled, sessionEpoch}) nodes, apart
// from the social graph so `reset` keeps them. Every change is audited in the same transaction.
//
// Names are compared in one normal form everywhere (sign-in, its rate limit, owners of outreach
// relationships): NFKC, trimmed, lower case. "Alice", " alice" and "ａｌｉｃｅ" are the same person.
//
// `sessionEpoch` lets any process (the server or the command line) end a user's sessions: a session
// remembers the epoch it was made in, the server reads the user on every request, and a reset
// password, a disable or `end-sessions` move the epoch on, so old sessions stop at the next request.
import { ROLES } from './contract.ts';
import { z } from 'zod';
import { appendAudit } from './audit.ts';
import { loadCypher } from './cypher.ts';
import { ConstraintViolationError, int, type Db, type Tx } from './db.ts';
import { Conflict, Forbidden, Invalid, NotFound } from './errors.ts';
import { inDomainTx } from './domain-tx.ts';
import {
  assertStrongPassword,
  generatePassword,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
} from './passwords.ts';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The one normal form of a user name, used for storing, looking up and rate-limiting. */
export function normaliseUserName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

export const UserName = z
  .string()
  .max(200, 'must be at most 64 characters')
  .transform(normaliseUserName)
  .pipe(
    z
      .string()
      .min(2, 'must be at least 2 characters')
      .max(64, 'must be at most 64 characters')
      .regex(/^[a-z0-9._@-]+$/, 'may contain letters, digits and . _ @ - only'),
  );

/** Length only; strength depends on the user name and is checked by `assertStrongPassword`. */
export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const User = z.object({
  name: z.string(),
  role: Role,
  disabled: z.boolean().optional(),
  createdAt: z.string().nullable().optional(),
});
export type User = z.infer<typeof User>;

interface StoredUser {
  name: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  sessionEpoch: number;
}

/** What a request needs to know about its signed-in user, read on every request. */
interface SessionState {
  role: Role;
  disabled: boolean;
  sessionEpoch: number;
}

export class UserExistsError extends Conflict {
  override name = 'UserExistsError';
}

const MAX_USERS = 10_000;

export async function findUser(db: Db, name: string): Promise<StoredUser | undefined> {
  const [row] = await db.read(loadCypher('users/find'), { name: normaliseUserName(name) });
  if (!row) return undefined;
  const role = Role.safeParse(row.role);
  if (!role.success || typeof row.passwordHash !== 'string') return undefined;
  return {
    name: String(row.name),
    role: role.data,
    passwordHash: row.passwordHash,
    disabled: row.disabled === true,
    sessionEpoch: Number(row.sessionEpoch ?? 0),
  };
}

/** The user's current role, state and session epoch; undefined when the user no longer exists. */
export async function sessionState(db: Db, name: string): Promise<SessionState | undefined> {
  const [row] = await db.read(loadCypher('users/session-state'), { name });
  if (!row) return undefined;
  const role = Role.safeParse(row.role);
  if (!role.success) return undefined;
  return { role: role.data, disabled: row.disabled === true, sessionEpoch: Number(row.sessionEpoch ?? 0) };
}

async function audit(tx: Tx, actor: string, action: string, name: string, before: unknown, after: unknown) {
  await appendAudit(tx, { actor, action, target: `user:${name}`, before, after });
}

async function current(tx: Tx, name: string): Promise<User> {
  const [row] = await tx.run(loadCypher('users/find'), { name });
  if (!row) throw new NotFound(`no user ${name}`, [{ field: 'name', message: 'no such user' }]);
  return User.parse({ name: row.name, role: row.role, disabled: row.disabled, createdAt: row.createdAt });
}

/** Refuses a change that would leave nobody who can manage users. */
async function keepAnAdmin(tx: Tx, user: User, what: string): Promise<void> {
  if (user.role !== 'admin' || user.disabled) return;
  const [row] = await tx.run(loadCypher('users/other-admins'), { name: user.name });
  if (Number(row?.n ?? 0) === 0) {
    throw new Conflict(`${user.name} is the only enabled admin; ${what} would leave nobody to manage users`);
  }
}

const plain = (u: User) => ({ name: u.name, role: u.role, disabled: u.disabled ?? false });

/** Creates a user (409 when the name is taken); the password must pass the strength rule. */
export async function createUser(
  db: Db,
  name: string,
  role: Role,
  password: string,
  actor = 'cli',
  passwordField = 'password',
): Promise<User> {
  const key = normaliseUserName(name);
  assertStrongPassword(password, key, passwordField);
  const passwordHash = await hashPassword(password);
  try {
    return await inDomainTx(() =>
      db.writeTx(async (tx) => {
        const [row] = await tx.run(loadCypher('users/create'), {
          name: key,
          role,
          passwordHash,
          now: new Date().toISOString(),
        });
        const user = User.parse(row);
        await audit(tx, actor, 'user.create', key, null, plain(user));
        return user;
      }, 'users/create'),
    );
  } catch (err) {
    if (err instanceof ConstraintViolationError)
      throw new UserExistsError(`user ${key} already exists`, [{ field: 'name', message: 'already exists' }]);
    throw err;
  }
}

/**
 * Creates the user or replaces its role and password, enabled, ending its sessions. For the demo and
 * the test suites, which choose their own passwords; people go through createUser/resetPassword.
 */
export async function setUser(db: Db, name: string, role: Role, password: string): Promise<User> {
  const passwordHash = await hashPassword(password);
  const [row] = await db.write(loadCypher('users/upsert'), {
    name: normaliseUserName(name),
    role,
    passwordHash,
    now: new Date().toISOString(),
  });
  return User.parse(row);
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.read(loadCypher('users/list'), { limit: int(MAX_USERS) })).map((r) => User.parse(r));
}

/** The demo's admin: created or reset with a fresh random password, returned once to be printed. */
export async function ensureDemoUser(db: Db): Promise<{ username: string; password: string }> {
  const password = generatePassword();
  await setUser(db, 'demo', 'admin', password);
  return { username: 'demo', password };
}

/** Changes a role; it applies from the user's next request, since the role is read on each one. */
export async function changeRole(db: Db, actor: string, name: string, role: Role): Promise<User> {
  const key = normaliseUserName(name);
  return inDomainTx(() =>
    db.writeTx(async (tx) => {
      const before = await current(tx, key);
      if (before.role === role) return before;
      if (role !== 'admin') await keepAnAdmin(tx, before, 'changing the role');
      const [row] = await tx.run(loadCypher('users/set-role'), {
        name: key,
        role,
        now: new Date().toISOString(),
      });
      const after = User.parse(row);
      await audit(tx, actor, 'user.role', key, plain(before), plain(after));
      return after;
    }, 'users/change-role'),
  );
}

/** An admin sets a new password for someone (forgotten password); their sessions end. */
export async function resetPassword(
  db: Db,
  actor: string,
  name: string,
  password: string,
  passwordField = 'body.password',
): Promise<User> {
  const key = normaliseUserName(name);
  assertStrongPassword(password, key, passwordField);
  const row = await writePassword(db, actor, key, await hashPassword(password), 'reset');
  return User.parse(row);
}

/**
 * Stores a new password hash (which also ends the user's sessions) with its audit entry, in one
 * transaction; shared by an admin's reset and the user's own change.
 */
async function writePassword(
  db: Db,
  actor: string,
  key: string,
  passwordHash: string,
  how: 'reset' | 'change',
): Promise<Record<string, unknown>> {
  return inDomainTx(() =>
    db.writeTx(async (tx) => {
      const before = await current(tx, key);
      const [row] = await tx.run(loadCypher('users/set-password'), {
        name: key,
        passwordHash,
        now: new Date().toISOString(),
      });
      // The audit says that the password changed, never what it is or its hash.
      await audit(tx, actor, `user.${how}_password`, key, plain(before), {
        ...plain(before),
        password: 'changed',
      });
      return row!;
    }, `users/${how}-password`),
  );
}

/**
 * A signed-in user changes their own password, proving they know the current one. Every session
 * they had ends; the returned epoch is the one a fresh session must carry.
 */
export async function changeOwnPassword(
  db: Db,
  name: string,
  currentPassword: string,
  newPassword: string,
): Promise<{ user: User; sessionEpoch: number }> {
  const key = normaliseUserName(name);
  const stored = await findUser(db, key);
  if (!stored) throw new NotFound(`no user ${key}`);
  if (!(await verifyPassword(currentPassword, stored.passwordHash))) {
    throw new Forbidden('the current password is wrong', [
      { field: 'body.currentPassword', message: 'is wrong' },
    ]);
  }
  if (currentPassword === newPassword) {
    throw new Invalid('body.password must differ from the current password', [
      { field: 'body.password', message: 'must differ from the current password' },
    ]);
  }
  assertStrongPassword(newPassword, key, 'body.password');
  const row = await writePassword(db, key, key, await hashPassword(newPassword), 'change');
  return { user: User.parse(row), sessionEpoch: Number(row.sessionEpoch) };
}

/** Disables (no sign-in, sessions end at their next request) or enables a user. */
export async function setDisabled(db: Db, actor: string, name: string, disabled: boolean): Promise<User> {
  const key = normaliseUserName(name);
  return inDomainTx(() =>
    db.writeTx(async (tx) => {
      const before = await current(tx, key);
      if (disabled) await keepAnAdmin(tx, before, 'disabling them');
      const [row] = await tx.run(loadCypher('users/set-disabled'), {
        name: key,
        disabled,
        now: new Date().toISOString(),
      });
      const after = User.parse(row);
      await audit(tx, actor, disabled ? 'user.disable' : 'user.enable', key, plain(before), plain(after));
      return after;
    }, 'users/set-disabled'),
  );
}

/** Deletes a user; their sessions stop at the next request. Outreach records keep the name as text. */
export async function deleteUser(db: Db, actor: string, name: string): Promise<void> {
  const key = normaliseUserName(name);
  await inDomainTx(() =>
    db.writeTx(async (tx) => {
      const before = await current(tx, key);
      await keepAnAdmin(tx, before, 'deleting them');
      await tx.run(loadCypher('users/delete'), { name: key });
      await audit(tx, actor, 'user.delete', key, plain(before), null);
    }, 'users/delete'),
  );
}

/** Ends every session of a user (a lost laptop) without changing anything else. */
export async function endSessions(db: Db, actor: string, name: string): Promise<void> {
  const key = normaliseUserName(name);
  await inDomainTx(() =>
    db.writeTx(async (tx) => {
      const before = await current(tx, key);
      await tx.run(loadCypher('users/end-sessions'), { name: key });
      await audit(tx, actor, 'user.end_sessions', key, plain(before), plain(before));
    }, 'users/end-sessions'),
  );
}

/** Whether a user of this name exists and may sign in: owners of outreach relationships must. */
export async function userIsActive(tx: Tx, name: string): Promise<boolean> {
  const [row] = await tx.run(loadCypher('users/exists'), { name: normaliseUserName(name) });
  return row !== undefined && row.disabled !== true;
}
