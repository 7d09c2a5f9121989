// Mastodon REST API: arrays of Status entities (timelines, account statuses), a single Status, a Context
// (ancestors and descendants), and Account lists (reblogged_by, followers, search) — as JSON or JSON
// Lines. Account ids are `mastodon:user@host`; an acct without a domain gets its instance's host.
import type { Readable } from 'node:stream';
import { htmlToText } from './html.ts';
import { isRelation, unwrap } from './envelope.ts';
import { jsonValues } from './json.ts';
import { clip, type SourceContext, type SourceItem } from './source.ts';

interface MAccount {
  id?: string;
  acct?: string;
  username?: string;
  url?: string;
  display_name?: string;
  note?: string;
  followers_count?: number;
  following_count?: number;
}

interface MStatus {
  id?: string;
  uri?: string;
  url?: string | null;
  created_at?: string;
  language?: string | null;
  content?: string;
  account?: MAccount;
  in_reply_to_account_id?: string | null;
  reblog?: MStatus | null;
  quote?: { quoted_status?: MStatus | null } | null;
  mentions?: MAccount[];
  tags?: { name?: string }[];
}

const P = 'mastodon';

function host(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** `mastodon:user@host`, or undefined when neither acct nor a URL with a host is there. */
export function mastodonAccountId(a: MAccount | undefined): string | undefined {
  const acct = (a?.acct ?? a?.username)?.replace(/^@/, '');
  if (!acct) return undefined;
  if (acct.includes('@')) return `${P}:${acct.toLowerCase()}`;
  const h = host(a?.url);
  return h ? `${P}:${acct.toLowerCase()}@${h}` : undefined;
}

/**
 * The post id of a reblog: who reblogged what. A reblog reaches us two ways, as a Status in a
 * timeline (with an id and uri of its own) and as an account on the original's reblogged_by page
 * (without them); keyed the same way both times, it is one repost, not two. An account reblogs a
 * status at most once.
 */
function reblogPostId(reblogger: string, originalUri: string): string {
  return `${P}:reblog:${reblogger.slice(P.length + 1)}:${originalUri}`;
}

function accountRecord(a: MAccount, full: boolean) {
  const id = mastodonAccountId(a)!;
  const handle = id.slice(P.length + 1);
  if (!full) return { kind: 'account', id, platform: P, handle, url: a.url };
  return {
    kind: 'account',
    id,
    platform: P,
    handle,
    name: a.display_name,
    bio: htmlToText(a.note),
    followers: a.followers_count,
    following: a.following_count,
    url: a.url,
  };
}

const isStatus = (v: unknown): v is MStatus =>
  typeof v === 'object' && v !== null && 'account' in v && ('content' in v || 'uri' in v);
const isAccount = (v: unknown): v is MAccount =>
  typeof v === 'object' && v !== null && 'acct' in v && !('content' in v);

/** Instance-local account ids (in_reply_to_account_id) → global ids, learned from the file itself. */
export type LocalIds = Map<string, string>;

function learn(s: MStatus, ids: LocalIds) {
  // Bounded: a huge export must not grow this without limit (ids are only needed near their posts).
  if (ids.size > 200_000) ids.clear();
  const add = (a: MAccount | undefined) => {
    const g = mastodonAccountId(a);
    if (a?.id && g) ids.set(a.id, g);
  };
  add(s.account);
  for (const m of s.mentions ?? []) add(m);
  if (s.reblog) learn(s.reblog, ids);
  if (s.quote?.quoted_status) learn(s.quote.quoted_status, ids);
}

/** One Status → account and post records (a reblog or quote brings the original post along). */
function statusRecords(
  s: MStatus,
  ids: LocalIds,
): { records: unknown[]; unresolved: number } | { reject: string } {
  const author = mastodonAccountId(s.account);
  const uri = s.uri ?? s.url;
  if (!uri) return { reject: 'status has no uri' };
  if (!author) return { reject: `status ${uri}: account.acct is missing` };
  learn(s, ids);
  const records: unknown[] = [accountRecord(s.account!, true)];
  const interactions: { type: string; target: string }[] = [];
  let hashtags: string[] = [];
  let unresolved = 0;
  if (s.reblog) {
    const inner = statusRecords(s.reblog, ids);
    if ('reject' in inner) return inner;
    records.push(...inner.records);
    unresolved += inner.unresolved;
    interactions.push({ type: 'repost', target: mastodonAccountId(s.reblog.account)! });
  } else {
    let replyTarget: string | undefined;
    if (s.in_reply_to_account_id) {
      replyTarget = ids.get(s.in_reply_to_account_id);
      if (replyTarget) interactions.push({ type: 'reply', target: replyTarget });
      else unresolved += 1;
    }
    const quoted = s.quote?.quoted_status;
    if (quoted) {
      const inner = statusRecords(quoted, ids);
      if (!('reject' in inner)) {
        records.push(...inner.records);
        unresolved += inner.unresolved;
        interactions.push({ type: 'quote', target: mastodonAccountId(quoted.account)! });
      } else unresolved += 1;
    }
    for (const m of s.mentions ?? []) {
      const id = mastodonAccountId(m);
      if (!id) unresolved += 1;
      else if (id !== replyTarget) {
        records.push(accountRecord(m, false));
        interactions.push({ type: 'mention', target: id });
      }
    }
    hashtags = (s.tags ?? []).map((t) => t.name ?? '').filter(Boolean);
  }
  const inner = s.reblog?.uri ?? s.reblog?.url;
  records.push({
    kind: 'post',
    id: s.reblog && inner ? reblogPostId(author, inner) : `${P}:${uri}`,
    platform: P,
    author,
    createdAt: s.created_at,
    // A reblog's text is the original's; the original post carries it.
    text: s.reblog ? undefined : htmlToText(s.content),
    lang: s.language ?? undefined,
    url: s.url ?? uri,
    hashtags,
    interactions,
  });
  return { records, unresolved };
}

/** One JSON value (a page, a status, an account, or a collector's archived page) → source items. */
export function mastodonValue(page: unknown, line: number, ids: LocalIds): SourceItem[] {
  const { meta, body: value } = unwrap(page);
  // A followers / following page from the collector, which records whose list it is.
  if (meta && isRelation(meta.relation) && isAccount(meta.subject) && Array.isArray(value)) {
    const subject = mastodonAccountId(meta.subject);
    if (!subject)
      return [
        {
          line,
          reject: 'follow list subject has neither acct@domain nor url',
          raw: clip(JSON.stringify(meta.subject)),
        },
      ];
    return value.map((v, i): SourceItem => {
      const id = isAccount(v) ? mastodonAccountId(v) : undefined;
      if (!id)
        return {
          line,
          reject: `[${i}] not a Mastodon Account with acct@domain or url`,
          raw: clip(JSON.stringify(v)),
        };
      const [source, target] = meta.relation === 'following' ? [subject, id] : [id, subject];
      return {
        line,
        records: [
          accountRecord(meta.subject as MAccount, true),
          accountRecord(v as MAccount, true),
          { kind: 'follow', source, target },
        ],
      };
    });
  }
  // A reblogged_by page from the collector: each account reposted the subject status. The reblog's own
  // id is not in this answer, so it is derived from who reblogged what (as Bluesky's getRepostedBy).
  if (meta?.relation === 'reblogged_by' && isStatus(meta.subject) && Array.isArray(value)) {
    const original = meta.subject;
    const target = mastodonAccountId(original.account);
    const uri = original.uri ?? original.url;
    if (!target || !uri)
      return [
        { line, reject: 'reblogged_by subject has no account or uri', raw: clip(JSON.stringify(original)) },
      ];
    return value.map((v, i): SourceItem => {
      const id = isAccount(v) ? mastodonAccountId(v) : undefined;
      if (!id)
        return {
          line,
          reject: `[${i}] not a Mastodon Account with acct@domain or url`,
          raw: clip(JSON.stringify(v)),
        };
      return {
        line,
        records: [
          accountRecord(v as MAccount, true),
          {
            kind: 'post',
            id: reblogPostId(id, uri),
            platform: P,
            author: id,
            hashtags: [],
            interactions: [{ type: 'repost', target }],
          },
        ],
      };
    });
  }
  const one = (v: unknown, where: string): SourceItem => {
    if (isStatus(v)) {
      const r = statusRecords(v, ids);
      return 'reject' in r
        ? { line, reject: `${where}${r.reject}`, raw: clip(JSON.stringify(v)) }
        : { line, ...r };
    }
    if (isAccount(v)) {
      if (!mastodonAccountId(v))
        return {
          line,
          reject: `${where}account has neither acct@domain nor url`,
          raw: clip(JSON.stringify(v)),
        };
      return { line, records: [accountRecord(v, true)] };
    }
    return {
      line,
      reject: `${where}not a Mastodon Status (account, content, uri) or Account (acct)`,
      raw: clip(JSON.stringify(v)),
    };
  };
  if (Array.isArray(value)) return value.map((v, i) => one(v, `[${i}] `));
  if (typeof value === 'object' && value !== null && ('ancestors' in value || 'descendants' in value)) {
    const c = value as { ancestors?: unknown[]; descendants?: unknown[] };
    return [...(c.ancestors ?? []), ...(c.descendants ?? [])].map((v, i) => one(v, `context[${i}] `));
  }
  return [one(value, '')];
}

export async function* mastodon(input: Readable, _ctx: SourceContext): AsyncGenerator<SourceItem> {
  const ids: LocalIds = new Map();
  for await (const item of jsonValues(input)) {
    if ('reject' in item) yield item;
    else yield* mastodonValue(item.value, item.line, ids);
  }
}
