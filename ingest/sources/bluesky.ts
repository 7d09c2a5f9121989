// Bluesky XRPC responses: getAuthorFeed / getTimeline (feed items with reply and reasonRepost),
// searchPosts / getQuotes / getPosts (post views), getPostThread, getRepostedBy, listRecords and bare
// app.bsky.feed.post records, getFollows / getFollowers, profiles. Mentions and hashtags come from the
// record's facets (their byte offsets only locate the text; the DID and tag are in the feature).
import type { Readable } from 'node:stream';
import { unwrap } from './envelope.ts';
import { jsonValues } from './json.ts';
import { clip, type SourceContext, type SourceItem } from './source.ts';

interface Profile {
  did?: string;
  handle?: string;
  displayName?: string;
  description?: string;
  followersCount?: number;
  followsCount?: number;
}

interface Facet {
  features?: { $type?: string; did?: string; tag?: string }[];
}

interface PostRecord {
  $type?: string;
  text?: string;
  createdAt?: string;
  langs?: string[];
  reply?: { parent?: { uri?: string } };
  facets?: Facet[];
  embed?: { $type?: string; record?: { uri?: string; record?: { uri?: string } } };
  subject?: string | { uri?: string };
}

interface PostView {
  uri?: string;
  author?: Profile;
  record?: PostRecord;
  value?: PostRecord;
  embed?: { $type?: string; record?: PostView & { record?: PostView } };
}

const P = 'bluesky';
const acct = (did: string) => `${P}:${did}`;

/** The DID that owns an at:// URI (at://did:plc:abc/app.bsky.feed.post/xyz → did:plc:abc). */
export function didOfUri(uri: string | undefined): string | undefined {
  const m = /^at:\/\/(did:[a-z]+:[^/]+)/.exec(uri ?? '');
  return m?.[1];
}

function profileRecord(p: Profile) {
  return {
    kind: 'account',
    id: acct(p.did!),
    platform: P,
    handle: p.handle,
    name: p.displayName,
    bio: p.description,
    followers: p.followersCount,
    following: p.followsCount,
    url: p.handle ? `https://bsky.app/profile/${p.handle}` : undefined,
  };
}

/** A post (view or bare record with its URI) → records; embedded quoted posts come along. */
function postRecords(
  uri: string | undefined,
  author: Profile | undefined,
  rec: PostRecord | undefined,
  embedView?: PostView['embed'],
) {
  const did = author?.did ?? didOfUri(uri);
  if (!uri || !did || !rec) return { reject: 'post has no uri, author or record' } as const;
  const records: unknown[] = [];
  if (author?.did) records.push(profileRecord(author));
  const interactions: { type: string; target: string }[] = [];
  const replyTarget = didOfUri(rec.reply?.parent?.uri);
  if (replyTarget) interactions.push({ type: 'reply', target: acct(replyTarget) });
  const quotedUri =
    rec.embed?.$type === 'app.bsky.embed.record'
      ? rec.embed.record?.uri
      : rec.embed?.$type === 'app.bsky.embed.recordWithMedia'
        ? rec.embed.record?.record?.uri
        : undefined;
  const quotedDid = didOfUri(quotedUri);
  if (quotedDid && /app\.bsky\.feed\.post/.test(quotedUri ?? ''))
    interactions.push({ type: 'quote', target: acct(quotedDid) });
  const hashtags: string[] = [];
  for (const f of rec.facets ?? []) {
    for (const feat of f.features ?? []) {
      if (feat.$type === 'app.bsky.richtext.facet#mention' && feat.did && feat.did !== replyTarget) {
        interactions.push({ type: 'mention', target: acct(feat.did) });
      } else if (feat.$type === 'app.bsky.richtext.facet#tag' && feat.tag) hashtags.push(feat.tag);
    }
  }
  records.push({
    kind: 'post',
    id: acct(uri),
    platform: P,
    author: acct(did),
    createdAt: rec.createdAt,
    text: rec.text,
    lang: rec.langs?.[0],
    url: author?.handle
      ? `https://bsky.app/profile/${author.handle}/post/${uri.split('/').pop()}`
      : undefined,
    hashtags,
    interactions,
  });
  // The quoted post as the view embeds it (viewRecord: uri, author, value).
  const ev = embedView?.record;
  const viewRecord = ev?.record && ev.record.uri ? ev.record : ev;
  if (viewRecord?.uri && viewRecord.author && viewRecord.value && viewRecord.uri === quotedUri) {
    const inner = postRecords(viewRecord.uri, viewRecord.author, viewRecord.value);
    if (!('reject' in inner)) records.push(...inner.records);
  }
  return { records } as const;
}

function repostRecords(by: Profile, uri: string) {
  const target = didOfUri(uri);
  if (!by.did || !target) return { reject: 'repost without reposter DID or post URI' } as const;
  // A repost record's own URI is not in these views: its id is derived from who reposted what.
  return {
    records: [
      profileRecord(by),
      {
        kind: 'post',
        id: acct(`repost:${by.did}:${uri}`),
        platform: P,
        author: acct(by.did),
        interactions: [{ type: 'repost', target: acct(target) }],
      },
    ],
  } as const;
}

type Out = { records: readonly unknown[] } | { reject: string };

/** One JSON value (an XRPC response, a record, or a collector's archived page) → source items. */
export function blueskyValue(page: unknown, line: number): SourceItem[] {
  const value = unwrap(page).body;
  const items: SourceItem[] = [];
  const push = (r: Out, raw: unknown) =>
    items.push(
      'reject' in r
        ? { line, reject: r.reject, raw: clip(JSON.stringify(raw)) }
        : { line, records: [...r.records] },
    );
  if (typeof value !== 'object' || value === null)
    return [{ line, reject: 'not a Bluesky response: expected an object', raw: clip(String(value)) }];
  const v = value as Record<string, unknown>;
  const view = (p: PostView) => postRecords(p.uri, p.author, p.record, p.embed);

  if (Array.isArray(v.feed)) {
    for (const it of v.feed as { post?: PostView; reason?: { $type?: string; by?: Profile } }[]) {
      if (it.reason?.$type === 'app.bsky.feed.defs#reasonRepost' && it.reason.by && it.post?.uri) {
        // The reposted post is a post too, with its own author, hashtags and interactions.
        const orig = view(it.post);
        const rep = repostRecords(it.reason.by, it.post.uri);
        push(
          'reject' in rep ? rep : { records: [...rep.records, ...('reject' in orig ? [] : orig.records)] },
          it,
        );
      } else push(it.post ? view(it.post) : { reject: 'feed item without post' }, it);
    }
  } else if (Array.isArray(v.posts)) {
    for (const p of v.posts as PostView[]) push(view(p), p);
  } else if (v.thread && typeof v.thread === 'object') {
    const walk = (t: { post?: PostView; parent?: unknown; replies?: unknown[] }) => {
      if (t.parent && typeof t.parent === 'object') walk(t.parent as typeof t);
      if (t.post) push(view(t.post), t.post);
      for (const r of t.replies ?? []) if (r && typeof r === 'object') walk(r as typeof t);
    };
    walk(v.thread as never);
  } else if (Array.isArray(v.repostedBy) && typeof v.uri === 'string') {
    for (const p of v.repostedBy as Profile[]) push(repostRecords(p, v.uri), p);
  } else if (Array.isArray(v.records)) {
    for (const r of v.records as { uri?: string; value?: PostRecord }[])
      push(recordRecords(r.uri, r.value), r);
  } else if (v.subject && (Array.isArray(v.follows) || Array.isArray(v.followers))) {
    const subject = v.subject as Profile;
    if (!subject.did)
      return [{ line, reject: 'follow list without subject.did', raw: clip(JSON.stringify(subject)) }];
    for (const p of (v.follows ?? []) as Profile[]) {
      push(
        p.did
          ? {
              records: [
                profileRecord(subject),
                profileRecord(p),
                { kind: 'follow', source: acct(subject.did), target: acct(p.did) },
              ],
            }
          : { reject: 'profile without did' },
        p,
      );
    }
    for (const p of (v.followers ?? []) as Profile[]) {
      push(
        p.did
          ? {
              records: [
                profileRecord(subject),
                profileRecord(p),
                { kind: 'follow', source: acct(p.did), target: acct(subject.did) },
              ],
            }
          : { reject: 'profile without did' },
        p,
      );
    }
  } else if (Array.isArray(v.likes) && typeof v.uri === 'string') {
    // getLikes: a like is no interaction in the graph model, but the likers are accounts.
    const likes = v.likes as { actor?: Profile }[];
    if (likes.length === 0)
      return [{ line, records: [], note: `getLikes for ${v.uri}: no likes on this page` }];
    for (const l of likes)
      push(l.actor?.did ? { records: [profileRecord(l.actor)] } : { reject: 'like without actor.did' }, l);
  } else if (Array.isArray(v.feeds) || (v.view && typeof v.view === 'object' && 'creator' in v.view)) {
    // Feed generators (getFeedGenerator(s), getActorFeeds, getSuggestedFeeds): their creators are accounts.
    const feeds = (Array.isArray(v.feeds) ? v.feeds : [v.view]) as { uri?: string; creator?: Profile }[];
    if (feeds.length === 0)
      return [{ line, records: [], note: 'feed generator list: no feeds on this page' }];
    for (const f of feeds)
      push(
        f.creator?.did
          ? { records: [profileRecord(f.creator)] }
          : { reject: 'feed generator without creator.did' },
        f,
      );
  } else if (typeof v.did === 'string' && Object.keys(v).length === 1) {
    // resolveHandle answers only a DID: nothing to load, and not an error.
    return [
      { line, records: [], note: `resolveHandle answer (${v.did}): a DID alone, no account data to load` },
    ];
  } else if (Array.isArray(v.profiles) || Array.isArray(v.actors)) {
    for (const p of (v.profiles ?? v.actors) as Profile[])
      push(p.did ? { records: [profileRecord(p)] } : { reject: 'profile without did' }, p);
  } else if (typeof v.uri === 'string' && v.value && typeof v.value === 'object') {
    push(recordRecords(v.uri, v.value as PostRecord), v); // getRecord, or one listRecords line
  } else if (typeof v.uri === 'string' && v.author) {
    push(view(v as PostView), v);
  } else if (typeof v.did === 'string' && typeof v.handle === 'string') {
    push({ records: [profileRecord(v as Profile)] }, v);
  } else {
    return [
      {
        line,
        reject:
          'not a Bluesky response: looked for feed, posts, thread, repostedBy, likes, feeds, records, ' +
          'follows/followers, profiles, a DID',
        raw: clip(JSON.stringify(v)),
      },
    ];
  }
  return items;
}

/** A repository record (listRecords / getRecord): posts, reposts and follows by the repo's DID. */
function recordRecords(uri: string | undefined, value: PostRecord | undefined): Out {
  const did = didOfUri(uri);
  if (!uri || !did || !value) return { reject: 'record without uri or value' };
  if (value.$type === 'app.bsky.graph.follow' && typeof value.subject === 'string') {
    return { records: [{ kind: 'follow', source: acct(did), target: acct(value.subject) }] };
  }
  if (value.$type === 'app.bsky.feed.repost' && typeof value.subject === 'object') {
    const target = didOfUri(value.subject?.uri);
    if (!target) return { reject: 'repost record without subject.uri' };
    return {
      records: [
        {
          kind: 'post',
          id: acct(uri),
          platform: P,
          author: acct(did),
          createdAt: value.createdAt,
          interactions: [{ type: 'repost', target: acct(target) }],
        },
      ],
    };
  }
  if (value.$type && value.$type !== 'app.bsky.feed.post')
    return { reject: `record type ${value.$type} is not a post, repost or follow` };
  return postRecords(uri, undefined, value);
}

export async function* bluesky(input: Readable, _ctx: SourceContext): AsyncGenerator<SourceItem> {
  for await (const item of jsonValues(input)) {
    if ('reject' in item) yield item;
    else yield* blueskyValue(item.value, item.line);
  }
}
