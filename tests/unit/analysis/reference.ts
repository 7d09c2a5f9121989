// Test helpers for the community-detection quality checks: the real graphs in
// tests/fixtures/analysis (see SOURCES.md), normalised mutual information, and a call to igraph.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { edgeListFrom, type EdgeList } from '../../../queries/analysis/edges.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/analysis/', import.meta.url));
const igraphScript = fileURLToPath(new URL('./igraph-reference.py', import.meta.url));

export interface Benchmark {
  name: string;
  edges: EdgeList;
  /** Ground-truth community per node. */
  truth: number[];
}

/** Zachary's karate club: 1-based TSV edge list and faction file. */
export function karate(): Benchmark {
  const pairs = readFileSync(path.join(fixtures, 'karate_edges.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t').map(Number) as [number, number]);
  const truthRows = readFileSync(path.join(fixtures, 'karate_community.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t').map(Number) as [number, number]);
  const n = truthRows.length;
  const truth = new Array<number>(n).fill(-1);
  for (const [node, c] of truthRows) truth[node - 1] = c;
  return {
    name: 'karate',
    edges: edgeListFrom(
      n,
      pairs.map(([u, v]) => [u - 1, v - 1] as const),
    ),
    truth,
  };
}

/**
 * The GML files here are simple: `node [ id N … ]` and `edge [ source S target T ]`. The ground
 * truth is `value` (football conference) or, for networkx's LFR graphs, the repeated `community`
 * attribute listing all members, whose smallest id we use as the label.
 */
export function gml(file: string): Benchmark {
  const text = readFileSync(path.join(fixtures, file), 'utf8');
  const ids: number[] = [];
  const labels: number[] = [];
  for (const block of text.matchAll(/node\s*\[([^\]]*)\]/g)) {
    const body = block[1]!;
    const id = Number(/\bid\s+(-?\d+)/.exec(body)![1]);
    const value = /\bvalue\s+(-?\d+)/.exec(body);
    const members = [...body.matchAll(/\bcommunity\s+(\d+)/g)].map((m) => Number(m[1]));
    ids.push(id);
    labels.push(value ? Number(value[1]) : Math.min(...members));
  }
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs: [number, number][] = [];
  for (const block of text.matchAll(/edge\s*\[([^\]]*)\]/g)) {
    const s = Number(/\bsource\s+(-?\d+)/.exec(block[1]!)![1]);
    const t = Number(/\btarget\s+(-?\d+)/.exec(block[1]!)![1]);
    pairs.push([index.get(s)!, index.get(t)!]);
  }
  return { name: file.replace(/\.gml$/, ''), edges: edgeListFrom(ids.length, pairs), truth: labels };
}

/** Normalised mutual information (arithmetic mean normalisation, as sklearn's default). */
export function nmi(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const count = (xs: ArrayLike<number>) => {
    const m = new Map<number, number>();
    for (let i = 0; i < n; i++) m.set(xs[i]!, (m.get(xs[i]!) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const joint = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = `${a[i]}|${b[i]}`;
    joint.set(k, (joint.get(k) ?? 0) + 1);
  }
  const h = (m: Map<number, number>) => -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [k, c] of joint) {
    const [x, y] = k.split('|').map(Number) as [number, number];
    mi += (c / n) * Math.log((c * n) / (ca.get(x)! * cb.get(y)!));
  }
  const denom = (h(ca) + h(cb)) / 2;
  return denom === 0 ? 1 : mi / denom;
}

export function writeEdgeFile(edges: EdgeList, file?: string): string {
  const out = file ?? path.join(mkdtempSync(path.join(tmpdir(), 'carecircle-analysis-')), 'edges.txt');
  const lines: string[] = [];
  for (let i = 0; i < edges.m; i++) lines.push(`${edges.src[i]} ${edges.dst[i]} ${edges.weight[i]}`);
  writeFileSync(out, lines.join('\n') + '\n');
  return out;
}

interface IgraphResult {
  modularity: number;
  count: number;
  modularityOfGiven?: number;
  pagerank: number[] | null;
  membership: number[] | null;
  /** igraph's community_leiden (modularity), when asked for. */
  leiden?: { modularity: number; count: number; membership: number[] } | null;
  seconds: { read: number; louvain: number; pagerank: number };
  maxRssMb: number;
}

/** Runs igraph's community_multilevel and pagerank on the same edge list with Debian's python3. */
export function igraph(
  edges: EdgeList,
  opts: {
    seed?: number;
    resolution?: number;
    membership?: ArrayLike<number>;
    pagerank?: boolean;
    /** Also return igraph's own membership (e.g. to score it against the ground truth). */
    returnMembership?: boolean;
    /** Also run igraph's Leiden (modularity objective). */
    leiden?: boolean;
    edgeFile?: string;
  } = {},
): IgraphResult {
  const file = opts.edgeFile ?? writeEdgeFile(edges);
  const request = {
    n: edges.n,
    edges: file,
    seed: opts.seed ?? 42,
    resolution: opts.resolution ?? 1,
    membership: opts.membership ? Array.from(opts.membership) : null,
    returnPagerank: !!opts.pagerank,
    returnMembership: !!opts.returnMembership,
    leiden: !!opts.leiden,
  };
  const stdout = execFileSync('/usr/bin/python3', [igraphScript], {
    input: JSON.stringify(request),
    maxBuffer: 512 * 1024 * 1024,
  });
  return JSON.parse(stdout.toString('utf8')) as IgraphResult;
}
