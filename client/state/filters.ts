// The filter state shared by Explore and Influencers, and the view the app shows: parsed from and
// written to the query string so a link reproduces what the sender saw. Bad values fall back to
// defaults instead of breaking the page.
import { POST_INTERACTION_TYPES } from '../../queries/contract.ts';
import type { AccountRole } from '../api/types.ts';

export const VIEWS = [
  'explore',
  'influencers',
  'communities',
  'chats',
  'outreach',
  'inbox',
  'admin',
] as const;
export type View = (typeof VIEWS)[number];

export interface InfluencerFilters {
  hashtag?: string;
  specialty?: string;
  near?: string;
  radiusKm: number;
  region?: string;
  role?: AccountRole;
  community?: number;
  /** Only accounts whose overall influence score is at least this (the server's minScore). */
  minScore?: number;
  /** Time window (YYYY-MM-DD, both inclusive): only interactions made in it count. */
  from?: string;
  to?: string;
  /** Interaction types that count (all when unset). */
  types?: InteractionTypeFilter[];
  /** How the server orders the ranking (its default: in the topic or window when there is one). */
  sort?: RankingSort;
  /** Also show accounts analysis flagged as spam or bots (left out by default), with the reason. */
  includeFlagged?: boolean;
}

export const INTERACTION_TYPE_FILTERS = POST_INTERACTION_TYPES;
export type InteractionTypeFilter = (typeof INTERACTION_TYPE_FILTERS)[number];
export const RANKING_SORTS = ['topic', 'score', 'localReach', 'rising'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export interface AppState {
  view: View;
  filters: InfluencerFilters;
  /** The account open in the side panel. */
  account?: string;
  /** Search box text on the graph. */
  search?: string;
  /** Hashtag chosen in the co-occurrence view. */
  tag?: string;
}

export const DEFAULT_RADIUS_KM = 50;
export const ACCOUNT_ROLES = [
  'patient_advocate',
  'clinician',
  'organisation',
  'researcher',
  'other',
] as const satisfies readonly AccountRole[];
const ROLES: readonly string[] = ACCOUNT_ROLES;

const text = (v: string | null): string | undefined => {
  const t = v?.trim();
  return t ? t.slice(0, 200) : undefined;
};
const day = (v: string | null): string | undefined => {
  const t = v?.trim() ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(`${t}T00:00:00Z`)) ? t : undefined;
};
const typeList = (v: string | null): InteractionTypeFilter[] | undefined => {
  const list = (v ?? '')
    .split(',')
    .filter((t): t is InteractionTypeFilter => (INTERACTION_TYPE_FILTERS as readonly string[]).includes(t));
  return list.length > 0 ? [...new Set(list)] : undefined;
};
const num = (v: string | null, min: number, max: number): number | undefined => {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
};

export function parseState(search: string): AppState {
  const p = new URLSearchParams(search);
  const view = (VIEWS as readonly string[]).includes(p.get('view') ?? '')
    ? (p.get('view') as View)
    : 'explore';
  const role = text(p.get('role'));
  const community = num(p.get('community'), 0, Number.MAX_SAFE_INTEGER);
  const filters: InfluencerFilters = {
    hashtag: text(p.get('hashtag'))?.replace(/^#/, ''),
    specialty: text(p.get('specialty')),
    near: text(p.get('near')),
    radiusKm: num(p.get('radiusKm'), 1, 20_000) ?? DEFAULT_RADIUS_KM,
    region: text(p.get('region')),
    role: role && ROLES.includes(role) ? (role as AccountRole) : undefined,
    community: community !== undefined && Number.isInteger(community) ? community : undefined,
    minScore: num(p.get('minScore'), 0, Number.MAX_VALUE),
    from: day(p.get('from')),
    to: day(p.get('to')),
    types: typeList(p.get('types')),
    sort: (RANKING_SORTS as readonly string[]).includes(p.get('sort') ?? '')
      ? (p.get('sort') as RankingSort)
      : undefined,
    includeFlagged: p.get('includeFlagged') === 'true' ? true : undefined,
  };
  return {
    view,
    filters,
    account: text(p.get('account')),
    search: text(p.get('q')),
    tag: text(p.get('tag')),
  };
}

export function serializeState(s: AppState): string {
  const p = new URLSearchParams();
  if (s.view !== 'explore') p.set('view', s.view);
  const f = s.filters;
  const put = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') p.set(k, String(v));
  };
  put('hashtag', f.hashtag);
  put('specialty', f.specialty);
  put('near', f.near);
  if (f.near && f.radiusKm !== DEFAULT_RADIUS_KM) put('radiusKm', f.radiusKm);
  put('region', f.region);
  put('role', f.role);
  put('community', f.community);
  put('minScore', f.minScore);
  put('from', f.from);
  put('to', f.to);
  put('types', f.types?.join(','));
  put('sort', f.sort);
  if (f.includeFlagged) p.set('includeFlagged', 'true');
  put('account', s.account);
  put('q', s.search);
  put('tag', s.tag);
  const qs = p.toString();
  return qs ? `?${qs}` : '';
}

/** True when some server-side filter narrows the accounts (so the graph highlights matches). */
export function hasServerFilter(f: InfluencerFilters): boolean {
  return Boolean(
    f.hashtag ||
    f.specialty ||
    f.near ||
    f.region ||
    f.role ||
    f.community !== undefined ||
    f.from ||
    f.to ||
    f.types,
  );
}

/**
 * What a graph drawn for a period or for some interaction types counts, in words:
 * "only replies and reposts from 2025-01-01 to 2025-03-31; follows have no date, so none".
 */
export function periodNote(f: Pick<InfluencerFilters, 'from' | 'to' | 'types'>): string {
  const plural: Record<InteractionTypeFilter, string> = {
    mention: 'mentions',
    reply: 'replies',
    repost: 'reposts',
    quote: 'quotes',
  };
  const list = (f.types ?? []).map((t) => plural[t]);
  const what =
    list.length === 0
      ? 'interactions'
      : list.length === 1
        ? list[0]!
        : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
  const when =
    f.from && f.to
      ? ` from ${f.from} to ${f.to}`
      : f.from
        ? ` since ${f.from}`
        : f.to
          ? ` until ${f.to}`
          : '';
  return `only ${what}${when}; follows have no date, so none`;
}
