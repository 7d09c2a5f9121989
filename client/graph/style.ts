// How data becomes drawing: community → colour, influence score → size, outreach stage → ring colour
// (dark ring colours, so a ring never reads as one of the community fills).
// Only the graph builder and the reducers call these, so scores and communities stay plain data.
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
  size: 'score' | 'degree' | 'uniform';
  color: 'community' | 'stage';
}
export const DEFAULT_LOOK: Look = { size: 'score', color: 'community' };
export const SIZE_LABELS: Record<Look['size'], string> = {
  score: 'Influence score',
  degree: 'Links in view',
  uniform: 'All the same',
};
export const COLOR_LABELS: Record<Look['color'], string> = {
  community: 'Community',
  stage: 'Outreach stage',
};

/** Size and fill of one node under a look; `degree`/`maxDegree` are counted in the drawn graph. */
export function nodeLook(
  look: Look,
  n: { score: number | null; community: number | string | null; stage: Stage | null; members: number },
  scale: { maxScore: number; degree: number; maxDegree: number },
): { size: number; color: string } {
  const size =
    look.size === 'uniform'
      ? nodeSize(1, 1, n.members) * 0.6
      : look.size === 'degree'
        ? nodeSize(scale.degree, scale.maxDegree, n.members)
        : nodeSize(n.score, scale.maxScore, n.members);
  const color =
    look.color === 'stage'
      ? n.stage
        ? STAGE_COLORS[n.stage]
        : NO_COMMUNITY_COLOR
      : communityColor(n.community);
  return { size, color };
}
