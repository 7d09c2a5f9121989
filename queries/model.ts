// The canonical records every ingest source produces and the loader writes (DESIGN.md "Graph model").
// One zod schema per record; the TypeScript types are inferred from them, never written twice.
import { INTERACTION_TYPES, POST_INTERACTION_TYPES } from './contract.ts';
import { z } from 'zod';

const Platform = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a lower-case platform name');

export const InteractionType = z.enum(INTERACTION_TYPES);
export type InteractionType = z.infer<typeof InteractionType>;

/** Post-to-account interaction types (follow is account-to-account). */
const PostInteractionType = z.enum(POST_INTERACTION_TYPES);
type PostInteractionType = z.infer<typeof PostInteractionType>;

/** `#T1D`, `t1d`, `＃Ｔ１Ｄ` → `t1d`: no leading '#', Unicode NFC, lower case. Empty → null. */
export function normaliseHashtag(raw: string): string | null {
  const tag = raw
    .normalize('NFC')
    .trim()
    .replace(/^[#＃]+/u, '')
    .trim()
    .toLowerCase();
  return tag.length > 0 && tag.length <= 140 ? tag : null;
}

/** `<platform>:<platform id>`; an id already carrying the platform prefix is kept as it is. */
export function accountId(platform: string, raw: string): string {
  const id = raw.trim();
  return id.startsWith(`${platform}:`) ? id : `${platform}:${id}`;
}

const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time')
  .transform((s) => new Date(Date.parse(s)).toISOString());

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max));

const count = z.number().int().nonnegative();

export const Account = z.object({
  kind: z.literal('account'),
  id: z.string().min(3).max(300),
  platform: Platform,
  handle: text(200).optional(),
  name: text(500).optional(),
  bio: text(5000).optional(),
  location: text(500).optional(),
  followers: count.optional(),
  following: count.optional(),
  verified: z.boolean().optional(),
  url: text(2000).optional(),
  /** When this view of the account was seen; newer non-empty values win. */
  observedAt: isoTime.optional(),
});
export type Account = z.infer<typeof Account>;

const PostInteraction = z.object({
  type: PostInteractionType,
  target: z.string().min(3).max(300),
  weight: z.number().positive().finite().default(1),
});
type PostInteraction = z.infer<typeof PostInteraction>;

const Post = z.object({
  kind: z.literal('post'),
  id: z.string().min(3).max(300),
  platform: Platform,
  author: z.string().min(3).max(300),
  createdAt: isoTime.optional(),
  text: text(100_000).optional(),
  lang: z.string().max(20).optional(),
  url: text(2000).optional(),
  hashtags: z
    .array(z.string())
    .default([])
    .transform((tags) => [...new Set(tags.map(normaliseHashtag).filter((t): t is string => t !== null))]),
  interactions: z.array(PostInteraction).default([]),
});
type Post = z.infer<typeof Post>;

const Follow = z.object({
  kind: z.literal('follow'),
  source: z.string().min(3).max(300),
  target: z.string().min(3).max(300),
});
type Follow = z.infer<typeof Follow>;

/** One line of the lossless JSON Lines form. */
export const CanonicalRecord = z.discriminatedUnion('kind', [Account, Post, Follow]);
export type CanonicalRecord = z.infer<typeof CanonicalRecord>;

/** What `stats` prints (DESIGN.md). */
export const Stats = z.object({
  accounts: z.number(),
  hashtags: z.number(),
  posts: z.number(),
  interactions: z.object({
    mention: z.number(),
    reply: z.number(),
    repost: z.number(),
    quote: z.number(),
    follow: z.number(),
  }),
});
export type Stats = z.infer<typeof Stats>;
