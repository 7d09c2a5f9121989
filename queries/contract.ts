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
