// How data becomes drawing: community → colour, influence score → size, outreach stage → ring colour
// (dark ring colours, so a ring never reads as one of the community fills).
// Only the graph builder and the reducers call these, so scores and communities stay plain data.
import { INTERACTION_TYPES } from '../../queries/contract.ts';
import type { Stage } from '../api/types.ts';

// 12 hues that stay apart on white (Tableau 10 plus two), so neighbouring communities differ.
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#86bcb6',
  '#d37295',
  '#8cd17d',
];
export const NO_COMMUNITY_COLOR = '#b8bfcc';
export const DIMMED_COLOR = '#e3e6ee';
export const HIGHLIGHT_EDGE_COLOR = '#1d2433';
export const PATH_COLOR = '#d62728';

/** A stable colour per community id; numbers and strings both hash to the same palette. */
export function communityColor(community: number | string | null | undefined): string {
  if (community === null || community === undefined) return NO_COMMUNITY_COLOR;
  let h = 0;
  const s = String(community);
  if (/^\d+$/.test(s)) h = Number(s);
  else for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

/**
 * Node radius in pixels. Square root so area, not radius, follows the score; super-nodes grow with
 * the number of members they stand for.
 */
export function nodeSize(score: number | null, maxScore: number, members = 1): number {
  const s = maxScore > 0 && score !== null ? Math.sqrt(Math.max(score, 0) / maxScore) : 0;
  const base = 2 + 10 * s;
  return members > 1 ? base + Math.min(20, 2 * Math.log2(members)) : base;
}

export const STAGE_COLORS: Record<Stage, string> = {
  to_follow: '#64748b',
  following: '#1d4ed8',
  contacted: '#be123c',
  responded: '#7c3aed',
  partner: '#15803d',
  declined: '#111827',
};

export const STAGE_LABELS: Record<Stage, string> = {
  to_follow: 'To follow',
  following: 'Following',
  contacted: 'Contacted',
  responded: 'Responded',
  partner: 'Partner',
  declined: 'Declined',
};

/** What the analyst chose to read from the picture: what sets a node's size and its fill. */
export interface Look {
  size: 'score' | 'topic' | 'followers' | 'degree' | 'uniform';
  color: 'community' | 'role' | 'stage' | 'region' | 'country';
}
export const DEFAULT_LOOK: Look = { size: 'score', color: 'community' };
export const SIZE_LABELS: Record<Look['size'], string> = {
  score: 'Influence score',
  topic: 'Topic score',
  followers: 'Followers',
  degree: 'Links in view',
  uniform: 'All the same',
};
export const COLOR_LABELS: Record<Look['color'], string> = {
  community: 'Community',
  role: 'Role',
  stage: 'Outreach stage',
  region: 'Region',
  country: 'Country',
};

/** The node fields the colourings and sizes read (as built into the drawn graph). */
interface LookNode {
  score: number | null;
  community: number | string | null;
  stage: Stage | null;
  members: number;
  role?: string | null;
  region?: string | null;
  country?: string | null;
  followers?: number | null;
}

/** Colourings by a text field: which field each reads. */
const CATEGORY_FIELD = { role: 'role', region: 'region', country: 'country' } as const;
type CategoryColor = keyof typeof CATEGORY_FIELD;
export const isCategoryColor = (c: Look['color']): c is CategoryColor => c in CATEGORY_FIELD;

export const ROLE_COLORS: Record<string, string> = {
  patient_advocate: '#e15759',
  clinician: '#4e79a7',
  organisation: '#59a14f',
  researcher: '#b07aa1',
  other: '#9c755f',
};
export const OTHER_COLOR = '#d3d7e0';
const UNKNOWN_LABEL = 'Not known';
const OTHER_LABEL = 'Other';

/** `patient_advocate` → "Patient advocate": the words people read, everywhere a role is shown. */
export const plainWords = (s: string) => {
  const t = s.replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
};

export interface CategoryEntry {
  /** The field's value; null for "not known", and OTHER_LABEL's entry stands for the rest. */
  key: string | null;
  label: string;
  color: string;
  count: number;
}

/** Named values that get a colour of their own; the rest share "Other". */
export const CATEGORIES_COLOURED = 10;

/**
 * The legend of a colouring by a text field over the nodes in view: the most frequent values get the
 * palette in order (roles keep their own colours), the rest "Other", missing values "Not known".
 * The canvas and the legend both call this on the same nodes, so they always agree.
 */
export function categoryLegend(
  color: CategoryColor,
  nodes: Iterable<Pick<LookNode, 'role' | 'region' | 'country'>>,
): CategoryEntry[] {
  const field = CATEGORY_FIELD[color];
  const counts = new Map<string | null, number>();
  for (const n of nodes) {
    const v = n[field] ?? null;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const named = [...counts]
    .filter((e): e is [string, number] => e[0] !== null)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const out: CategoryEntry[] = named.slice(0, CATEGORIES_COLOURED).map(([key, count], i) => ({
    key,
    label: color === 'role' ? plainWords(key) : key,
    color:
      color === 'role' ? (ROLE_COLORS[key] ?? PALETTE[i % PALETTE.length]!) : PALETTE[i % PALETTE.length]!,
    count,
  }));
  const rest = named.slice(CATEGORIES_COLOURED).reduce((sum, [, c]) => sum + c, 0);
  if (rest > 0) out.push({ key: OTHER_LABEL, label: OTHER_LABEL, color: OTHER_COLOR, count: rest });
  const unknown = counts.get(null) ?? 0;
  if (unknown > 0) out.push({ key: null, label: UNKNOWN_LABEL, color: NO_COMMUNITY_COLOR, count: unknown });
  return out;
}

/** Value → colour for one legend (values not listed fall under "Other"). */
export function categoryColors(
  entries: readonly CategoryEntry[],
): (value: string | null | undefined) => string {
  const byKey = new Map(entries.filter((e) => e.key !== OTHER_LABEL).map((e) => [e.key, e.color]));
  return (v) => (v === null || v === undefined ? NO_COMMUNITY_COLOR : (byKey.get(v) ?? OTHER_COLOR));
}

interface LookScale {
  maxScore: number;
  degree: number;
  maxDegree: number;
  maxFollowers?: number;
  /** The node's score in the filtered topic, and the topic's highest; undefined without a topic. */
  topicScore?: number | null;
  maxTopic?: number;
  /** Colour of a text value under a category colouring (categoryColors). */
  category?: (value: string | null | undefined) => string;
}

/** Size and fill of one node under a look; `degree`/`maxDegree` are counted in the drawn graph. */
export function nodeLook(look: Look, n: LookNode, scale: LookScale): { size: number; color: string } {
  let size: number;
  if (look.size === 'uniform') size = nodeSize(1, 1, n.members) * 0.6;
  else if (look.size === 'degree') size = nodeSize(scale.degree, scale.maxDegree, n.members);
  else if (look.size === 'followers') {
    // Followers span five orders of magnitude: a log scale, so the mid-sized accounts differ too.
    const max = Math.log1p(scale.maxFollowers ?? 0);
    size = nodeSize(max > 0 ? Math.log1p(n.followers ?? 0) / max : null, 1, n.members);
  } else if (look.size === 'topic') {
    // Accounts the topic did not rank stay small: the topic's voices stand out.
    size = nodeSize(scale.topicScore ?? 0, scale.maxTopic ?? 0, n.members);
  } else size = nodeSize(n.score, scale.maxScore, n.members);
  let color: string;
  if (look.color === 'stage') color = n.stage ? STAGE_COLORS[n.stage] : NO_COMMUNITY_COLOR;
  else if (isCategoryColor(look.color))
    color = (scale.category ?? (() => NO_COMMUNITY_COLOR))(n[CATEGORY_FIELD[look.color]]);
  else color = communityColor(n.community);
  return { size, color };
}

/** Interaction types as links carry them, in the order the legend lists them. */
export const EDGE_TYPES = INTERACTION_TYPES;
export type EdgeType = (typeof EDGE_TYPES)[number];
export const EDGE_TYPE_LABELS: Record<EdgeType, string> = {
  mention: 'Mentions',
  reply: 'Replies',
  repost: 'Reposts',
  quote: 'Quotes',
  follow: 'Follows',
};
// Light tints, so links read as a background to the nodes; each hue apart from the others.
export const EDGE_TYPE_COLORS: Record<EdgeType, string> = {
  mention: '#c3d2ea',
  reply: '#9fd6ae',
  repost: '#f3c79c',
  quote: '#d6bde6',
  follow: '#dcdfe5',
};

/**
 * A link's colour and whether it is shown under the chosen types: it shows when any chosen type
 * occurred on it, coloured by the most frequent of those (ties: the order of EDGE_TYPES).
 */
export function edgeLook(
  types: Readonly<Record<EdgeType, number>> | null,
  shown: ReadonlySet<EdgeType>,
  fallback: string,
): { color: string; hidden: boolean } {
  if (!types) return { color: fallback, hidden: false };
  let best: EdgeType | null = null;
  for (const t of EDGE_TYPES) {
    if (shown.has(t) && types[t] > 0 && (best === null || types[t] > types[best])) best = t;
  }
  return best ? { color: EDGE_TYPE_COLORS[best], hidden: false } : { color: fallback, hidden: true };
}
