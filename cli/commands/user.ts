// user add|list|role|reset-password|disable|enable|delete|end-sessions: the people who can sign in.
// Passwords are read from standard input (piped, or typed at a prompt), so they never appear in the
// shell history or the process list. There is no default password. Every change is audited with the
// actor `cli:<operating-system user>`; a running server notices it at the user's next request.
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { DomainError } from '../../queries/errors.ts';
import { Role } from '../../server/auth/roles.ts';
import {
  changeRole,
  createUser,
  deleteUser,
  endSessions,
  listUsers,
  Password,
  resetPassword,
  setDisabled,
  UserName,
} from '../../queries/users.ts';
import { withDb } from '../context.ts';
import { fail, output, table, UsageError } from '../output.ts';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password (then Enter, Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  // Only the final newline is dropped: spaces inside or around a passphrase are the user's choice.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function check<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`${what} ${r.error.issues[0]?.message ?? 'is not valid'}`);
  return r.data;
}

function actor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** Runs one change against the database; a refused change (no such user, weak password…) is exit 2. */
async function run<T>(
  out: ReturnType<typeof output>,
  work: (db: Parameters<Parameters<typeof withDb>[1]>[0]['db']) => Promise<T>,
) {
  return withDb({ log: out.info }, async ({ db }) => {
    try {
      return await work(db);
    } catch (err) {
      if (err instanceof DomainError) throw new UsageError(err.message);
      throw err;
    }
  });
}

const nameOption = ['--name <name>', 'user name (letters, digits, . _ @ -)'] as const;

export function register(program: Command): void {
  const user = program.command('user').description('manage the people who can sign in');
  user
    .command('add')
    .description(
      'create a user; the password is read from standard input (12+ characters, not easy to guess)',
    )
    .requiredOption(...nameOption)
    .requiredOption('--role <role>', 'viewer | outreach | admin')
    .option('--json', 'machine-readable output')
    .action(async (o: { name: string; role: string; json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const name = check(UserName, o.name, '--name');
        const role = check(Role, o.role, '--role must be viewer, outreach or admin:');
        const password = check(Password, await readStdin(), 'the password (standard input)');
        const created = await run(out, (db) =>
          createUser(db, name, role, password, actor(), 'the password (standard input)'),
        );
        out.result(created, (u: typeof created) => `created ${u.role} ${u.name}`);
      } catch (err) {
        fail(err, !!o.json);
      }
    });

  user
    .command('list')
    .description('list users with their role and whether they are disabled')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const items = await run(out, (db) => listUsers(db));
        out.result({ items }, () =>
          table(
            items.map((u) => ({
              name: u.name,
              role: u.role,
              state: u.disabled ? 'disabled' : 'active',
              created: u.createdAt?.slice(0, 10) ?? '',
            })),
          ),
        );
      } catch (err) {
        fail(err, !!o.json);
      }
    });

  user
    .command('role')
    .description("change a user's role; it applies from their next request")
    .requiredOption(...nameOption)
    .requiredOption('--role <role>', 'viewer | outreach | admin')
    .option('--json', 'machine-readable output')
    .action(async (o: { name: string; role: string; json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const name = check(UserName, o.name, '--name');
        const role = check(Role, o.role, '--role must be viewer, outreach or admin:');
        const u = await run(out, (db) => changeRole(db, actor(), name, role));
        out.result(u, () => `${u.name} is now ${u.role}`);
      } catch (err) {
        fail(err, !!o.json);
      }
    });

  user
    .command('reset-password')
    .description('set a new password (read from standard input); the user is signed out everywhere')
    .requiredOption(...nameOption)
    .option('--json', 'machine-readable output')
    .action(async (o: { name: string; json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const name = check(UserName, o.name, '--name');
        const password = check(Password, await readStdin(), 'the password (standard input)');
        const u = await run(out, (db) =>
          resetPassword(db, actor(), name, password, 'the password (standard input)'),
        );
        out.result(u, () => `new password set for ${u.name}; their sessions have ended`);
      } catch (err) {
        fail(err, !!o.json);
      }
    });

  for (const [cmd, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(cmd)
      .description(
        disabled
          ? 'stop a user from signing in; their sessions stop at their next request'
          : 'let a disabled user sign in again',
      )
      .requiredOption(...nameOption)
      .option('--json', 'machine-readable output')
      .action(async (o: { name: string; json?: boolean }) => {
        const out = output(!!o.json);
        try {
          const name = check(UserName, o.name, '--name');
          const u = await run(out, (db) => setDisabled(db, actor(), name, disabled));
          out.result(u, () => `${u.name} is ${disabled ? 'disabled' : 'enabled'}`);
        } catch (err) {
          fail(err, !!o.json);
        }
      });
  }

  user
    .command('delete')
    .description('delete a user (outreach records keep their name as text)')
    .requiredOption(...nameOption)
    .option('--json', 'machine-readable output')
    .action(async (o: { name: string; json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const name = check(UserName, o.name, '--name');
        await run(out, (db) => deleteUser(db, actor(), name));
        out.result({ name, deleted: true }, () => `deleted ${name}`);
      } catch (err) {
        fail(err, !!o.json);
      }
    });

  user
    .command('end-sessions')
    .description('sign a user out everywhere (a lost laptop); they can sign in again')
    .requiredOption(...nameOption)
    .option('--json', 'machine-readable output')
    .action(async (o: { name: string; json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const name = check(UserName, o.name, '--name');
        await run(out, (db) => endSessions(db, actor(), name));
        out.result({ name, sessionsEnded: true }, () => `${name}'s sessions have ended`);
      } catch (err) {
        fail(err, !!o.json);
      }
    });
}
