// The closed lists every folder shares, defined once: ingest, analysis, export, the routes and the
// client import them from here, and the zod enums of the model are built from them (z.enum(STAGES)).
// Plain constants with no imports, so the client bundles them without any server code.

/** What one account can do to another, as the graph stores it (DESIGN.md's interaction semantics). */
export const INTERACTION_TYPES = ['mention', 'reply', 'repost', 'quote', 'follow'] as const;

/** The interactions a post makes, which have a time; follows have none, so time windows leave them out. */
export const POST_INTERACTION_TYPES = ['mention', 'reply', 'repost', 'quote'] as const;

/** An outreach relationship's stages, in pipeline order (declined ends it, as partner does). */
export const STAGES = ['to_follow', 'following', 'contacted', 'responded', 'partner', 'declined'] as const;

/** How a logged contact was made. */
export const CHANNELS = ['dm', 'email', 'phone', 'meeting', 'event', 'comment', 'other'] as const;

/** Users' roles, from least to most (server/auth/roles.ts ranks them). */
export const ROLES = ['viewer', 'outreach', 'admin'] as const;

/**
 * The columns one analysis run writes on every Account (analysis/writeback.ts, with
 * cypher/analysis/write-accounts.cypher), which the rankings, the exports and the account page read
 * back. The value is the column's kind, as GraphML and GEXF name it ('strings' is a list of text,
 * written to those files as one "a;b" text). tests/unit/account-columns.test.ts checks the write
 * statement and the readers' statements against this list.
 */
export const ACCOUNT_COLUMNS = {
  community: 'long',
  pagerank: 'double',
  inWeight: 'double',
  communityShare: 'double',
  bridge: 'double',
  score: 'double',
  placeName: 'string',
  placeRegion: 'string',
  placeCountry: 'string',
  lat: 'double',
  lon: 'double',
  specialties: 'strings',
  role: 'string',
  x: 'double',
  y: 'double',
} as const;
export type AccountColumn = keyof typeof ACCOUNT_COLUMNS;

/** The account signals analysis writes beside them (cypher/analysis/write-signals.cypher). */
export const ACCOUNT_SIGNAL_COLUMNS = {
  /** Why the account looks like spam or a bot, or null. */
  spamFlag: 'string',
  /** Share (0..1) of its weighted incoming attention from accounts within 50 km; null without a place. */
  localReach: 'double',
} as const;
