// How stable each community is: Louvain/Leiden depends on the order nodes are visited, so the same
// graph run with other seeds can draw the borders differently. For each community of the run we
// keep, the best-matching community of every other seed's partition (largest Jaccard overlap of the
// member sets) is found; its stability is the mean of those best Jaccards (1 = every seed finds the
// same group, 0.3 = the group mostly dissolves into others).
import type { EdgeList } from './edges.ts';
import { detectCommunities } from './louvain.ts';

interface StabilityOptions {
  /** Seeds to compare against (the run's own seed excluded); four by default. */
  seeds: number[];
  resolution: number;
}

/** Extra seeds derived from the run's seed, so the same run always compares against the same ones. */
export function stabilitySeeds(seed: number, count = 4): number[] {
  return Array.from({ length: count }, (_, i) => (seed * 7919 + (i + 1) * 104729) % 2_147_483_647);
}

/** Mean best-match Jaccard per community id of `membership` (-1 = no community). */
export function communityStability(
  edges: EdgeList,
  membership: Int32Array,
  opts: StabilityOptions,
): Map<number, number> {
  const size = new Map<number, number>();
  for (const c of membership) if (c >= 0) size.set(c, (size.get(c) ?? 0) + 1);
  const sum = new Map<number, number>();
  for (const c of size.keys()) sum.set(c, 0);
  if (opts.seeds.length === 0) return new Map([...size.keys()].map((c) => [c, 1]));
  for (const seed of opts.seeds) {
    const other = detectCommunities(edges, { seed, resolution: opts.resolution });
    const otherSize = new Int32Array(other.count);
    for (const c of other.membership) if (c >= 0) otherSize[c]!++;
    // Overlap counts per (ours, theirs) pair, keyed as one number.
    const overlap = new Map<number, number>();
    for (let v = 0; v < membership.length; v++) {
      const a = membership[v]!;
      const b = other.membership[v]!;
      if (a < 0 || b < 0) continue;
      const key = a * other.count + b;
      overlap.set(key, (overlap.get(key) ?? 0) + 1);
    }
    const best = new Map<number, number>();
    for (const [key, o] of overlap) {
      const a = Math.floor(key / other.count);
      const b = key % other.count;
      const j = o / (size.get(a)! + otherSize[b]! - o);
      if (j > (best.get(a) ?? 0)) best.set(a, j);
    }
    for (const c of size.keys()) sum.set(c, sum.get(c)! + (best.get(c) ?? 0));
  }
  return new Map([...sum].map(([c, s]) => [c, s / opts.seeds.length]));
}
