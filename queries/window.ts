// The time window and the interaction-type filter that every ranking, graph view and export takes
// (issue 14): `from`/`to` (CLI `--since`/`--until`) and `types`. A window keeps only the interactions
// made by posts whose `createdAt` is inside it, read from the post relationships themselves
// (index `post_created`). Follows have no time, so a window or a type filter leaves them out: only
// mentions, replies, reposts and quotes have a post, and so a date.
import { POST_INTERACTION_TYPES } from './contract.ts';
import { z } from 'zod';
import { Invalid } from './errors.ts';

/** A day (2025-03-31) or an instant (2025-03-31T12:00:00Z); a day as `to` includes that whole day. */
export const When = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date like 2025-03-31 or a time like 2025-03-31T12:00:00Z',
});

export const WINDOW_TYPES = POST_INTERACTION_TYPES;
export type WindowType = (typeof WINDOW_TYPES)[number];

/** `types=reply,repost`: the interaction types that count (follows have no time, so not among them). */
export const TypesParam = z
  .string()
  .regex(
    /^(mention|reply|repost|quote)(,(mention|reply|repost|quote))*$/,
    'must be a comma-separated list of mention, reply, repost, quote',
  );

/** The relationship type of each interaction type, as stored post → account. */
export const REL: Record<WindowType, string> = {
  mention: 'MENTIONS',
  reply: 'REPLIES_TO',
  repost: 'REPOSTS',
  quote: 'QUOTES',
};

export const DAY = 86_400_000;
/** The open ends of a window, as ISO bounds every stored createdAt falls between. */
export const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59Z');

/** ISO bound as stored on Post.createdAt (seconds, Z), so string order is time order. */
export function isoBound(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Milliseconds of a `from`/`to` value; a day as `to` means through the end of that day. */
export function parseWhen(v: string, field: 'from' | 'to'): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
  const ms = Date.parse(dateOnly ? `${v}T00:00:00Z` : v);
  if (!Number.isFinite(ms)) throw new Invalid(`${field}: not a date`, [{ field, message: 'not a date' }]);
  return dateOnly && field === 'to' ? ms + DAY : ms;
}

/** from must come before the end of the period (a day as `to` counts to its end). */
export function checkOrder(from: number | null, to: number | null): void {
  if (from !== null && to !== null && from >= to) {
    throw new Invalid('from: must be before the end of the period', [
      { field: 'from', message: 'must be before the end of the period' },
    ]);
  }
}

/** The window a graph read or an export takes: ISO bounds [from, to) and the relationship types. */
export interface PostWindow {
  from: string;
  to: string;
  types: string[];
  /** As asked (null: open, or all types), for what the answer says it counted. */
  asked: { from: string | null; to: string | null; types: WindowType[] | null };
}

/**
 * The window asked for, or null when neither a period nor a type filter was given (then reads use
 * the stored INTERACTS totals, follows included). Throws `Invalid` naming the field at fault.
 */
export function postWindow(q: { from?: string; to?: string; types?: string }): PostWindow | null {
  if (!q.from && !q.to && !q.types) return null;
  const from = q.from ? parseWhen(q.from, 'from') : null;
  const to = q.to ? parseWhen(q.to, 'to') : null;
  checkOrder(from, to);
  const types = q.types ? ([...new Set(q.types.split(','))] as WindowType[]) : null;
  return {
    from: isoBound(from ?? EARLIEST),
    to: isoBound(to ?? LATEST),
    types: (types ?? WINDOW_TYPES).map((t) => REL[t]),
    asked: { from: q.from ?? null, to: q.to ?? null, types },
  };
}

/** The query-string fields of a window, for routes that take one (zod, so a bad value is a 400). */
export const WindowQuery = {
  /** Only interactions made from this time on (inclusive). */
  from: When.optional(),
  /** Only interactions made up to this time (a day: through its end). */
  to: When.optional(),
  /** Interaction types that count, comma-separated. */
  types: TypesParam.optional(),
};
