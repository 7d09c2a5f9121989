// listen scan | escalate --user NAME [--off]: put the posts that name the organisation into the
// mentions inbox now (ingest does it after each load), and choose who is told at once about
// clinical-safety mentions.
import type { Command } from 'commander';
import { setEscalation } from '../../queries/identity.ts';
import { DomainError } from '../../queries/errors.ts';
import { scanMentions, type ScanSummary } from '../../queries/mentions.ts';
import { withDb } from '../context.ts';
import { fail, output, UsageError } from '../output.ts';

export function register(program: Command): void {
  const cmd = program.command('listen').description('the mentions inbox: scan posts, escalation list');
  cmd
    .command('scan')
    .description('match every post against the identity; each matching post lands once in the inbox')
    .option('--json', 'print {scanned, matched, created, escalated, seconds} as JSON')
    .action(async (o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const s = await withDb({ log: out.info }, ({ db }) => scanMentions(db, { log: out.info }));
        out.result(s, (v: ScanSummary) =>
          v.scanned === 0 && v.matched === 0
            ? 'no identity configured yet: add one with `identity add names "…"`'
            : `${v.scanned.toLocaleString('en-US')} posts read, ${v.matched.toLocaleString('en-US')} name us, ` +
              `${v.created.toLocaleString('en-US')} new in the inbox, ${v.escalated} escalation notices, ${v.seconds.toFixed(1)} s`,
        );
      } catch (err) {
        fail(err, !!o.json);
      }
    });
  cmd
    .command('escalate')
    .description('tell this user at once about clinical-safety mentions (--off to stop)')
    .requiredOption('--user <name>', 'user name')
    .option('--off', 'stop telling this user')
    .option('--json', 'print {name, escalation} as JSON')
    .action(async (o: { user: string; off?: boolean; json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const r = await withDb({ log: () => {} }, async ({ db }) => {
          try {
            return await setEscalation(db, 'cli', o.user, !o.off);
          } catch (err) {
            if (err instanceof DomainError) throw new UsageError(err.message);
            throw err;
          }
        });
        out.result(
          r,
          (v: typeof r) =>
            `${v.name} ${v.escalation ? 'is now told' : 'is no longer told'} about clinical-safety mentions`,
        );
      } catch (err) {
        fail(err, !!o.json);
      }
    });
}
