// user add --name N --role R: creates a user; the password is read from standard input (piped, or
// typed at a prompt), so it never appears in the shell history or the process list. There is no
// default password.
import type { Command } from 'commander';
import { Role } from '../../auth/roles.ts';
import { createUser, Password, UserExistsError, UserName } from '../../auth/users.ts';
import { withDb } from '../context.ts';
import { fail, output, UsageError } from '../output.ts';

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

export function register(program: Command): void {
  const user = program.command('user').description('manage the people who can sign in');
  user
    .command('add')
    .description('create a user; the password is read from standard input (at least 12 characters)')
    .requiredOption('--name <name>', 'user name (letters, digits, . _ @ -)')
    .requiredOption('--role <role>', 'viewer | outreach | admin')
    .option('--json', 'machine-readable output')
    .action(async (o: { name: string; role: string; json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const name = check(UserName, o.name, '--name');
        const role = check(Role, o.role, '--role must be viewer, outreach or admin:');
        const password = check(Password, await readStdin(), 'the password (standard input)');
        const created = await withDb({ log: out.info }, async ({ db }) => {
          try {
            return await createUser(db, name, role, password);
          } catch (err) {
            if (err instanceof UserExistsError) throw new UsageError(err.message);
            throw err;
          }
        });
        out.result(created, (u: typeof created) => `created ${u.role} ${u.name}`);
      } catch (err) {
        fail(err, !!o.json);
      }
    });
}
