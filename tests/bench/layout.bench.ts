// `npx tsx tests/bench/layout.bench.ts [accounts…]`: the time of analyze's `layout` phase alone
// (queries/analysis/layout.ts) on planted-partition graphs in memory: communities of 50-500 accounts,
// ten interactions per account, 80% inside its community, heavy-tailed targets, random scores.
// Default sizes 10,000 and 100,000 accounts (100k accounts is what bench:analysis builds for 1M
// interactions). Prints one line per size and writes tests/bench/out/layout.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EdgeListBuilder } from '../../queries/analysis/edges.ts';
import { computeLayout } from '../../queries/analysis/layout.ts';
import { seededRng } from '../../queries/random.ts';

function planted(n: number, seed = 1) {
  const rnd = seededRng(seed);
  const community = new Int32Array(n);
  const starts: number[] = [];
  for (let i = 0, c = 0; i < n; c++) {
    const size = 50 + Math.floor(rnd() * 450);
    starts.push(i);
    for (let k = 0; k < size && i < n; k++, i++) community[i] = c;
  }
  starts.push(n);
  const b = new EdgeListBuilder();
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    const from = starts[c]!;
    const size = starts[c + 1]! - from;
    for (let k = 0; k < 10; k++) {
      const skew = rnd() ** 3; // a few accounts get most of the attention
      const t = rnd() < 0.8 ? from + Math.floor(skew * size) : Math.floor(skew * n);
      if (t !== i) b.add(i, t, 1 + Math.floor(rnd() * 3));
    }
  }
  const score = Float64Array.from({ length: n }, () => rnd());
  const ids = Array.from({ length: n }, (_, i) => `csv:${i}`);
  return { ids, edges: b.build(n), community, score, communities: starts.length - 1 };
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((v) => v > 0);
const results = [];
for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  const g = planted(n);
  const t0 = performance.now();
  const l = computeLayout(g.ids, g.edges, g.community, g.score, { seed: 7 });
  const ms = Math.round(performance.now() - t0);
  const line = {
    accounts: n,
    edges: g.edges.m,
    communities: g.communities,
    laidOut: l.laidOut,
    ms,
  };
  console.log(JSON.stringify(line));
  results.push(line);
}
const out = fileURLToPath(new URL('./out/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(`${out}layout.json`, JSON.stringify(results, null, 2));
