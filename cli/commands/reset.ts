// reset --yes [--all]: deletes the social graph in batches. Users, outreach records and the audit log
// stay unless --all.
import type { Command } from 'commander';
import { readStats, resetSocialGraph } from '../../queries/social-graph.ts';
import { withDb } from '../context.ts';
import { fail, output, UsageError } from '../output.ts';

export function register(program: Command): void {
  program
    .command('reset')
    .description('delete the social graph (accounts, posts, hashtags, communities, analysis runs)')
    .option('--yes', 'confirm: without it nothing is deleted')
    .option('--all', 'also delete users, outreach records and the audit log')
    .option('--json', 'machine-readable output')
    .action(async (o: { yes?: boolean; all?: boolean; json?: boolean }) => {
      const out = output(!!o.json);
      try {
        if (!o.yes) throw new UsageError('reset deletes data: add --yes to confirm');
        const after = await withDb({ log: () => {} }, async ({ db }) => {
          await resetSocialGraph(db, !!o.all);
          return readStats(db);
        });
        out.result({ deleted: o.all ? 'all' : 'social graph', stats: after }, () =>
          o.all
            ? 'deleted everything'
            : 'deleted the social graph; users, outreach records and audit log kept',
        );
      } catch (err) {
        fail(err, !!o.json);
      }
    });
}
