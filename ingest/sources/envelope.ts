// The collector's archive lines (collect/archive.ts): one fetched page per line, as
// `{"__carecircle":{"platform":…,"url":…,"fetchedAt":…,"subject"?,"relation"?},"body":<the page>}`.
// The platform sources unwrap it here, so a page parses the same whether it comes from the network
// or from an archive replayed with `ingest`. `subject` and `relation` say whose follow list a page is:
// Mastodon and X follower pages do not name the account they belong to.
export type Relation = 'followers' | 'following';
/** A Mastodon reblogged_by page: the accounts that reblogged `subject` (a Status). */
export type PageRelation = Relation | 'reblogged_by';

export interface PageMeta {
  platform: 'mastodon' | 'bluesky' | 'x-v2';
  watch?: string;
  url?: string;
  fetchedAt?: string;
  /** Mastodon: the subject's Account; X: the subject's user id. */
  subject?: unknown;
  relation?: PageRelation;
}

export interface Envelope {
  __carecircle: PageMeta;
  body: unknown;
}

function isEnvelope(v: unknown): v is Envelope {
  return (
    typeof v === 'object' &&
    v !== null &&
    '__carecircle' in v &&
    'body' in v &&
    typeof (v as Envelope).__carecircle === 'object' &&
    (v as Envelope).__carecircle !== null
  );
}

/** The page and what the collector knew about it (nothing for a plain export). */
export function unwrap(v: unknown): { meta: PageMeta | undefined; body: unknown } {
  return isEnvelope(v) ? { meta: v.__carecircle, body: v.body } : { meta: undefined, body: v };
}

export const isRelation = (v: unknown): v is Relation => v === 'followers' || v === 'following';
