// Our Louvain against python3-igraph's community_multilevel on the same real graphs, and against
// the ground truth (NMI printed). PageRank against igraph's PRPACK on the same directed graph.
import { describe, expect, it } from 'vitest';
import { detectCommunities, modularity } from '../../../queries/analysis/louvain.ts';
import { pagerank } from '../../../queries/analysis/scores.ts';
import { edgeListFrom } from '../../../queries/analysis/edges.ts';
import { gml, igraph, karate, nmi, type Benchmark } from './reference.ts';

const graphs: [string, () => Benchmark][] = [
  ['karate', karate],
  ['football', () => gml('football.gml')],
  ['LFR mu=0.2', () => gml('lfr-mu-0.2.gml')],
  ['LFR mu=0.5', () => gml('lfr-mu-0.5.gml')],
];

const engines = ['csr', 'graphology'] as const;
const cases = graphs.flatMap(([name, load]) => engines.map((engine) => [name, engine, load] as const));

describe.each(cases)('Louvain on %s (engine %s)', (_, engine, load) => {
  const g = load();
  const ours = detectCommunities(g.edges, { seed: 7, resolution: 1, engine });
  const peer = igraph(g.edges, { seed: 7, membership: ours.membership, returnMembership: true });

  it('finds a partition whose modularity is within 1% of igraph community_multilevel', () => {
    const score = nmi(ours.membership, g.truth);
    console.log(
      `${g.name} (${engine}): n=${g.edges.n} m=${g.edges.m} communities ours=${ours.count} igraph=${peer.count} ` +
        `Q ours=${ours.modularity.toFixed(4)} igraph=${peer.modularity.toFixed(4)} ` +
        `NMI vs truth ours=${score.toFixed(3)} igraph=${nmi(peer.membership!, g.truth).toFixed(3)}`,
    );
    expect(ours.modularity).toBeGreaterThanOrEqual(peer.modularity * 0.99);
    // The modularity we report is the one igraph computes for our membership.
    expect(ours.modularity).toBeCloseTo(peer.modularityOfGiven!, 6);
    expect(modularity(g.edges, ours.membership).total).toBeCloseTo(peer.modularityOfGiven!, 6);
  });

  it('gives the same communities for the same seed', () => {
    const again = detectCommunities(g.edges, { seed: 7, resolution: 1, engine });
    expect(Array.from(again.membership)).toEqual(Array.from(ours.membership));
  });
});

describe('Louvain ground truth', () => {
  it('recovers well-separated planted communities (LFR mu=0.2) almost exactly', () => {
    const g = gml('lfr-mu-0.2.gml');
    const ours = detectCommunities(g.edges, { seed: 1, resolution: 1 });
    expect(nmi(ours.membership, g.truth)).toBeGreaterThan(0.9);
  });

  it('a higher resolution gives more, smaller communities', () => {
    const g = gml('football.gml');
    const low = detectCommunities(g.edges, { seed: 3, resolution: 0.5 });
    const high = detectCommunities(g.edges, { seed: 3, resolution: 2 });
    expect(high.count).toBeGreaterThan(low.count);
  });
});

describe('PageRank', () => {
  it('matches igraph on a directed weighted graph with dangling nodes', () => {
    const g = gml('football.gml');
    // Orient each game from the lower to the higher id and weight it, so some nodes have no out-edges.
    const pairs: [number, number, number][] = [];
    for (let i = 0; i < g.edges.m; i++) {
      const s = g.edges.src[i]!;
      const t = g.edges.dst[i]!;
      pairs.push([Math.min(s, t), Math.max(s, t), 1 + (i % 3)]);
    }
    const edges = edgeListFrom(g.edges.n, pairs);
    const ours = pagerank(edges);
    const peer = igraph(edges, { pagerank: true }).pagerank!;
    let sum = 0;
    for (let v = 0; v < edges.n; v++) {
      expect(ours[v]).toBeCloseTo(peer[v]!, 6);
      sum += ours[v]!;
    }
    expect(sum).toBeCloseTo(1, 9);
  });
});
