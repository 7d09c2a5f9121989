// influencers: the ranked list with the reasons, filtered like the API (same function, same schema).
import type { Command } from 'commander';
import {
  BadCursorError,
  findInfluencers,
  InfluencerQuery,
  UnknownPlaceError,
  type InfluencerItem,
} from '../../queries/influencers.ts';
import { Invalid, UnknownPlace } from '../../queries/errors.ts';
import { withDb } from '../context.ts';
import { fail, output, table, UsageError } from '../output.ts';

interface Options {
  hashtag?: string;
  specialty?: string;
  near?: string;
  radiusKm?: string;
  region?: string;
  role?: string;
  community?: string;
  minScore?: string;
  since?: string;
  until?: string;
  types?: string;
  sort?: string;
  includeFlagged?: boolean;
  limit: string;
  cursor?: string;
  json?: boolean;
}

const FLAG: Record<string, string> = {
  radiusKm: '--radius-km',
  minScore: '--min-score',
  from: '--since',
  to: '--until',
  includeFlagged: '--include-flagged',
};

function why(i: InfluencerItem): string {
  const top = i.why.topInteractions
    .map((t) => `@${t.handle ?? t.accountId} ${t.count}× ${t.type}`)
    .join(', ');
  return [...i.why.summary, top && `from ${top}`, ...i.why.matched].filter(Boolean).join('; ');
}

/** The query's field names as the command's options: "from: …" → "--since: …". */
function cliFlags(message: string): string {
  const m = /^(\w+): /.exec(message);
  return m ? `${FLAG[m[1]!] ?? `--${m[1]}`}: ${message.slice(m[0].length)}` : message;
}

export function register(program: Command): void {
  program
    .command('influencers')
    .description('rank influencers, with the reasons; filters combine (all must match)')
    .option('--hashtag <tag>', 'used this hashtag (with or without #)')
    .option('--specialty <s>', 'specialty, e.g. diabetes, cancer, "type 1 diabetes", oncology')
    .option('--near <place>', 'within --radius-km of this place, e.g. "Boston, MA"')
    .option('--radius-km <km>', 'radius for --near', '50')
    .option('--region <r>', 'state or region, e.g. MA or Massachusetts')
    .option('--role <role>', 'patient_advocate | clinician | organisation | researcher | other')
    .option('--community <id>', 'community id (see the analyze output or the API)')
    .option('--min-score <s>', 'only accounts whose overall influence score (0-1) is at least this')
    .option('--since <date>', 'only interactions from this date or time on, e.g. 2025-01-01')
    .option('--until <date>', 'only interactions up to this date (inclusive) or time, e.g. 2025-03-31')
    .option(
      '--types <list>',
      'interaction types that count, e.g. reply,repost (mention, reply, repost, quote)',
    )
    .option('--sort <by>', 'topic (influence in the topic or window) | score (global) | localReach | rising')
    .option('--include-flagged', 'also show accounts flagged as spam or bots, with the reason')
    .option('--limit <n>', 'how many (1-500)', '50')
    .option('--cursor <c>', 'the "next" value of a previous page')
    .option('--json', 'print {items, next} as JSON')
    .action(async (o: Options) => {
      const out = output(!!o.json);
      try {
        const parsed = InfluencerQuery.safeParse({
          hashtag: o.hashtag,
          specialty: o.specialty,
          near: o.near,
          radiusKm: o.radiusKm,
          region: o.region,
          role: o.role,
          community: o.community,
          minScore: o.minScore,
          from: o.since,
          to: o.until,
          types: o.types,
          sort: o.sort,
          includeFlagged: o.includeFlagged,
          limit: o.limit,
          cursor: o.cursor,
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const key = String(issue?.path[0] ?? 'option');
          throw new UsageError(`${FLAG[key] ?? `--${key}`}: ${issue?.message ?? 'is not valid'}`);
        }
        const page = await withDb({ log: out.info }, async ({ db }) => {
          try {
            return await findInfluencers(db, parsed.data);
          } catch (err) {
            if (
              err instanceof UnknownPlaceError ||
              err instanceof UnknownPlace ||
              err instanceof BadCursorError
            ) {
              throw new UsageError(err.message);
            }
            if (err instanceof Invalid) throw new UsageError(cliFlags(err.message));
            throw err;
          }
        });
        out.result(page, (p: typeof page) => {
          const rows = p.items.map((i, k) => ({
            rank: k + 1,
            handle: `@${i.handle ?? i.accountId}`,
            score: i.score,
            ...(i.topic ? { topic: i.topic.score ?? '' } : {}),
            ...(i.window ? { attention: i.window.attention, rising: i.window.rising } : {}),
            community: i.community,
            role: i.role,
            place: i.place ? [i.place.name, i.place.region, i.place.country].filter(Boolean).join(', ') : '',
            specialties: i.specialties.slice(0, 3).join(' '),
            why: why(i),
          }));
          return table(rows) + (p.next ? `\nmore: --cursor ${p.next}` : '');
        });
      } catch (err) {
        fail(err, !!o.json);
      }
    });
}
