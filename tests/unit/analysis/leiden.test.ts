// Issue 14, item 5: every community connected (Leiden refinement), modularity within 1 % of Louvain,
// printed against python3-igraph's Louvain (community_multilevel) and Leiden in the same run.
import { describe, expect, it } from 'vitest';
import { disconnectedCommunities } from '../../../queries/analysis/louvain-csr.ts';
import { detectCommunities } from '../../../queries/analysis/louvain.ts';
import { gml, igraph, karate, nmi, type Benchmark } from './reference.ts';

const graphs: [string, () => Benchmark][] = [
  ['karate', karate],
  ['football', () => gml('football.gml')],
  ['LFR mu=0.2', () => gml('lfr-mu-0.2.gml')],
  ['LFR mu=0.5', () => gml('lfr-mu-0.5.gml')],
  ['LFR mu=0.7', () => gml('lfr-mu-0.7.gml')],
];
const SEEDS = [1, 2, 3, 4, 5];

describe.each(graphs)('Leiden on %s', (name, load) => {
  const g = load();

  it('gives connected communities for every seed, with modularity within 1 % of Louvain and igraph', () => {
    const q = { leiden: 0, louvain: 0, igraphLouvain: 0, igraphLeiden: 0 };
    for (const seed of SEEDS) {
      const leiden = detectCommunities(g.edges, { seed, resolution: 1 });
      const louvain = detectCommunities(g.edges, { seed, resolution: 1, refine: false });
      const peer = igraph(g.edges, {
        seed,
        membership: leiden.membership,
        leiden: true,
        returnMembership: true,
      });
      const peerLeiden = peer.leiden!;
      console.log(
        `${name} seed ${seed}: Q leiden(ours)=${leiden.modularity.toFixed(4)} louvain(ours)=${louvain.modularity.toFixed(4)} ` +
          `igraph louvain=${peer.modularity.toFixed(4)} igraph leiden=${peerLeiden.modularity.toFixed(4)}; ` +
          `communities ${leiden.count}/${louvain.count}/${peer.count}/${peerLeiden.count}; disconnected ` +
          `leiden(ours)=${disconnectedCommunities(g.edges, leiden.membership)} ` +
          `louvain(ours)=${disconnectedCommunities(g.edges, louvain.membership)} ` +
          `igraph louvain=${disconnectedCommunities(g.edges, Int32Array.from(peer.membership!))}; ` +
          `NMI vs truth leiden=${nmi(leiden.membership, g.truth).toFixed(3)} louvain=${nmi(louvain.membership, g.truth).toFixed(3)}`,
      );
      expect(disconnectedCommunities(g.edges, leiden.membership)).toBe(0);
      // Same seed, same visiting order: the refinement must not cost more than 1 % of Louvain's modularity.
      expect(leiden.modularity).toBeGreaterThanOrEqual(louvain.modularity * 0.99);
      // The modularity we report is the one igraph computes for our membership.
      expect(leiden.modularity).toBeCloseTo(peer.modularityOfGiven!, 6);
      q.leiden += leiden.modularity / SEEDS.length;
      q.louvain += louvain.modularity / SEEDS.length;
      q.igraphLouvain += peer.modularity / SEEDS.length;
      q.igraphLeiden += peerLeiden.modularity / SEEDS.length;
    }
    console.log(
      `${name} mean Q over ${SEEDS.length} seeds: leiden(ours)=${q.leiden.toFixed(4)} louvain(ours)=${q.louvain.toFixed(4)} ` +
        `igraph louvain=${q.igraphLouvain.toFixed(4)} igraph leiden=${q.igraphLeiden.toFixed(4)}`,
    );
    // Seeds are not comparable between implementations; the means over five seeds are.
    expect(q.leiden).toBeGreaterThanOrEqual(q.igraphLouvain * 0.99);
    expect(q.leiden).toBeGreaterThanOrEqual(q.igraphLeiden * 0.99);
  }, 180_000);

  it('gives the same communities for the same seed', () => {
    const a = detectCommunities(g.edges, { seed: 9, resolution: 1 });
    const b = detectCommunities(g.edges, { seed: 9, resolution: 1 });
    expect(Array.from(a.membership)).toEqual(Array.from(b.membership));
  });
});

describe('disconnectedCommunities', () => {
  it('counts a community made of two parts with no edge between them', () => {
    // Two triangles, no edge between them, labelled as one community; a third triangle on its own.
    const g = karate();
    const membership = new Int32Array(g.edges.n).fill(0);
    // Karate is connected: one community of everyone is connected, two arbitrary halves are not.
    expect(disconnectedCommunities(g.edges, membership)).toBe(0);
    for (let v = 0; v < g.edges.n; v++) membership[v] = v % 2;
    expect(disconnectedCommunities(g.edges, membership)).toBeGreaterThan(0);
  });
});
