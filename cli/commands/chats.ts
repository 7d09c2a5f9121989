// chats: the recurring hashtag chats the latest analysis found, with schedule, next session and hosts
// (same function and schema as GET /api/chats).
import type { Command } from 'commander';
import { ChatQuery, listChats, type Chat } from '../../queries/chats.ts';
import { withDb } from '../context.ts';
import { fail, output, table, UsageError } from '../output.ts';

interface Options {
  hashtag?: string;
  specialty?: string;
  limit: string;
  json?: boolean;
}

function when(iso: string | null): string {
  if (!iso) return '';
  // The reader's own zone, as the web page does.
  return new Date(iso).toLocaleString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

export function register(program: Command): void {
  program
    .command('chats')
    .description('recurring hashtag chats found by analyze: when they meet, who hosts, how sure we are')
    .option('--hashtag <tag>', 'only this hashtag (with or without #)')
    .option('--specialty <s>', 'specialty, e.g. diabetes, cancer, "rare disease"')
    .option('--limit <n>', 'how many (1-500)', '100')
    .option('--json', 'print {items} as JSON')
    .action(async (o: Options) => {
      const out = output(!!o.json);
      try {
        const parsed = ChatQuery.safeParse({ hashtag: o.hashtag, specialty: o.specialty, limit: o.limit });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new UsageError(
            `--${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'is not valid'}`,
          );
        }
        const items = await withDb({ log: out.info }, ({ db }) => listChats(db, parsed.data));
        if (!items.length && !o.json) out.info('no chats found (run analyze first, or widen the filters)');
        out.result({ items }, (v: { items: Chat[] }) =>
          table(
            v.items.map((c) => ({
              chat: `#${c.tag}`,
              schedule: c.schedule,
              status: c.status,
              next: when(c.nextOccurrence),
              hosts: c.hosts.map((h) => `@${h.handle ?? h.id}`).join(' '),
              regulars: c.regulars,
              confidence: c.confidence,
            })),
          ),
        );
      } catch (err) {
        fail(err, !!o.json);
      }
    });
}
