// export communities|graph --format csv|gexf|graphml [--out FILE] [--since D] [--until D] [--types L]:
// analysis results for other tools; a period or a type filter keeps only those interactions.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { exportCommunitiesCsv, exportGraph, ExportFormat } from '../../queries/analysis/export.ts';
import { Invalid } from '../../queries/errors.ts';
import { postWindow, TypesParam, When } from '../../queries/window.ts';
import { withDb } from '../context.ts';
import { fail, output, UsageError } from '../output.ts';

interface Options {
  format?: string;
  out?: string;
  since?: string;
  until?: string;
  types?: string;
  json?: boolean;
}

const FLAG = { from: '--since', to: '--until', types: '--types' } as const;

/** --since/--until/--types as a window, or a usage error naming the option. */
function windowOf(o: Options) {
  for (const [key, value, schema] of [
    ['from', o.since, When],
    ['to', o.until, When],
    ['types', o.types, TypesParam],
  ] as const) {
    const r = value === undefined ? null : schema.safeParse(value);
    if (r && !r.success)
      throw new UsageError(`${FLAG[key]}: ${r.error.issues[0]?.message ?? 'is not valid'}`);
  }
  try {
    return postWindow({ from: o.since, to: o.until, types: o.types });
  } catch (err) {
    if (err instanceof Invalid)
      throw new UsageError(err.message.replace(/^(from|to):/, (_, k: 'from' | 'to') => `${FLAG[k]}:`));
    throw err;
  }
}

export function register(program: Command): void {
  program
    .command('export')
    .description('export communities (account_id,handle,community) or the account graph with scores')
    .argument('<what>', 'communities | graph')
    .option('--format <f>', 'csv (communities) | gexf | graphml (graph)')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--since <date>', 'only interactions from this date or time on, e.g. 2025-01-01')
    .option('--until <date>', 'only interactions up to this date (inclusive) or time, e.g. 2025-03-31')
    .option(
      '--types <list>',
      'interaction types that count, e.g. reply,repost (mention, reply, repost, quote)',
    )
    .addHelpText(
      'after',
      '\nWith --since, --until or --types only the interactions made by posts in that period and of those\n' +
        'types are exported, and only the accounts that took part in them. Follows have no date, so a\n' +
        'period or a type filter leaves them out; without one, every interaction (follows included) is.',
    )
    .option('--json', 'print what was written as JSON (needs --out)')
    .action(async (what: string, o: Options) => {
      const out = output(!!o.json);
      let stream: WriteStream | null = null;
      try {
        if (what !== 'communities' && what !== 'graph') {
          throw new UsageError(`export: what must be communities or graph, got "${what}"`);
        }
        const format = ExportFormat.safeParse(o.format ?? (what === 'communities' ? 'csv' : 'graphml'));
        if (!format.success) throw new UsageError(`--format must be csv, gexf or graphml, got "${o.format}"`);
        if (what === 'communities' && format.data !== 'csv') {
          throw new UsageError('--format: communities export as csv');
        }
        if (what === 'graph' && format.data === 'csv') {
          throw new UsageError('--format: the graph exports as gexf or graphml');
        }
        const window = windowOf(o);
        if (o.json && !o.out)
          throw new UsageError('--json needs --out (the export itself goes to standard output)');
        if (o.out) stream = createWriteStream(o.out);
        const target = stream;
        const write = (chunk: string) => {
          if (target) target.write(chunk);
          else process.stdout.write(chunk);
        };
        const result = await withDb({ log: out.info }, async ({ db }) =>
          what === 'communities'
            ? { rows: await exportCommunitiesCsv(db, write, window) }
            : await exportGraph(db, format.data as 'gexf' | 'graphml', write, undefined, window),
        );
        if (stream) {
          const s = stream;
          await new Promise<void>((resolve, reject) =>
            s.end((err?: Error | null) => (err ? reject(err) : resolve())),
          );
          const period = window && { from: window.from, to: window.to, types: window.asked.types };
          out.result(
            { what, format: format.data, out: o.out, window: period, ...result },
            () => `wrote ${o.out}`,
          );
        }
      } catch (err) {
        stream?.destroy();
        fail(err, !!o.json);
      }
    });
}
