// purge contact <contact id> | purge next-step <account id>, with --reason: replaces a saved text that
// holds patient information by a tombstone, in the record and in every audit copy, and audits the
// purge. The person running it is recorded as `cli:<login>` unless --by names them.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { DomainError } from '../../queries/errors.ts';
import { purgeContact, purgeNextStep, type PurgeResult } from '../../queries/purge.ts';
import { withDb } from '../context.ts';
import { fail, output, UsageError } from '../output.ts';

interface Opts {
  reason?: string;
  by?: string;
  outcome?: boolean;
  json?: boolean;
}

function describe(r: PurgeResult): string {
  return (
    `purged ${r.fields.join(' and ') || 'nothing new'} of ${r.target} (account ${r.accountId}); ` +
    `${r.auditEntriesRedacted} audit ${r.auditEntriesRedacted === 1 ? 'entry' : 'entries'} redacted; ` +
    `the purge is in the audit log as ${r.purgedBy}`
  );
}

async function run(o: Opts, work: (actor: string, reason: string) => Promise<PurgeResult>): Promise<void> {
  const out = output(!!o.json);
  try {
    if (!o.reason?.trim()) throw new UsageError('--reason is required: say why the text is purged (no PHI)');
    const actor = o.by?.trim() || `cli:${userInfo().username}`;
    let result: PurgeResult;
    try {
      result = await work(actor, o.reason);
    } catch (err) {
      // Not found, no next step, a reason that holds PHI: the caller's to fix (exit 2).
      if (err instanceof DomainError && err.kind !== 'too_large') throw new UsageError(err.message);
      throw err;
    }
    out.result(result, describe);
  } catch (err) {
    fail(err, !!o.json);
  }
}

export function register(program: Command): void {
  const purge = program
    .command('purge')
    .description(
      'replace a saved note or next step that holds patient information by a tombstone (audit log included)',
    );
  purge
    .command('contact <contactId>')
    .description("purge a contact's note (the contact id is in GET /api/outreach/contacts)")
    .requiredOption('--reason <text>', 'why (checked for PHI like any note)')
    .option('--outcome', 'also purge the outcome')
    .option('--by <name>', 'who is purging (default: cli:<your login>)')
    .option('--json', 'machine-readable output')
    .action((contactId: string, o: Opts) =>
      run(o, (actor, reason) =>
        withDb({}, ({ db }) => purgeContact(db, contactId, { actor, reason, outcome: !!o.outcome })),
      ),
    );
  purge
    .command('next-step <accountId>')
    .description("purge an account's current next step")
    .requiredOption('--reason <text>', 'why (checked for PHI like any note)')
    .option('--by <name>', 'who is purging (default: cli:<your login>)')
    .option('--json', 'machine-readable output')
    .action((accountId: string, o: Opts) =>
      run(o, (actor, reason) => withDb({}, ({ db }) => purgeNextStep(db, accountId, { actor, reason }))),
    );
}
