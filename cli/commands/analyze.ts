// analyze: communities and influence scores for the whole graph, written back to Neo4j.
import type { Command } from 'commander';
import { AnalysisParams, InteractionWeights } from '../../queries/analysis/params.ts';
import { phaseReporter } from '../progress/analysis.ts';
import { AnalysisOptionError, runAnalysis, type AnalysisSummary } from '../../queries/analysis/run.ts';
import { withDb } from '../context.ts';
import { fail, output, table, UsageError } from '../output.ts';

function parseWeights(text: string | undefined) {
  if (!text) return undefined;
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (!k || v === undefined || v === '' || !Number.isFinite(Number(v))) {
      throw new UsageError(`--weights: "${part}" is not type=number (e.g. reply=2,follow=0.5)`);
    }
    out[k] = Number(v);
  }
  const r = InteractionWeights.partial().safeParse(out);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new UsageError(
      `--weights: ${issue?.path.join('.') || 'value'} ${issue?.message ?? 'is not valid'}`,
    );
  }
  return r.data;
}

function summaryText(s: AnalysisSummary): string {
  const c = s.counts;
  return [
    `analysis ${s.runId} (engine ${s.params.engine}, seed ${s.params.seed}, resolution ${s.params.resolution})`,
    table(
      [
        { what: 'accounts', count: c.accounts },
        { what: 'interacting pairs', count: c.interactions },
        { what: 'communities', count: c.communities },
        { what: 'hashtags clustered', count: c.hashtags },
        { what: 'hashtag topics', count: c.topics },
        { what: 'places resolved', count: c.placesResolved },
        { what: 'locations not resolved', count: c.placesUnresolved },
      ],
      ['what', 'count'],
    ),
    `modularity ${s.modularity.toFixed(4)}; ` +
      Object.entries(s.ms)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(', '),
    // Not fatal (the results are written), but the first requests will be slower than they need be.
    ...s.warmUp.failed.map((f) => `warning: the warm-up read "${f.read}" failed: ${f.error}`),
  ].join('\n');
}

export function register(program: Command): void {
  program
    .command('analyze')
    .description('find communities (Louvain) and influence scores, and write them back to Neo4j')
    .option('--seed <n>', 'random seed: the same seed on the same graph gives the same communities', '42')
    .option('--resolution <r>', 'Louvain resolution: higher gives more, smaller communities', '1')
    .option(
      '--weights <list>',
      'interaction weights, e.g. reply=2,follow=0.5 (defaults: mention=1,reply=2,quote=2,repost=1.5,follow=0.5)',
    )
    .option(
      '--engine <engine>',
      'node: Louvain and PageRank in this process; gds: inside Neo4j with Graph Data Science (the server needs the GDS plugin)',
      'node',
    )
    .option('--json', 'print the run summary as JSON')
    .action(
      async (o: { seed: string; resolution: string; weights?: string; engine: string; json?: boolean }) => {
        const out = output(!!o.json);
        try {
          const parsed = AnalysisParams.safeParse({
            seed: Number(o.seed),
            resolution: Number(o.resolution),
          });
          if (!parsed.success) {
            const field = parsed.error.issues[0]?.path[0] === 'seed' ? '--seed' : '--resolution';
            const want = field === '--seed' ? 'a whole number ≥ 0' : 'a number > 0';
            throw new UsageError(
              `${field} must be ${want}, got "${field === '--seed' ? o.seed : o.resolution}"`,
            );
          }
          const weights = parseWeights(o.weights);
          if (o.engine !== 'node' && o.engine !== 'gds') {
            throw new UsageError(`--engine must be node or gds, got "${o.engine}"`);
          }
          const engine = o.engine;
          const mode = o.json ? 'none' : process.stderr.isTTY ? 'bar' : 'lines';
          const progress = phaseReporter(mode, out.info);
          const summary = await withDb({ log: out.info }, async ({ db }) => {
            try {
              return await runAnalysis(db, {
                seed: parsed.data.seed,
                resolution: parsed.data.resolution,
                weights: { ...InteractionWeights.parse({}), ...weights },
                engine,
                onProgress: (p) => progress.update(p),
              });
            } finally {
              progress.stop();
            }
          });
          out.result(summary, summaryText);
        } catch (err) {
          fail(err instanceof AnalysisOptionError ? new UsageError(err.message) : err, !!o.json);
        }
      },
    );
}
