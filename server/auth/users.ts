// Users are (:User {name, role, passwordHash}) nodes, apart from the social graph so `reset` keeps them.
import { z } from 'zod';
import { loadCypher } from '../../queries/cypher.ts';
import { ConstraintViolationError, type Db } from '../../queries/db.ts';
import { generatePassword, hashPassword } from './password.ts';
import { Role } from './roles.ts';

export const UserName = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'may contain letters, digits and . _ @ - only');

export const Password = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters');

export const User = z.object({ name: z.string(), role: Role, createdAt: z.string().nullable().optional() });
export type User = z.infer<typeof User>;

export class UserExistsError extends Error {
  override name = 'UserExistsError';
}

export async function findUser(
  db: Db,
  name: string,
): Promise<{ name: string; role: Role; passwordHash: string } | undefined> {
  const [row] = await db.read(loadCypher('server/auth/find-user'), { name });
  if (!row) return undefined;
  const role = Role.safeParse(row.role);
  if (!role.success || typeof row.passwordHash !== 'string') return undefined;
  return { name: String(row.name), role: role.data, passwordHash: row.passwordHash };
}

export async function createUser(db: Db, name: string, role: Role, password: string): Promise<User> {
  const passwordHash = await hashPassword(password);
  try {
    const [row] = await db.write(loadCypher('server/auth/create-user'), {
      name,
      role,
      passwordHash,
      now: new Date().toISOString(),
    });
    return User.parse(row);
  } catch (err) {
    if (err instanceof ConstraintViolationError) throw new UserExistsError(`user ${name} already exists`);
    throw err;
  }
}

/** Creates the user or replaces its role and password. */
export async function setUser(db: Db, name: string, role: Role, password: string): Promise<User> {
  const passwordHash = await hashPassword(password);
  const [row] = await db.write(loadCypher('server/auth/upsert-user'), {
    name,
    role,
    passwordHash,
    now: new Date().toISOString(),
  });
  return User.parse(row);
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.read(loadCypher('server/auth/list-users'))).map((r) => User.parse(r));
}

/** The demo's admin: created or reset with a fresh random password, returned once to be printed. */
export async function ensureDemoUser(db: Db): Promise<{ username: string; password: string }> {
  const password = generatePassword();
  await setUser(db, 'demo', 'admin', password);
  return { username: 'demo', password };
}
