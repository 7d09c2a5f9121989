// A seeded synthetic graph in the same shape as GET /api/graph, for the client benchmark: planted
// communities (most links inside one), heavy-tailed scores, and a few outreach stages.
import { seededRng } from '../../../queries/random.ts';
import type { GraphData } from '../../../client/graph/build.ts';
import type { GraphEdgeData, GraphNodeData, Stage } from '../../../client/api/types.ts';

export function syntheticGraph(opts: {
  nodes: number;
  edges: number;
  communities?: number;
  seed?: number;
}): GraphData {
  const rand = seededRng(opts.seed ?? 1);
  const k = opts.communities ?? Math.max(4, Math.round(Math.sqrt(opts.nodes) / 4));
  const stages: Stage[] = ['to_follow', 'following', 'contacted', 'responded', 'partner'];
  const nodes: GraphNodeData[] = [];
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < opts.nodes; i++) {
    const c = Math.floor(rand() * k);
    members[c]!.push(i);
    nodes.push({
      id: `bench:${i}`,
      label: `account_${i}`,
      community: c,
      // Pareto-like: a few accounts score far above the rest, as in real interaction graphs.
      score: Math.min(1, 0.01 / Math.pow(1 - rand() * 0.999, 0.8)),
      stage: rand() < 0.01 ? stages[Math.floor(rand() * stages.length)]! : null,
      size: 1,
      kind: 'account',
    });
  }
  const edges: GraphEdgeData[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (edges.length < opts.edges && guard++ < opts.edges * 4) {
    const s = Math.floor(rand() * opts.nodes);
    const sc = nodes[s]!.community as number;
    const pool = rand() < 0.85 ? members[sc]! : members[Math.floor(rand() * k)]!;
    if (pool.length < 2) continue;
    const t = pool[Math.floor(rand() * pool.length)]!;
    if (t === s) continue;
    const key = `${s}>${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ source: `bench:${s}`, target: `bench:${t}`, weight: 1 + Math.floor(rand() * rand() * 20) });
  }
  return { nodes, edges };
}
