// Which platform/kind pairs exist and what each target must be, without zod, so the web client's
// Collections form can offer exactly what the server accepts (collect/watches.ts validates with it).

export const PLATFORMS = ['mastodon', 'bluesky', 'x'] as const;
export type PlatformName = (typeof PLATFORMS)[number];

/** What a watch follows; `target` names it (a tag, a query, an account, a post). */
export const WATCH_KINDS = [
  'hashtag',
  'search',
  'account',
  'followers',
  'follows',
  'thread',
  'reposted-by',
  'quotes',
  'likes',
] as const;
export type WatchKindName = (typeof WATCH_KINDS)[number];

/** The kinds each platform's API offers, with what `target` must be. */
export const KINDS: Record<PlatformName, Partial<Record<WatchKindName, string>>> = {
  mastodon: {
    hashtag: 'a tag, without #',
    account: 'an account, user@instance',
    followers: 'an account, user@instance',
    follows: 'an account, user@instance',
    thread: 'a status id on the instance',
    'reposted-by': 'a status id on the instance',
  },
  bluesky: {
    search: 'a search query (#tag works)',
    account: 'a handle or DID',
    followers: 'a handle or DID',
    follows: 'a handle or DID',
    thread: 'an at:// post URI',
    quotes: 'an at:// post URI',
    'reposted-by': 'an at:// post URI',
    likes: 'an at:// post URI',
  },
  x: {
    search: 'a recent-search query, e.g. #T1D -is:retweet',
    hashtag: 'a tag, without #',
    account: 'a user id or @username',
    followers: 'a user id or @username',
    follows: 'a user id or @username',
  },
};

export const DEFAULT_BASE_URL: Record<PlatformName, string | null> = {
  // Mastodon has no default: every instance is its own server.
  mastodon: null,
  bluesky: 'https://public.api.bsky.app',
  x: 'https://api.x.com',
};
