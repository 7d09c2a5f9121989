// One seeded pseudo-random generator for everything that must repeat exactly for the same seed: the
// demo network, Louvain's node order, the client's benchmark graphs.

/** mulberry32: small, fast, and the same sequence on every machine for the same seed. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
