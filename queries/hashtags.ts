// The hashtag view: the most used hashtags and which appear on the same posts, or what one hashtag
// appears with. Both read what analysis stored (post counts, COOCCURS), so they never expand posts.
// Hashtags analysis flagged as spam (queries/analysis/spam.ts) are left out unless asked for.
import { z } from 'zod';
import { loadCypher } from './cypher.ts';
import { int, type Db } from './db.ts';

export const HashtagItem = z.object({
  tag: z.string(),
  posts: z.number().int(),
  /** With ?spam=include only: flagged as spam by the last analysis, and why. */
  spam: z.boolean().optional(),
  spamReason: z.string().nullable().optional(),
});
export const HashtagPair = z.object({ a: z.string(), b: z.string(), count: z.number().int() });

export async function hashtagCooccurrence(
  db: Db,
  q: { tag?: string | undefined; limit: number; spam?: 'exclude' | 'include' | undefined },
) {
  const spam = q.spam === 'include';
  const [row] = q.tag
    ? await db.read(loadCypher('hashtags/cooccurring'), { tag: q.tag, limit: int(q.limit), spam })
    : await db.read(loadCypher('hashtags/top'), { limit: int(q.limit), pairs: int(q.limit * 4), spam });
  return {
    items: ((row?.items as unknown[]) ?? []).map((raw) => {
      const i = HashtagItem.parse(raw);
      // The flag only matters when spam was asked for; otherwise the answer keeps its plain shape.
      return spam
        ? { ...i, spam: i.spam ?? false, spamReason: i.spamReason ?? null }
        : { tag: i.tag, posts: i.posts };
    }),
    pairs: ((row?.pairs as unknown[]) ?? []).map((p) => HashtagPair.parse(p)),
  };
}
