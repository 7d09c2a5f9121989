// What a watch is: a saved collection (platform, what to follow, how often, an optional time window),
// its runs, and which platform/kind pairs exist. Shared by queries/watches.ts, the CLI, the API and
// (as types) the client.
import { z } from 'zod';
import { DEFAULT_BASE_URL, KINDS, PLATFORMS, WATCH_KINDS } from './kinds.ts';

export { DEFAULT_BASE_URL, KINDS };

export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/** What a watch follows; `target` names it (a tag, a query, an account, a post). */
const WatchKind = z.enum(WATCH_KINDS);
type WatchKind = z.infer<typeof WatchKind>;

const Iso = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z',
});

export const WatchInput = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be 1-63 lower-case letters, digits or dashes')
      .optional(),
    platform: Platform,
    kind: WatchKind,
    target: z.string().trim().min(1, 'is required').max(500, 'is too long'),
    /** The instance (Mastodon) or API root; defaults per platform. */
    baseUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    intervalMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    /** Only posts from this time on (pagination stops at it). */
    since: Iso.optional(),
    until: Iso.optional(),
  })
  .superRefine((w, ctx) => {
    const kinds = KINDS[w.platform];
    if (!kinds[w.kind])
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: `${w.platform} watches can be ${Object.keys(kinds).join(', ')}`,
      });
    if (!w.baseUrl && !DEFAULT_BASE_URL[w.platform])
      ctx.addIssue({
        code: 'custom',
        path: ['baseUrl'],
        message: 'is required for Mastodon: the instance, e.g. https://mastodon.social',
      });
    if (w.since && w.until && Date.parse(w.since) >= Date.parse(w.until))
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'must be after since' });
  });
export type WatchInput = z.input<typeof WatchInput>;

const RunStatus = z.enum(['running', 'done', 'failed', 'interrupted']);

export const WatchRun = z.object({
  id: z.string(),
  watch: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: RunStatus,
  pages: z.number().int(),
  posts: z.number().int(),
  interactions: z.number().int(),
  rejected: z.number().int(),
  error: z.string().nullable(),
});
export type WatchRun = z.infer<typeof WatchRun>;

export const Watch = z.object({
  id: z.string(),
  platform: Platform,
  kind: WatchKind,
  target: z.string(),
  baseUrl: z.string(),
  intervalMinutes: z.number().int(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  paused: z.boolean(),
  createdAt: z.string(),
  nextRunAt: z.string().nullable(),
  /** Another run holds the lease right now. */
  running: z.boolean(),
  /** Whether this platform's token is configured (never the token). */
  tokenSet: z.boolean(),
  lastRun: WatchRun.nullable(),
});
export type Watch = z.infer<typeof Watch>;

/** A readable id from the definition: `mastodon-hashtag-raredisease`. */
export function watchId(w: { platform: string; kind: string; target: string }): string {
  const slug = w.target
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${w.platform}-${w.kind}-${slug || 'watch'}`.replace(/-+$/, '');
}
