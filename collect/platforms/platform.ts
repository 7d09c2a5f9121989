// What each platform module tells the run loop (collect/run.ts): how to authenticate, which pages to
// fetch first (lookups), where a pass starts, where the next page is, which item is the newest (the
// cursor), and when a page reaches what an earlier pass already collected or the watch's window.
import type { Page } from '../http.ts';
import type { PageMeta } from '../../ingest/sources/envelope.ts';
import type { WatchState } from '../../queries/watches.ts';
import type { Tokens } from '../tokens.ts';

export interface PlanContext {
  watch: WatchState;
  tokens: Tokens;
  /** A polite GET with this platform's credentials. */
  get(url: string, headers?: Record<string, string>): Promise<Page>;
  /** A polite POST of a JSON body (sign-in), retried on 429 and 5xx like a GET. */
  post(url: string, body: unknown): Promise<Page>;
  /** A page fetched while planning (e.g. the account looked up) that is loaded like any other. */
  load(page: Page): Promise<void>;
}

export interface Plan {
  /** Request headers (credentials); never logged or archived. */
  headers: Record<string, string>;
  /** The first page of a pass; `cursor` is where the last finished pass stopped. */
  first: string;
  /** Said about every page of this pass (whose follow list it is …), archived with it. */
  meta?: Partial<PageMeta>;
  /** The next page's URL, or null at the end. */
  next(page: Page): string | null;
  /** The newest item on the page, comparable with `newer` (for the cursor). */
  newest(page: Page): string | null;
  /** True when the page holds items the last pass saw (cursor) or older than the window: stop after it. */
  reachedEnd(page: Page): boolean;
}

export interface Collector {
  /** The ingest source that parses its pages. */
  format: 'mastodon' | 'bluesky' | 'x-v2';
  plan(ctx: PlanContext): Promise<Plan>;
  /** a > b for two `newest` values of this platform. */
  newer(a: string, b: string): boolean;
}

/** Snowflake-like numeric ids (Mastodon, X): longer is newer, then compare as text. */
export function newerId(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

/** `url` with query parameters set (undefined ones removed). */
export function withQuery(url: string, params: Record<string, string | number | undefined | null>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) u.searchParams.delete(k);
    else u.searchParams.set(k, String(v));
  }
  return u.toString();
}

/** The URL of `rel="next"` in a Link header, if any. */
export function linkNext(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1]!;
  }
  return null;
}

export const isoBefore = (t: string | undefined, bound: string | null) =>
  !!t && !!bound && Date.parse(t) < Date.parse(bound);
