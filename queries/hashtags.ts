// The hashtag view: the most used hashtags and which appear on the same posts, or what one hashtag
// appears with. Both read what analysis stored (post counts, COOCCURS), so they never expand posts.
import { z } from 'zod';
import { loadCypher } from './cypher.ts';
import { int, type Db } from './db.ts';

export const HashtagItem = z.object({ tag: z.string(), posts: z.number().int() });
export const HashtagPair = z.object({ a: z.string(), b: z.string(), count: z.number().int() });

export async function hashtagCooccurrence(db: Db, q: { tag?: string | undefined; limit: number }) {
  const [row] = q.tag
    ? await db.read(loadCypher('hashtags/cooccurring'), { tag: q.tag, limit: int(q.limit) })
    : await db.read(loadCypher('hashtags/top'), { limit: int(q.limit), pairs: int(q.limit * 4) });
  return {
    items: ((row?.items as unknown[]) ?? []).map((i) => HashtagItem.parse(i)),
    pairs: ((row?.pairs as unknown[]) ?? []).map((p) => HashtagPair.parse(p)),
  };
}
