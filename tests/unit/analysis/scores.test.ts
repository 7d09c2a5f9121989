import { describe, expect, it } from 'vitest';
import { edgeListFrom } from '../../../queries/analysis/edges.ts';
import { stableIds, modularity } from '../../../queries/analysis/louvain.ts';
import {
  bridge,
  communityShare,
  computeScores,
  inWeight,
  pagerank,
} from '../../../queries/analysis/scores.ts';

// Two triangles (0,1,2) and (3,4,5) with node 2 also talking to 3.
const edges = edgeListFrom(6, [
  [0, 1, 1],
  [1, 2, 2],
  [2, 0, 1],
  [3, 4, 1],
  [4, 5, 1],
  [5, 3, 1],
  [2, 3, 1],
]);
const membership = Int32Array.from([0, 0, 0, 1, 1, 1]);

describe('scores', () => {
  it('weighted in-degree sums what each account received', () => {
    expect(Array.from(inWeight(edges))).toEqual([1, 1, 2, 2, 1, 1]);
  });

  it('community share is the part of its community attention an account receives', () => {
    const share = communityShare(edges, membership);
    // Community 0 exchanges 4 internally: node 2 receives 2 of it.
    expect(share[2]).toBeCloseTo(0.5);
    expect(share[0]).toBeCloseTo(0.25);
    // Community 1 exchanges 3 internally; node 3's edge from node 2 crosses communities.
    expect(share[3]).toBeCloseTo(1 / 3);
  });

  it('bridge is 0 inside one community and grows with cross-community ties', () => {
    const b = bridge(edges, membership);
    expect(b[0]).toBe(0);
    expect(b[4]).toBe(0);
    // Node 2: weight 2 + 1 inside, 1 across → 1 − (3/4)² − (1/4)².
    expect(b[2]).toBeCloseTo(1 - (3 / 4) ** 2 - (1 / 4) ** 2);
  });

  it('PageRank sums to 1 and favours the account that receives most', () => {
    const pr = pagerank(edges);
    expect(pr.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
    expect(pr[3]).toBeGreaterThan(pr[4]!);
  });

  it('combined score is in [0, 1] and ranks the bridge hub above a leaf', () => {
    const s = computeScores(edges, membership);
    for (const v of s.score) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(s.score[3]).toBeGreaterThan(s.score[4]!);
  });

  it('modularity per community sums to the total', () => {
    const q = modularity(edges, membership);
    const sum = [...q.perCommunity.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(q.total, 12);
    expect(q.total).toBeGreaterThan(0.2);
  });
});

describe('stable community ids', () => {
  it('keeps the previous id of the community that kept most of its members, and numbers new ones after', () => {
    // Previously: 0-3 in community 7, 4-7 in community 2. Now Louvain numbers them the other way round.
    const previous = [7, 7, 7, 7, 2, 2, 2, 2, null, null];
    const now = Int32Array.from([1, 1, 1, 1, 0, 0, 0, 2, 2, 2]);
    const ids = stableIds(now, 3, previous);
    expect(Array.from(ids)).toEqual([7, 7, 7, 7, 2, 2, 2, 8, 8, 8]);
  });

  it('does not reuse an id when the overlap is small', () => {
    const previous = [5, 5, 5, 5, null, null];
    const now = Int32Array.from([0, 1, 1, 1, 1, 1]);
    const ids = stableIds(now, 2, previous, { nextFreeId: 10 });
    // Community 1 holds 3 of the old 4 plus 2 newcomers: Jaccard 3/6 = 0.5 → keeps 5.
    expect(Array.from(ids)).toEqual([10, 5, 5, 5, 5, 5]);
  });
});
