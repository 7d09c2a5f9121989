// ingest FILE…: load platform exports and canonical files (DESIGN.md "Command line"), and
// demo-data: write the seeded demo network to files.
import { existsSync, statSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { FORMATS, type Format } from '../../ingest/detect.ts';
import { generateDemo } from '../../ingest/demo/generate.ts';
import { BulkRefusedError, bulkIngest, type BulkReport } from '../../ingest/bulk/run.ts';
import { BULK_BATCH, DEFAULT_BATCH, ingestFiles, type Summary } from '../../ingest/pipeline.ts';
import { scanAfterIngest } from '../../ingest/listen.ts';
import { progressReporter } from '../progress/ingest.ts';
import { defaultRejectsPath, RejectsFile } from '../../ingest/rejects.ts';
import { withDb } from '../context.ts';
import { EXIT, fail, output, table, UsageError } from '../output.ts';

function positiveInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number ≥ 1, got "${v}"`);
  return n;
}

function human(s: Summary & { bulk?: BulkReport }): string {
  const rows: Record<string, unknown>[] = s.files.map((f) => ({
    file: f.file,
    format: f.format ?? '-',
    read: f.read,
    loaded: f.loaded,
    duplicates: f.duplicates,
    rejected: f.rejected,
  }));
  if (s.files.length > 1) {
    rows.push({
      file: 'total',
      format: '',
      read: s.read,
      loaded: s.loaded,
      duplicates: s.duplicates,
      rejected: s.rejected,
    });
  }
  const lines = [
    table(rows, ['file', 'format', 'read', 'loaded', 'duplicates', 'rejected']),
    '',
    `${s.rowsPerSecond.toLocaleString('en-US')} rows/s, ${s.seconds.toFixed(1)} s` +
      (s.unresolved ? `; ${s.unresolved} interaction targets could not be resolved (not loaded)` : ''),
  ];
  if (s.bulk) {
    const p = s.bulk.phases;
    lines.push(
      `bulk: parse & prepare ${p.prepare} s (stop ${p.stop} s alongside), neo4j-admin import ${p.import} s, ` +
        `start ${p.start} s, schema ${p.schema} s, finish ${p.finish} s; ` +
        `${s.bulk.nodes.toLocaleString('en-US')} nodes, ${s.bulk.relationships.toLocaleString('en-US')} relationships` +
        (s.bulk.resumed ? '; replaced an interrupted bulk import' : ''),
    );
  }
  if (s.dryRun) lines.push('dry run: rows were validated, nothing was written ("loaded" = would load)');
  if (s.rejectsFile) lines.push(`rejected rows (file, line, reason, raw text): ${s.rejectsFile}`);
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description(
      'load exports (X API v2, Mastodon, Bluesky, canonical CSV / JSON Lines, GraphML, GEXF) into Neo4j',
    )
    .argument('<files...>', 'files to load, in order')
    .addOption(new Option('--format <format>', 'input format').choices(['auto', ...FORMATS]).default('auto'))
    .option('--rejects <file>', 'where rejected rows go (JSON Lines)', undefined)
    .option('--dry-run', 'validate only; write nothing')
    .option(
      '--batch-size <n>',
      `rows per transaction (default ${DEFAULT_BATCH}; with --bulk, rows decided at a time, default ${BULK_BATCH})`,
    )
    .option(
      '--bulk',
      'first load of an empty local database through neo4j-admin import (stops and restarts the local Neo4j; much faster for large files)',
    )
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        files: string[],
        o: {
          format: Format | 'auto';
          rejects?: string;
          dryRun?: boolean;
          batchSize?: string;
          bulk?: boolean;
          json?: boolean;
        },
      ) => {
        const out = output(!!o.json);
        try {
          const batchSize = positiveInt(
            '--batch-size',
            o.batchSize ?? String(o.bulk ? BULK_BATCH : DEFAULT_BATCH),
          );
          if (o.bulk && o.dryRun) throw new UsageError('--dry-run writes nothing: use it without --bulk');
          for (const f of files) {
            if (!existsSync(f) || !statSync(f).isFile()) throw new UsageError(`${f} is not a readable file`);
          }
          const rejects = new RejectsFile(o.rejects ?? defaultRejectsPath());
          const mode = o.json ? 'none' : process.stderr.isTTY ? 'bar' : 'lines';
          const progress = progressReporter(mode, out.info);
          const opts = {
            format: o.format,
            batchSize,
            dryRun: !!o.dryRun,
            rejects,
            onProgress: (s: Parameters<typeof progress.update>[0]) => progress.update(s),
            log: (line: string) => {
              // A log line would be drawn over by the bar: end the bar first.
              if (line.startsWith('bulk:')) progress.stop();
              out.info(line);
            },
          };
          const run = (db: Parameters<typeof ingestFiles>[0]) => ingestFiles(db, files, opts);
          let summary: Summary;
          try {
            if (o.bulk) summary = await bulkIngest(files, opts);
            else
              summary = o.dryRun
                ? await run(null)
                : await withDb({ log: () => {} }, async ({ db }) => {
                    const loaded = await run(db);
                    await scanAfterIngest(db, out.info);
                    return loaded;
                  });
          } catch (err) {
            throw err instanceof BulkRefusedError ? new UsageError(err.message) : err;
          } finally {
            progress.stop();
            await rejects.close();
          }
          out.result(summary, human);
          process.exit(summary.rejected > 0 ? EXIT.rejected : EXIT.ok);
        } catch (err) {
          fail(err, !!o.json);
        }
      },
    );

  program
    .command('demo-data')
    .description(
      'write the seeded demo healthcare network as canonical CSV (accounts.csv, edges.csv) or JSON Lines',
    )
    .requiredOption('--out <dir>', 'folder to write into')
    .option('--accounts <n>', 'number of accounts', '2000')
    .option('--interactions <n>', 'number of interactions (default 12 per account)')
    .option('--seed <n>', 'random seed (same seed, same files)', '42')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'jsonl']).default('csv'))
    .option('--chats', 'also plant hashtag chats hosted by the influencers (chats.csv or chats.jsonl)')
    .option(
      '--no-mentions',
      'leave out the posts that name the demo hospital (about one per ten interactions)',
    )
    .option('--json', 'print what was written as JSON')
    .action(
      async (o: {
        chats?: boolean;
        mentions: boolean;
        out: string;
        accounts: string;
        interactions?: string;
        seed: string;
        format: 'csv' | 'jsonl';
        json?: boolean;
      }) => {
        const out = output(!!o.json);
        try {
          const r = await generateDemo({
            outDir: o.out,
            accounts: positiveInt('--accounts', o.accounts),
            interactions:
              o.interactions === undefined ? undefined : positiveInt('--interactions', o.interactions),
            seed: positiveInt('--seed', o.seed),
            format: o.format,
            chats: !!o.chats,
            mentions: o.mentions,
          });
          out.result(
            r,
            (v: typeof r) =>
              `wrote ${v.accounts.toLocaleString('en-US')} accounts, ${v.interactions.toLocaleString('en-US')} interactions ` +
              `(${v.posts.toLocaleString('en-US')} posts, ${v.mentions.toLocaleString('en-US')} naming the demo hospital): ${v.files.join(', ')}`,
          );
        } catch (err) {
          fail(err, !!o.json);
        }
      },
    );
}
