// How much memory the local Neo4j gets. NEO4J_HEAP and NEO4J_PAGECACHE win when set; otherwise both
// are sized from the machine, the way Neo4j's own memory recommendation does it: keep some for the
// operating system and the Node process (the analysis holds the account graph in memory too), then
// give the page cache (the store files, read without touching disk) more than the heap (queries and
// transactions; Neo4j lets all open transactions together use 70% of it).
import os from 'node:os';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export interface Neo4jMemory {
  /** JVM -Xmx, e.g. "3g" or "1536m". */
  heap: string;
  /** server.memory.pagecache.size. */
  pagecache: string;
  /** Where the figures come from, for the line `db start` prints. */
  source: string;
}

/** Neo4j-style size: whole gigabytes as "3g", otherwise megabytes as "1536m". */
export function formatSize(bytes: number): string {
  const mb = Math.max(256, Math.floor(bytes / (256 * MiB)) * 256);
  return mb % 1024 === 0 ? `${mb / 1024}g` : `${mb}m`;
}

/**
 * Sizes for a machine with `totalBytes` of memory: 20% (at least 1 GiB) left to the system and Node,
 * then 40% of the rest to the heap (at most 31 GiB: beyond that the JVM loses compressed pointers)
 * and 60% to the page cache.
 */
export function sizeFor(totalBytes: number): { heap: string; pagecache: string } {
  const reserve = Math.max(GiB, totalBytes * 0.2);
  const available = Math.max(GiB, totalBytes - reserve);
  return {
    heap: formatSize(Math.min(31 * GiB, Math.max(512 * MiB, available * 0.4))),
    pagecache: formatSize(Math.max(512 * MiB, available * 0.6)),
  };
}

export function neo4jMemory(env: NodeJS.ProcessEnv = process.env, totalBytes = os.totalmem()): Neo4jMemory {
  const sized = sizeFor(totalBytes);
  const heap = env.NEO4J_HEAP || sized.heap;
  const pagecache = env.NEO4J_PAGECACHE || sized.pagecache;
  const machine = `${(totalBytes / GiB).toFixed(1)} GiB machine`;
  const source =
    env.NEO4J_HEAP && env.NEO4J_PAGECACHE
      ? 'from NEO4J_HEAP and NEO4J_PAGECACHE'
      : env.NEO4J_HEAP || env.NEO4J_PAGECACHE
        ? `${env.NEO4J_HEAP ? 'heap from NEO4J_HEAP' : 'page cache from NEO4J_PAGECACHE'}, the rest sized for this ${machine}`
        : `sized for this ${machine}; set NEO4J_HEAP and NEO4J_PAGECACHE to choose`;
  return { heap, pagecache, source };
}
