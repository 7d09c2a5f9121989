// Mastodon REST (any instance): hashtag and account timelines, a status with its context, who
// reblogged a status, an account's followers and follows. Timelines go newest first through the
// Link header (max_id); an incremental pass sends since_id = the newest status the last pass saw.
import { FetchError, type Page } from '../http.ts';
import {
  linkNext,
  newerId,
  withQuery,
  isoBefore,
  type Collector,
  type Plan,
  type PlanContext,
} from './platform.ts';

interface Status {
  id?: string;
  created_at?: string;
}

const statuses = (p: Page): Status[] => (Array.isArray(p.body) ? (p.body as Status[]) : []);

function sameOrigin(next: string | null, base: string): string | null {
  if (!next) return null;
  // A Link to another host would carry our token there: refuse it, say so.
  if (new URL(next).origin !== new URL(base).origin)
    throw new FetchError(`the next-page link points to another host (${new URL(next).host}); not followed`);
  return next;
}

async function lookupAccount(ctx: PlanContext, base: string, headers: Record<string, string>) {
  const acct = ctx.watch.target.replace(/^@/, '');
  const page = await ctx.get(withQuery(`${base}/api/v1/accounts/lookup`, { acct }), headers);
  const a = page.body as { id?: string; acct?: string };
  if (!a || typeof a.id !== 'string')
    throw new FetchError(`no Mastodon account ${acct} on ${new URL(base).host}`);
  await ctx.load(page);
  return page.body as { id: string };
}

export const mastodon: Collector = {
  format: 'mastodon',
  newer: newerId,
  async plan(ctx) {
    const w = ctx.watch;
    const base = w.baseUrl;
    const headers: Record<string, string> = ctx.tokens.mastodon
      ? { authorization: `Bearer ${ctx.tokens.mastodon}` }
      : {};
    const timeline = (first: string): Plan => ({
      headers,
      first: withQuery(first, { limit: 40, since_id: w.cursor }),
      next: (p) => sameOrigin(linkNext(p.headers.get('link')), base),
      newest: (p) =>
        statuses(p).reduce<string | null>((m, s) => (s.id && (!m || newerId(s.id, m)) ? s.id : m), null),
      reachedEnd: (p) =>
        statuses(p).length === 0 || statuses(p).some((s) => isoBefore(s.created_at, w.since)),
    });
    const single = (url: string, meta?: Plan['meta']): Plan => ({
      headers,
      first: url,
      meta,
      next: () => null,
      newest: () => null,
      reachedEnd: () => true,
    });
    switch (w.kind) {
      case 'hashtag':
        return timeline(`${base}/api/v1/timelines/tag/${encodeURIComponent(w.target.replace(/^#/, ''))}`);
      case 'account': {
        const a = await lookupAccount(ctx, base, headers);
        return timeline(`${base}/api/v1/accounts/${encodeURIComponent(a.id)}/statuses`);
      }
      case 'followers':
      case 'follows': {
        const a = await lookupAccount(ctx, base, headers);
        const path = w.kind === 'followers' ? 'followers' : 'following';
        return {
          headers,
          first: withQuery(`${base}/api/v1/accounts/${encodeURIComponent(a.id)}/${path}`, { limit: 80 }),
          meta: { subject: a, relation: w.kind === 'followers' ? 'followers' : 'following' },
          next: (p) => sameOrigin(linkNext(p.headers.get('link')), base),
          newest: () => null,
          reachedEnd: (p) => !Array.isArray(p.body) || p.body.length === 0,
        };
      }
      case 'thread': {
        // The status itself, then its ancestors and descendants.
        const id = encodeURIComponent(w.target);
        await ctx.load(await ctx.get(`${base}/api/v1/statuses/${id}`, headers));
        return single(`${base}/api/v1/statuses/${id}/context`);
      }
      case 'reposted-by': {
        const id = encodeURIComponent(w.target);
        const status = await ctx.get(`${base}/api/v1/statuses/${id}`, headers);
        await ctx.load(status);
        return {
          headers,
          first: withQuery(`${base}/api/v1/statuses/${id}/reblogged_by`, { limit: 80 }),
          meta: { subject: status.body, relation: 'reblogged_by' },
          next: (p) => sameOrigin(linkNext(p.headers.get('link')), base),
          newest: () => null,
          reachedEnd: (p) => !Array.isArray(p.body) || p.body.length === 0,
        };
      }
      default:
        throw new FetchError(`Mastodon has no ${w.kind} watch`);
    }
  },
};
