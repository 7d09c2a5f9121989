// The in-memory shape every analysis step shares: accounts numbered 0..n-1 and a directed weighted
// edge list in typed arrays (source → target = "source paid attention to target"). Typed arrays keep
// a million edges at ~16 MB and let PageRank and the scores run as plain loops.

export interface EdgeList {
  /** Number of nodes; nodes are 0..n-1. */
  n: number;
  /** Number of edges used in src/dst/weight (the arrays may be longer). */
  m: number;
  src: Int32Array;
  dst: Int32Array;
  weight: Float64Array;
}

/** Grows typed arrays as edges arrive, so a streamed read never holds JavaScript objects per edge. */
export class EdgeListBuilder {
  private src = new Int32Array(1024);
  private dst = new Int32Array(1024);
  private weight = new Float64Array(1024);
  private m = 0;

  add(s: number, t: number, w: number): void {
    if (this.m === this.src.length) {
      const grow = this.src.length * 2;
      const src = new Int32Array(grow);
      src.set(this.src);
      const dst = new Int32Array(grow);
      dst.set(this.dst);
      const weight = new Float64Array(grow);
      weight.set(this.weight);
      this.src = src;
      this.dst = dst;
      this.weight = weight;
    }
    this.src[this.m] = s;
    this.dst[this.m] = t;
    this.weight[this.m] = w;
    this.m++;
  }

  build(n: number): EdgeList {
    return { n, m: this.m, src: this.src, dst: this.dst, weight: this.weight };
  }
}

/** Builds an edge list from [source, target, weight] triples (tests, benchmarks, exports). */
export function edgeListFrom(n: number, edges: Iterable<readonly [number, number, number?]>): EdgeList {
  const b = new EdgeListBuilder();
  for (const [s, t, w] of edges) b.add(s, t, w ?? 1);
  return b.build(n);
}
