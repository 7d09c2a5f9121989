// X API v2 with a bearer token: recent search (a hashtag watch is a search for #tag), a user's
// tweets, following / followers, paged by next_token / pagination_token. Incremental passes send
// since_id = the newest tweet the last pass saw; the window becomes start_time / end_time.
import { FetchError, type Page } from '../http.ts';
import { newerId, withQuery, type Collector, type Plan, type PlanContext } from './platform.ts';

const TWEET_FIELDS = {
  'tweet.fields': 'author_id,created_at,lang,entities,referenced_tweets,in_reply_to_user_id,public_metrics',
  expansions:
    'author_id,referenced_tweets.id,referenced_tweets.id.author_id,entities.mentions.username,in_reply_to_user_id',
  'user.fields': 'username,name,description,location,verified,public_metrics',
};

const meta = (p: Page) =>
  (p.body as { meta?: { next_token?: string; newest_id?: string; result_count?: number } })?.meta;

async function userId(ctx: PlanContext, base: string, headers: Record<string, string>): Promise<string> {
  const t = ctx.watch.target.trim();
  if (/^\d+$/.test(t)) return t;
  const name = t.replace(/^@/, '');
  const page = await ctx.get(
    withQuery(`${base}/2/users/by/username/${encodeURIComponent(name)}`, {
      'user.fields': TWEET_FIELDS['user.fields'],
    }),
    headers,
  );
  await ctx.load(page);
  const id = (page.body as { data?: { id?: string } })?.data?.id;
  if (!id) throw new FetchError(`no X user @${name}`);
  return id;
}

export const x: Collector = {
  format: 'x-v2',
  newer: newerId,
  async plan(ctx) {
    const w = ctx.watch;
    const base = w.baseUrl;
    if (!ctx.tokens.x)
      throw new FetchError('X needs a bearer token: set CARECIRCLE_X_BEARER_TOKEN or "x" in the tokens file');
    const headers = { authorization: `Bearer ${ctx.tokens.x}` };
    const tweets = (first: string, tokenParam: 'next_token' | 'pagination_token'): Plan => ({
      headers,
      first: withQuery(first, {
        ...TWEET_FIELDS,
        max_results: 100,
        since_id: w.cursor,
        start_time: w.cursor ? undefined : w.since,
        end_time: w.until,
      }),
      next: (p) => {
        const t = meta(p)?.next_token;
        return t ? withQuery(p.url, { [tokenParam]: t }) : null;
      },
      newest: (p) => meta(p)?.newest_id ?? null,
      reachedEnd: (p) => !meta(p)?.next_token,
    });
    switch (w.kind) {
      case 'search':
      case 'hashtag': {
        const query = w.kind === 'hashtag' ? `#${w.target.replace(/^#/, '')}` : w.target;
        return tweets(withQuery(`${base}/2/tweets/search/recent`, { query }), 'next_token');
      }
      case 'account':
        return tweets(`${base}/2/users/${await userId(ctx, base, headers)}/tweets`, 'pagination_token');
      case 'followers':
      case 'follows': {
        const id = await userId(ctx, base, headers);
        const path = w.kind === 'followers' ? 'followers' : 'following';
        return {
          headers,
          first: withQuery(`${base}/2/users/${id}/${path}`, {
            max_results: 1000,
            'user.fields': TWEET_FIELDS['user.fields'],
          }),
          meta: { subject: id, relation: w.kind === 'followers' ? 'followers' : 'following' },
          next: (p) => {
            const t = meta(p)?.next_token;
            return t ? withQuery(p.url, { pagination_token: t }) : null;
          },
          newest: () => null,
          reachedEnd: (p) => !meta(p)?.next_token,
        };
      }
      default:
        throw new FetchError(`X has no ${w.kind} watch`);
    }
  },
};
