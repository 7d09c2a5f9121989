// `db start` sizes the local Neo4j from the machine when NEO4J_HEAP / NEO4J_PAGECACHE are not set.
import { describe, expect, it } from 'vitest';
import { formatSize, neo4jMemory, sizeFor } from '../../neo4j/memory.ts';

const GiB = 1024 ** 3;

describe('Neo4j memory sizing', () => {
  it('leaves a fifth (at least 1 GiB) to the system and gives the page cache more than the heap', () => {
    expect(sizeFor(16 * GiB)).toEqual({ heap: '5g', pagecache: '7680m' });
    expect(sizeFor(32 * GiB)).toEqual({ heap: '10g', pagecache: '15616m' });
    expect(sizeFor(4 * GiB)).toEqual({ heap: '1g', pagecache: '1792m' });
  });

  it('never goes below 512 MiB and keeps the heap under 31 GiB', () => {
    expect(sizeFor(1 * GiB)).toEqual({ heap: '512m', pagecache: '512m' });
    expect(sizeFor(512 * GiB).heap).toBe('31g');
  });

  it('takes NEO4J_HEAP and NEO4J_PAGECACHE when set, and says where each figure came from', () => {
    expect(neo4jMemory({ NEO4J_HEAP: '3g', NEO4J_PAGECACHE: '1g' }, 16 * GiB)).toEqual({
      heap: '3g',
      pagecache: '1g',
      source: 'from NEO4J_HEAP and NEO4J_PAGECACHE',
    });
    const half = neo4jMemory({ NEO4J_HEAP: '3g' }, 16 * GiB);
    expect(half).toMatchObject({ heap: '3g', pagecache: '7680m' });
    expect(half.source).toContain('16.0 GiB');
    expect(neo4jMemory({}, 16 * GiB).source).toContain('set NEO4J_HEAP and NEO4J_PAGECACHE');
  });

  it('writes sizes as Neo4j reads them', () => {
    expect(formatSize(2 * GiB)).toBe('2g');
    expect(formatSize(1.5 * GiB)).toBe('1536m');
    expect(formatSize(100)).toBe('256m');
  });
});
