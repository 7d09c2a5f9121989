// Communities found by the last `analyze` run (queries/analysis/run.ts writes them).
import { z } from 'zod';
import { loadCypher } from './cypher.ts';
import { int, type Db } from './db.ts';

export const Community = z.object({
  id: z.number().int(),
  size: z.number().int(),
  /** Built from the top hashtags, e.g. "#t1d #diabetes #dsma". */
  label: z.string().nullable(),
  topHashtags: z.array(z.string()),
  /** Account ids, highest influence score first. */
  topAccounts: z.array(z.string()),
  /** This community's share of the partition's modularity (the shares sum to the run's modularity). */
  modularity: z.number(),
  /**
   * How much of this community other seeds find again (mean best-match Jaccard, 0..1); null for a
   * run made before stability was measured.
   */
  stability: z.number().nullable(),
  runId: z.string().nullable(),
});
export type Community = z.infer<typeof Community>;

export const CommunityDetail = Community.extend({
  topAccountDetails: z.array(
    z.object({ accountId: z.string(), handle: z.string().nullable(), score: z.number().nullable() }),
  ),
});
export type CommunityDetail = z.infer<typeof CommunityDetail>;

/**
 * A community asked for by number (`/api/communities/7`, `--community 7`): Louvain's non-negative
 * integer label, coerced from text. What a graph node carries is graph.ts's CommunityId.
 */
export const CommunityNumber = z.coerce.number().int().min(0);

/** How many communities a list holds at most (largest first): a big graph has thousands of small ones. */
export const CommunityLimit = z.coerce.number().int().min(1).max(2000).default(500);

export async function listCommunities(db: Db, limit = 500): Promise<Community[]> {
  const rows = await db.read(loadCypher('analysis/list-communities'), {
    limit: int(CommunityLimit.parse(limit)),
  });
  return rows.map((r) => Community.parse(r));
}

/** One community, or null when no community has that id. */
export async function getCommunity(db: Db, id: number): Promise<CommunityDetail | null> {
  const [row] = await db.read(loadCypher('analysis/get-community'), { id: int(CommunityNumber.parse(id)) });
  return row ? CommunityDetail.parse(row) : null;
}
