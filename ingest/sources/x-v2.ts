// X API v2: raw response pages (data, includes.users, includes.tweets, errors, meta — one per line as
// twarc writes them, or a single response), twarc's flattened tweets (author and referenced tweets
// inlined), user lookup pages, and filtered-stream lines. Interaction semantics follow DESIGN.md.
import type { Readable } from 'node:stream';
import { jsonValues } from './json.ts';
import { isRelation, unwrap, type Relation } from './envelope.ts';
import { clip, type SourceContext, type SourceItem } from './source.ts';

interface XUser {
  id?: string;
  username?: string;
  name?: string;
  description?: string;
  location?: string;
  verified?: boolean;
  public_metrics?: { followers_count?: number; following_count?: number };
}

interface XRef {
  type?: string;
  id?: string;
  author_id?: string;
  author?: XUser;
}

interface XTweet {
  id?: string;
  text?: string;
  author_id?: string;
  author?: XUser;
  created_at?: string;
  lang?: string;
  in_reply_to_user_id?: string;
  in_reply_to_user?: XUser;
  referenced_tweets?: (XRef & XTweet)[];
  entities?: {
    mentions?: (XUser & { username?: string })[];
    hashtags?: { tag?: string }[];
    urls?: { expanded_url?: string; url?: string }[];
  };
}

const P = 'x';
const acct = (id: string) => `${P}:${id}`;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

/** Users and tweets known in one response (its includes, or what a flattened tweet inlines). */
class Lookup {
  users = new Map<string, XUser>();
  handles = new Map<string, string>();
  tweets = new Map<string, XTweet>();

  addUser(u: XUser | undefined) {
    const id = str(u?.id);
    if (!u || !id) return;
    if (!this.users.has(id) || u.username) this.users.set(id, u);
    if (u.username) this.handles.set(u.username.toLowerCase(), id);
  }

  addTweet(t: XTweet | undefined) {
    const id = str(t?.id);
    if (!t || !id) return;
    this.tweets.set(id, { ...this.tweets.get(id), ...t });
    this.addUser(t.author);
    this.addUser(t.in_reply_to_user);
    for (const m of t.entities?.mentions ?? []) if (m.id) this.addUser(m);
    for (const r of t.referenced_tweets ?? []) {
      // twarc's flattening inlines the referenced tweet itself (with its author) in the reference.
      if (r.text !== undefined || r.author) this.addTweet(r);
    }
  }

  authorOf(tweetId: string | undefined): string | undefined {
    if (!tweetId) return undefined;
    const t = this.tweets.get(tweetId);
    return str(t?.author_id) ?? str(t?.author?.id);
  }

  userByHandle(handle: string | undefined): string | undefined {
    return handle ? this.handles.get(handle.replace(/^@/, '').toLowerCase()) : undefined;
  }
}

function accountRecord(u: XUser, observedAt: string | undefined) {
  return {
    kind: 'account',
    id: acct(String(u.id)),
    platform: P,
    handle: u.username,
    name: u.name,
    bio: u.description,
    location: u.location,
    followers: u.public_metrics?.followers_count,
    following: u.public_metrics?.following_count,
    verified: typeof u.verified === 'boolean' ? u.verified : undefined,
    url: u.username ? `https://x.com/${u.username}` : undefined,
    observedAt,
  };
}

/** A status URL in entities.urls (how a quote shows up when the referenced tweet is missing). */
function statusFromUrls(t: XTweet): { id?: string; handle?: string } {
  for (const u of t.entities?.urls ?? []) {
    const m = /(?:twitter|x)\.com\/([A-Za-z0-9_]+)\/status\/(\d+)/.exec(u.expanded_url ?? u.url ?? '');
    if (m) return { handle: m[1], id: m[2] };
  }
  return {};
}

/**
 * One tweet → its canonical post (or a reason it cannot be one), counting unresolved targets. `extra`
 * holds a stub of a retweeted original the response does not include: the retweet's hashtags and
 * further mentions belong to that original, and would be lost with it otherwise.
 */
function postRecord(
  t: XTweet,
  look: Lookup,
): { post?: unknown; extra?: unknown[]; reject?: string; unresolved: number } {
  const id = str(t.id);
  if (!id) return { reject: 'tweet has no id', unresolved: 0 };
  const author = str(t.author_id) ?? str(t.author?.id);
  if (!author) return { reject: `tweet ${id}: author_id is missing`, unresolved: 0 };
  let unresolved = 0;
  const interactions: { type: string; target: string }[] = [];
  const refs = t.referenced_tweets ?? [];
  const mentionIds = (t.entities?.mentions ?? []).map((m) => str(m.id) ?? look.userByHandle(m.username));
  const handle = look.users.get(author)?.username;
  const retweet = refs.find((r) => r.type === 'retweeted');
  let hashtags = (t.entities?.hashtags ?? []).map((h) => h.tag ?? '').filter(Boolean);
  let extra: unknown[] | undefined;
  if (retweet) {
    // "RT @original: …": the first mention names the original author when the original is missing.
    const target =
      look.authorOf(retweet.id) ?? str(retweet.author_id) ?? str(retweet.author?.id) ?? mentionIds[0];
    if (target) interactions.push({ type: 'repost', target: acct(target) });
    else unresolved += 1;
    const originalId = str(retweet.id);
    if (target && originalId && !look.tweets.has(originalId) && (hashtags.length || mentionIds.length > 1)) {
      // No text: the RT's copy is truncated, and the full original may arrive later and fill it in.
      extra = [
        {
          kind: 'post',
          id: acct(originalId),
          platform: P,
          author: acct(target),
          url: `https://x.com/i/web/status/${originalId}`,
          hashtags,
          interactions: mentionIds
            .slice(1)
            .filter((m): m is string => !!m && m !== target)
            .map((m) => ({ type: 'mention', target: acct(m) })),
        },
      ];
    }
    // A repost has no mentions or hashtags of its own: they belong to the original post.
    hashtags = [];
  } else {
    const replied = refs.find((r) => r.type === 'replied_to');
    const replyTarget = str(t.in_reply_to_user_id) ?? look.authorOf(replied?.id) ?? str(replied?.author_id);
    if (replyTarget) interactions.push({ type: 'reply', target: acct(replyTarget) });
    else if (replied) unresolved += 1;
    const quoted = refs.find((r) => r.type === 'quoted');
    if (quoted) {
      const fromUrl = statusFromUrls(t);
      const target =
        look.authorOf(quoted.id) ??
        str(quoted.author_id) ??
        str(quoted.author?.id) ??
        (fromUrl.id === quoted.id ? look.userByHandle(fromUrl.handle) : undefined);
      if (target) interactions.push({ type: 'quote', target: acct(target) });
      else unresolved += 1;
    }
    for (const m of mentionIds) {
      if (!m) unresolved += 1;
      else if (m !== replyTarget) interactions.push({ type: 'mention', target: acct(m) });
    }
  }
  return {
    post: {
      kind: 'post',
      id: acct(id),
      platform: P,
      author: acct(author),
      createdAt: str(t.created_at),
      text: str(t.text),
      lang: str(t.lang),
      url: `https://x.com/${handle ?? 'i/web'}/status/${id}`,
      hashtags,
      interactions,
    },
    ...(extra ? { extra } : {}),
    unresolved,
  };
}

function isUser(v: unknown): v is XUser {
  return typeof v === 'object' && v !== null && 'username' in v && !('text' in v) && 'id' in v;
}

function isTweet(v: unknown): v is XTweet {
  return typeof v === 'object' && v !== null && 'id' in v && ('text' in v || 'author_id' in v);
}

/** Whose follow list a users page is: the collector says so, twarc's request URL shows it. */
function followList(meta: { subject?: unknown; relation?: unknown } | undefined, url: string | undefined) {
  if (meta && typeof meta.subject === 'string' && isRelation(meta.relation))
    return { subject: meta.subject, relation: meta.relation };
  const m = /\/2\/users\/(\d+)\/(following|followers)\b/.exec(url ?? '');
  return m ? { subject: m[1]!, relation: m[2] as Relation } : undefined;
}

/** One JSON value (a page, a flattened tweet or a user) → source items. */
export function xValue(page: unknown, line: number, raw: () => string): SourceItem[] {
  const { meta, body: value } = unwrap(page);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ line, reject: 'not an X API v2 response: expected an object', raw: raw() }];
  }
  const v = value as {
    data?: unknown;
    includes?: { users?: XUser[]; tweets?: XTweet[] };
    __twarc?: { retrieved_at?: string; url?: string };
  };
  const observedAt = str(v.__twarc?.retrieved_at) ?? meta?.fetchedAt;
  const follows = followList(meta, meta?.url ?? v.__twarc?.url);
  const look = new Lookup();
  if ('data' in v) {
    const data = Array.isArray(v.data) ? v.data : v.data === undefined || v.data === null ? [] : [v.data];
    for (const u of v.includes?.users ?? []) look.addUser(u);
    for (const t of v.includes?.tweets ?? []) look.addTweet(t);
    const dataIds = new Set<string>();
    for (const d of data) {
      if (isTweet(d)) {
        look.addTweet(d);
        dataIds.add(String(d.id));
      } else if (isUser(d)) look.addUser(d);
    }
    const items: SourceItem[] = [];
    // The response's users and included tweets travel with its first row.
    const shared: unknown[] = [...look.users.values()]
      .filter((u) => u.username)
      .map((u) => accountRecord(u, observedAt));
    let sharedUnresolved = 0;
    for (const [id, t] of look.tweets) {
      if (dataIds.has(id)) continue;
      const r = postRecord(t, look);
      if (r.post) shared.push(r.post, ...(r.extra ?? []));
      sharedUnresolved += r.unresolved;
    }
    if (data.length === 0) {
      return shared.length
        ? [{ line, records: shared, unresolved: sharedUnresolved }]
        : [{ line, records: [] }];
    }
    data.forEach((d, i) => {
      const extra = i === 0 ? shared : [];
      const un = i === 0 ? sharedUnresolved : 0;
      if (isUser(d)) {
        const records = [...extra, accountRecord(d, observedAt)];
        if (follows) {
          const [source, target] =
            follows.relation === 'following'
              ? [follows.subject, String(d.id)]
              : [String(d.id), follows.subject];
          records.push({ kind: 'follow', source: acct(source), target: acct(target) });
        }
        items.push({ line, records, unresolved: un });
        return;
      }
      if (!isTweet(d)) {
        items.push({
          line,
          reject: `data[${i}] is neither a tweet (id, text) nor a user (id, username)`,
          raw: clip(JSON.stringify(d)),
        });
        return;
      }
      const r = postRecord(look.tweets.get(String(d.id)) ?? d, look);
      if (r.reject) items.push({ line, reject: r.reject, raw: clip(JSON.stringify(d)) });
      else
        items.push({ line, records: [...extra, r.post, ...(r.extra ?? [])], unresolved: un + r.unresolved });
    });
    return items;
  }
  if (isTweet(value)) {
    look.addTweet(value);
    const records: unknown[] = [...look.users.values()]
      .filter((u) => u.username)
      .map((u) => accountRecord(u, observedAt));
    const r = postRecord(look.tweets.get(String(value.id))!, look);
    if (r.reject) return [{ line, reject: r.reject, raw: raw() }];
    let unresolved = r.unresolved;
    records.push(r.post, ...(r.extra ?? []));
    for (const [id, t] of look.tweets) {
      if (id === String(value.id)) continue;
      const inner = postRecord(t, look);
      if (inner.post) records.push(inner.post, ...(inner.extra ?? []));
      unresolved += inner.unresolved;
    }
    return [{ line, records, unresolved }];
  }
  if (isUser(value)) return [{ line, records: [accountRecord(value, observedAt)] }];
  return [
    {
      line,
      reject: 'not an X API v2 response: expected data[], a tweet (id, text) or a user (id, username)',
      raw: raw(),
    },
  ];
}

export async function* xV2(input: Readable, _ctx: SourceContext): AsyncGenerator<SourceItem> {
  for await (const item of jsonValues(input)) {
    if ('reject' in item) yield item;
    else yield* xValue(item.value, item.line, () => clip(JSON.stringify(item.value)));
  }
}
