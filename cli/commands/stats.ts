// stats: how much social data the graph holds (DESIGN.md's exact shape).
import type { Command } from 'commander';
import type { Stats } from '../../queries/model.ts';
import { readStats } from '../../queries/social-graph.ts';
import { withDb } from '../context.ts';
import { fail, output } from '../output.ts';

export function register(program: Command): void {
  program
    .command('stats')
    .description('count accounts, hashtags, posts and interactions by type')
    .option('--json', 'print {"accounts","hashtags","posts","interactions":{…}} as JSON')
    .action(async (o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const s = await withDb({ log: () => {} }, ({ db }) => readStats(db));
        out.result(s, (v: Stats) =>
          [
            `accounts  ${v.accounts.toLocaleString('en-US')}`,
            `hashtags  ${v.hashtags.toLocaleString('en-US')}`,
            `posts     ${v.posts.toLocaleString('en-US')}`,
            ...Object.entries(v.interactions).map(([k, n]) => `${k.padEnd(9)} ${n.toLocaleString('en-US')}`),
          ].join('\n'),
        );
      } catch (err) {
        fail(err, !!o.json);
      }
    });
}
