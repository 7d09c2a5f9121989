// The second projection: hashtags linked by the posts that carry both, and topic clusters found with
// the same Louvain; plus the hashtags that describe each account community (its label).
import { loadCypher } from '../cypher.ts';
import type { Db } from '../db.ts';
import { EdgeListBuilder } from './edges.ts';
import { detectCommunities, type LouvainOptions } from './louvain.ts';
import { z } from 'zod';

const Pair = z.object({ a: z.string(), b: z.string(), posts: z.number() });

interface TopicClusters {
  tags: string[];
  /** Topic id per tag (0 = the largest cluster). */
  topic: Int32Array;
  count: number;
  modularity: number;
  pairs: number;
}

/** `exclude`: hashtags left out of the co-occurrence graph (those flagged as spam, spam.ts). */
export async function hashtagTopics(
  db: Db,
  opts: LouvainOptions & { exclude?: ReadonlySet<string> },
): Promise<TopicClusters> {
  const rows = await db.read(loadCypher('analysis/hashtag-cooccurrence'));
  const index = new Map<string, number>();
  const tags: string[] = [];
  const slot = (t: string) => {
    let i = index.get(t);
    if (i === undefined) {
      index.set(t, (i = tags.length));
      tags.push(t);
    }
    return i;
  };
  const edges = new EdgeListBuilder();
  for (const raw of rows) {
    const r = Pair.parse(raw);
    if (opts.exclude?.has(r.a) || opts.exclude?.has(r.b)) continue;
    edges.add(slot(r.a), slot(r.b), r.posts);
  }
  const partition = detectCommunities(edges.build(tags.length), opts);
  return {
    tags,
    topic: partition.membership,
    count: partition.count,
    modularity: partition.modularity,
    pairs: rows.length,
  };
}

/** The most used hashtags of each community: summed USED counts of its members, most first. */
export function topHashtagsByCommunity(
  community: Int32Array,
  tagAccount: number[],
  tagName: string[],
  tagCount: number[],
  top = 5,
): Map<number, string[]> {
  const sums = new Map<number, Map<string, number>>();
  for (let k = 0; k < tagAccount.length; k++) {
    const c = community[tagAccount[k]!]!;
    if (c < 0) continue;
    let row = sums.get(c);
    if (!row) sums.set(c, (row = new Map()));
    row.set(tagName[k]!, (row.get(tagName[k]!) ?? 0) + tagCount[k]!);
  }
  const out = new Map<number, string[]>();
  for (const [c, row] of sums) {
    out.set(
      c,
      [...row.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, top)
        .map(([t]) => t),
    );
  }
  return out;
}
