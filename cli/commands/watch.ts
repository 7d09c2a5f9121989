// watch add|list|run|pause|resume|remove: saved collections from Mastodon, Bluesky and X (collect/).
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { archiveDirFromEnv } from '../../collect/archive.ts';
import { runWatch, type RunResult } from '../../collect/run.ts';
import { TokenFileError, tokenSetter, tokensFromEnv } from '../../collect/tokens.ts';
import { KINDS } from '../../collect/watches.ts';
import { DomainError, Invalid, NotFound } from '../../queries/errors.ts';
import {
  createWatch,
  dueWatches,
  getWatch,
  listRuns,
  listWatches,
  removeWatch,
  resetCursor,
  setPaused,
} from '../../queries/watches.ts';
import { withDb } from '../context.ts';
import { EXIT, fail, output, table, UsageError } from '../output.ts';

/** Who the audit log names for a change made here, as the user commands do. */
const actor = () => `cli:${userInfo().username}`;

/** Bad input is usage (exit 2); a watch that is missing or busy is a failure with its message (exit 1). */
function domain(err: unknown): unknown {
  if (err instanceof Invalid || err instanceof NotFound || err instanceof TokenFileError)
    return new UsageError(err.message);
  if (err instanceof DomainError) return Object.assign(new UsageError(err.message), { exit: EXIT.failed });
  return err;
}

function done(err: unknown, json: boolean): never {
  const e = domain(err);
  if (e instanceof UsageError && (e as { exit?: number }).exit === EXIT.failed) {
    if (json) process.stdout.write(JSON.stringify({ error: 'Conflict', message: e.message }) + '\n');
    else process.stderr.write(`error: ${e.message}\n`);
    process.exit(EXIT.failed);
  }
  fail(e, json);
}

const kindsHelp = Object.entries(KINDS)
  .map(
    ([p, ks]) =>
      `  ${p}: ${Object.entries(ks)
        .map(([k, t]) => `${k} (${t})`)
        .join(', ')}`,
  )
  .join('\n');

function runLine(r: RunResult): string {
  const what = `${r.pages} pages, ${r.posts} posts and ${r.interactions} interactions added`;
  if (r.status === 'failed') return `${r.watch}: failed after ${what}: ${r.error}`;
  return `${r.watch}: ${what}${r.rejected ? `, ${r.rejected} items refused` : ''}${r.complete ? '' : ' (stopped early; the next run goes on)'}`;
}

export function register(program: Command): void {
  const watch = program
    .command('watch')
    .description('saved collections from Mastodon, Bluesky and X: add, list, run, pause, resume, remove');

  watch
    .command('add')
    .description('save a watch (it runs every --every minutes once the scheduler or `watch run` picks it up)')
    .requiredOption('--platform <p>', 'mastodon | bluesky | x')
    .requiredOption('--kind <k>', `what to follow:\n${kindsHelp}`)
    .requiredOption('--target <t>', 'the tag, query, account or post (see --kind)')
    .option('--instance <url>', 'the API root: the Mastodon instance (required), or another Bluesky/X server')
    .option('--every <minutes>', 'minutes between runs', '60')
    .option('--since <iso>', 'only posts from this date-time on')
    .option('--until <iso>', 'only posts before this date-time')
    .option('--id <id>', 'the watch id (default: platform-kind-target)')
    .option('--json', 'machine-readable output')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const json = !!o.json;
      const out = output(json);
      try {
        const every = Number(o.every);
        if (!Number.isInteger(every) || every < 1)
          throw new UsageError('--every must be a whole number of minutes');
        const input = {
          id: o.id,
          platform: o.platform,
          kind: o.kind,
          target: o.target,
          baseUrl: o.instance,
          intervalMinutes: every,
          since: o.since,
          until: o.until,
        };
        const w = await withDb({ log: out.info }, async ({ db }) => {
          const id = await createWatch(db, input, Date.now(), actor());
          return getWatch(db, tokenSetter(tokensFromEnv), id);
        });
        out.result(
          w,
          (v: typeof w) =>
            `added ${v.id}: ${v.platform} ${v.kind} ${v.target} every ${v.intervalMinutes} min`,
        );
      } catch (err) {
        done(err, json);
      }
    });

  watch
    .command('list')
    .description('the watches, their last run and next run')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const ws = await withDb({ log: out.info }, ({ db }) => listWatches(db, tokenSetter(tokensFromEnv)));
        out.result(ws, (v: typeof ws) =>
          table(
            v.map((w) => ({
              id: w.id,
              what: `${w.platform} ${w.kind} ${w.target}`,
              state: w.paused ? 'paused' : w.running ? 'running' : 'active',
              'last run': w.lastRun ? `${w.lastRun.status} ${w.lastRun.startedAt.slice(0, 16)}` : 'never',
              posts: w.lastRun?.posts ?? 0,
              interactions: w.lastRun?.interactions ?? 0,
              error: w.lastRun?.error ?? '',
              'next run': w.paused ? '' : (w.nextRunAt?.slice(0, 16) ?? ''),
              token: w.tokenSet ? 'set' : 'not set',
            })),
          ),
        );
      } catch (err) {
        done(err, !!o.json);
      }
    });

  watch
    .command('run')
    .description('run watches now: the ones named, or with --due every watch whose time has come')
    .argument('[ids...]', 'watch ids')
    .option('--due', 'run every watch that is due')
    .option('--restart', 'forget the cursor first and collect from the start again')
    .option('--max-pages <n>', 'stop after n pages (the next run goes on from there)')
    .option('--json', 'machine-readable output')
    .action(
      async (ids: string[], o: { due?: boolean; restart?: boolean; maxPages?: string; json?: boolean }) => {
        const json = !!o.json;
        const out = output(json);
        try {
          if (!ids.length && !o.due) throw new UsageError('name the watches to run, or give --due');
          const maxPages = o.maxPages === undefined ? undefined : Number(o.maxPages);
          if (maxPages !== undefined && (!Number.isInteger(maxPages) || maxPages < 1))
            throw new UsageError('--max-pages must be a whole number ≥ 1');
          const results = await withDb({ log: out.info }, async ({ db }) => {
            const todo = o.due ? [...ids, ...(await dueWatches(db))] : ids;
            const tokens = tokensFromEnv();
            const rs: RunResult[] = [];
            for (const id of todo) {
              if (o.restart) await resetCursor(db, id);
              const r = await runWatch(db, id, {
                archiveDir: archiveDirFromEnv(),
                tokens,
                log: out.info,
                maxPages,
              });
              out.info(runLine(r));
              rs.push(r);
            }
            return rs;
          });
          out.result(results, (v: RunResult[]) =>
            v.length ? `${v.length} watch(es) run` : 'no watch was due',
          );
          if (results.some((r) => r.status === 'failed')) process.exit(EXIT.failed);
        } catch (err) {
          done(err, json);
        }
      },
    );

  for (const [name, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    watch
      .command(name)
      .description(
        paused ? 'stop running a watch on schedule' : 'run a paused watch on schedule again (due now)',
      )
      .argument('<id>', 'watch id')
      .option('--json', 'machine-readable output')
      .action(async (id: string, o: { json?: boolean }) => {
        const out = output(!!o.json);
        try {
          await withDb({ log: out.info }, ({ db }) => setPaused(db, id, paused, Date.now(), actor()));
          out.result({ id, paused }, () => `${id} ${paused ? 'paused' : 'resumed'}`);
        } catch (err) {
          done(err, !!o.json);
        }
      });
  }

  watch
    .command('runs')
    .description("a watch's recent runs")
    .argument('<id>', 'watch id')
    .option('--json', 'machine-readable output')
    .action(async (id: string, o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        const runs = await withDb({ log: out.info }, async ({ db }) => {
          await getWatch(db, () => false, id);
          return listRuns(db, id);
        });
        out.result(runs, (v: typeof runs) =>
          table(
            v.map((r) => ({
              started: r.startedAt,
              status: r.status,
              pages: r.pages,
              posts: r.posts,
              interactions: r.interactions,
              error: r.error ?? '',
            })),
          ),
        );
      } catch (err) {
        done(err, !!o.json);
      }
    });

  watch
    .command('remove')
    .description('delete a watch and its run history (what it collected stays in the graph)')
    .argument('<id>', 'watch id')
    .option('--json', 'machine-readable output')
    .action(async (id: string, o: { json?: boolean }) => {
      const out = output(!!o.json);
      try {
        await withDb({ log: out.info }, ({ db }) => removeWatch(db, id, actor()));
        out.result({ id, removed: true }, () => `${id} removed`);
      } catch (err) {
        done(err, !!o.json);
      }
    });
}
