// The stored map (queries/analysis/layout.ts): the same graph and seed give the same positions, the
// communities come out apart, and the forces only ever move a bounded number of accounts.
import { describe, expect, it } from 'vitest';
import { edgeListFrom, type EdgeList } from '../../../queries/analysis/edges.ts';
import { computeLayout } from '../../../queries/analysis/layout.ts';
import { seededRng } from '../../../queries/random.ts';

/** `groups` planted communities of `size` accounts: dense inside, a few links between groups. */
function planted(groups: number, size: number, seed = 3) {
  const rng = seededRng(seed);
  const n = groups * size;
  const triples: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    const g = Math.floor(i / size);
    for (let k = 0; k < 4; k++) triples.push([i, g * size + Math.floor(rng() * size), 1]);
    if (rng() < 0.05) triples.push([i, Math.floor(rng() * n), 1]);
  }
  const edges: EdgeList = edgeListFrom(n, triples);
  const community = Int32Array.from({ length: n }, (_, i) => Math.floor(i / size));
  const score = Float64Array.from({ length: n }, () => rng());
  const ids = Array.from({ length: n }, (_, i) => `csv:${i}`);
  return { ids, edges, community, score, n, groups, size };
}

const centroid = (xs: number[], ys: number[]) => ({
  x: xs.reduce((a, b) => a + b, 0) / xs.length,
  y: ys.reduce((a, b) => a + b, 0) / ys.length,
});

describe('the stored layout', () => {
  const g = planted(4, 60);

  it('gives the same positions for the same graph and seed, and others for another seed', () => {
    const a = computeLayout(g.ids, g.edges, g.community, g.score, { seed: 7 });
    const b = computeLayout(g.ids, g.edges, g.community, g.score, { seed: 7 });
    const c = computeLayout(g.ids, g.edges, g.community, g.score, { seed: 8 });
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect([...b.community]).toEqual([...a.community]);
    expect(Array.from(c.x)).not.toEqual(Array.from(a.x));
  });

  it('puts each account nearer its own community than any other', () => {
    const l = computeLayout(g.ids, g.edges, g.community, g.score, { seed: 7 });
    const centres = Array.from({ length: g.groups }, (_, c) => {
      const members = Array.from({ length: g.size }, (_, k) => c * g.size + k);
      return centroid(
        members.map((i) => l.x[i]!),
        members.map((i) => l.y[i]!),
      );
    });
    let nearestOwn = 0;
    for (let i = 0; i < g.n; i++) {
      const d = centres.map((c) => Math.hypot(l.x[i]! - c.x, l.y[i]! - c.y));
      if (d.indexOf(Math.min(...d)) === g.community[i]) nearestOwn++;
    }
    // Planted groups with 5% stray links: nearly everyone sits with their own group.
    expect(nearestOwn / g.n).toBeGreaterThan(0.95);
    for (let i = 0; i < g.n; i++) expect(Number.isFinite(l.x[i]!) && Number.isFinite(l.y[i]!)).toBe(true);
  });

  it('moves at most the given number of accounts with forces and places the rest in their community', () => {
    const l = computeLayout(g.ids, g.edges, g.community, g.score, { seed: 7, accounts: 40 });
    expect(l.laidOut).toEqual({ accounts: 40, communities: 4 });
    // A placed account lands within its community's spread, not at the origin or on another group.
    const c0 = l.community.get(0)!;
    const others = [1, 2, 3].map((c) => l.community.get(c)!);
    const top = new Set(
      Array.from({ length: g.n }, (_, i) => i)
        .sort((a, b) => g.score[b]! - g.score[a]!)
        .slice(0, 40),
    );
    const placed = Array.from({ length: g.size }, (_, k) => k).filter((i) => !top.has(i));
    const nearOwn = placed.filter((i) => {
      const own = Math.hypot(l.x[i]! - c0.x, l.y[i]! - c0.y);
      return others.every((o) => own < Math.hypot(l.x[i]! - o.x, l.y[i]! - o.y));
    });
    expect(nearOwn.length / placed.length).toBeGreaterThan(0.9);
  });
});
