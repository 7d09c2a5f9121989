// Bluesky XRPC: searchPosts, getAuthorFeed, getPostThread, getQuotes, getRepostedBy, getLikes,
// getFollows / getFollowers, paged by `cursor`. Reads go to the public AppView without credentials;
// with an app password (tokens.bluesky) the collector signs in (createSession) and reads through the
// PDS, which some methods (searchPosts) need. Incremental: searchPosts takes `since`; an author feed
// stops at the newest post the last pass saw.
import { FetchError, type Page } from '../http.ts';
import { withQuery, isoBefore, type Collector, type Plan } from './platform.ts';

interface FeedPost {
  indexedAt?: string;
  record?: { createdAt?: string };
}

function postsOf(p: Page): FeedPost[] {
  const b = p.body as { feed?: { post?: FeedPost }[]; posts?: FeedPost[] };
  if (Array.isArray(b?.feed)) return b.feed.map((f) => f.post ?? {});
  if (Array.isArray(b?.posts)) return b.posts;
  return [];
}

const cursorOf = (p: Page): string | null => {
  const c = (p.body as { cursor?: unknown })?.cursor;
  return typeof c === 'string' && c !== '' ? c : null;
};

const LISTS: Record<string, { method: string; param: 'uri' | 'actor' | 'q'; key: string }> = {
  search: { method: 'app.bsky.feed.searchPosts', param: 'q', key: 'posts' },
  account: { method: 'app.bsky.feed.getAuthorFeed', param: 'actor', key: 'feed' },
  quotes: { method: 'app.bsky.feed.getQuotes', param: 'uri', key: 'posts' },
  'reposted-by': { method: 'app.bsky.feed.getRepostedBy', param: 'uri', key: 'repostedBy' },
  likes: { method: 'app.bsky.feed.getLikes', param: 'uri', key: 'likes' },
  follows: { method: 'app.bsky.graph.getFollows', param: 'actor', key: 'follows' },
  followers: { method: 'app.bsky.graph.getFollowers', param: 'actor', key: 'followers' },
};

export const bluesky: Collector = {
  format: 'bluesky',
  // Cursors are ISO times (indexedAt): later is newer.
  newer: (a, b) => Date.parse(a) > Date.parse(b),
  async plan(ctx) {
    const w = ctx.watch;
    let base = w.baseUrl;
    const headers: Record<string, string> = {};
    const login = ctx.tokens.bluesky;
    if (login) {
      const service =
        process.env.CARECIRCLE_BLUESKY_SERVICE ??
        (base.includes('public.api.bsky.app') ? 'https://bsky.social' : base);
      // Through the polite POST: a 429 or 5xx from the sign-in is retried like any page.
      let session: { accessJwt?: string };
      try {
        const page = await ctx.post(`${service}/xrpc/com.atproto.server.createSession`, login);
        session = page.body as typeof session;
      } catch (err) {
        const e = err as FetchError;
        if (e instanceof FetchError && (e.status === 401 || e.status === 400))
          throw new FetchError(
            `Bluesky sign-in at ${new URL(service).host} refused the app password (${e.status}); set a new one`,
            e.status,
          );
        throw new FetchError(`Bluesky sign-in at ${new URL(service).host} failed: ${e.message}`, e.status);
      }
      if (!session?.accessJwt) throw new FetchError('Bluesky sign-in answered no access token');
      headers.authorization = `Bearer ${session.accessJwt}`;
      base = service;
    }
    const xrpc = (method: string) => `${base}/xrpc/${method}`;
    if (w.kind === 'thread') {
      return {
        headers,
        first: withQuery(xrpc('app.bsky.feed.getPostThread'), {
          uri: w.target,
          depth: 100,
          parentHeight: 100,
        }),
        next: () => null,
        newest: () => null,
        reachedEnd: () => true,
      };
    }
    const list = LISTS[w.kind];
    if (!list) throw new FetchError(`Bluesky has no ${w.kind} watch`);
    const timed = w.kind === 'search' || w.kind === 'account' || w.kind === 'quotes';
    const params: Record<string, string | number | null> = { [list.param]: w.target, limit: 100 };
    if (w.kind === 'search') {
      params.sort = 'latest';
      params.since = w.cursor ?? w.since;
      params.until = w.until;
    }
    const plan: Plan = {
      headers,
      first: withQuery(xrpc(list.method), params),
      next: (p) => {
        const c = cursorOf(p);
        return c ? withQuery(p.url, { cursor: c }) : null;
      },
      newest: (p) => {
        if (!timed) return null;
        let m: string | null = null;
        for (const x of postsOf(p))
          if (x.indexedAt && (!m || Date.parse(x.indexedAt) > Date.parse(m))) m = x.indexedAt;
        return m;
      },
      reachedEnd: (p) => {
        const items = (p.body as Record<string, unknown>)?.[list.key];
        if (!Array.isArray(items) || items.length === 0) return true;
        if (!timed) return false;
        return postsOf(p).some(
          (x) =>
            (w.cursor && x.indexedAt && Date.parse(x.indexedAt) <= Date.parse(w.cursor)) ||
            isoBefore(x.record?.createdAt, w.since),
        );
      },
    };
    return plan;
  },
};
