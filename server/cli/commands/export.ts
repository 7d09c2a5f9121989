// export communities|graph --format csv|gexf|graphml [--out FILE]: analysis results for other tools.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { exportCommunitiesCsv, exportGraph, ExportFormat } from '../../../queries/analysis/export.ts';
import { withDb } from '../context.ts';
import { fail, output, UsageError } from '../output.ts';

interface Options {
  format?: string;
  out?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('export communities (account_id,handle,community) or the account graph with scores')
    .argument('<what>', 'communities | graph')
    .option('--format <f>', 'csv (communities) | gexf | graphml (graph)')
    .option('--out <file>', 'write to this file instead of standard output')
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
            ? { rows: await exportCommunitiesCsv(db, write) }
            : await exportGraph(db, format.data as 'gexf' | 'graphml', write),
        );
        if (stream) {
          const s = stream;
          await new Promise<void>((resolve, reject) =>
            s.end((err?: Error | null) => (err ? reject(err) : resolve())),
          );
          out.result({ what, format: format.data, out: o.out, ...result }, () => `wrote ${o.out}`);
        }
      } catch (err) {
        stream?.destroy();
        fail(err, !!o.json);
      }
    });
}
