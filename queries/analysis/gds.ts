// The in-database engine: Neo4j Graph Data Science (`analyze --engine gds`) runs Louvain and PageRank
// inside the server (gds.louvain.write, gds.pageRank.write) on a projection weighted exactly as the
// Node engine weights INTERACTS, so on a cluster or Aura the two heaviest steps stay in the database.
// The rest of the run (stable community ids, the other scores, topics, places) is shared with the
// Node engine and reads what GDS wrote.
import type { IdRange } from './projection.ts';
import { loadCypher } from '../cypher.ts';
import { DatabaseError, int, type Db } from '../db.ts';
import type { InteractionWeights } from './params.ts';
import { z } from 'zod';

/** The connected server has no gds.* procedures. Its message says what to do instead. */
class GdsNotInstalledError extends DatabaseError {
  override name = 'GdsNotInstalledError';
}

const Installed = z.object({ procedures: z.number() });
const Version = z.object({ version: z.string() });

/** The GDS version on the connected server, or null when GDS is not installed there. */
export async function gdsVersion(db: Db): Promise<string | null> {
  const [row] = await db.read(loadCypher('analysis/gds/installed'), { prefix: 'gds.' });
  if (Installed.parse(row).procedures === 0) return null;
  const [v] = await db.read(loadCypher('analysis/gds/version'));
  return Version.parse(v).version;
}

/** Throws GdsNotInstalledError naming the server when it has no GDS; returns the version otherwise. */
export async function requireGds(db: Db): Promise<string> {
  const version = await gdsVersion(db);
  if (version === null) {
    throw new GdsNotInstalledError(
      `analyze --engine gds: Neo4j Graph Data Science is not installed on the connected server ` +
        `(${db.uri}: SHOW PROCEDURES lists no gds.* procedure). Install the GDS plugin on that server, ` +
        `start the local Neo4j with CARECIRCLE_NEO4J_GDS=1, or use --engine node (the default).`,
    );
  }
  return version;
}

export interface GdsResult {
  version: string;
  /** GDS community per account id (GDS's own numbering; isolated accounts get one each). */
  community: Map<string, number>;
  /** GDS PageRank per account id, as GDS computes it (not normalised). */
  pagerank: Map<string, number>;
  communityCount: number;
  modularity: number;
  pagerankIterations: number;
}

const Projected = z.object({ nodes: z.number(), relationships: z.number() });
const LouvainRow = z.object({ communityCount: z.number(), modularity: z.number() });
const PageRankRow = z.object({ ranIterations: z.number() });
const Results = z.object({
  ids: z.array(z.string()),
  communities: z.array(z.number()),
  pageranks: z.array(z.number()),
});

/**
 * Projects the graph once (directed, for PageRank) and adds its undirected copy in memory (for
 * Louvain), writes both results to the accounts, reads them back page by page (`pages` are the id ranges the projection read) and always
 * drops the projections, even when a step fails.
 */
export async function runGds(
  db: Db,
  opts: { weights: InteractionWeights; runId: string; pages: IdRange[]; concurrency?: number },
): Promise<GdsResult> {
  const version = await requireGds(db);
  const graph = `carecircle-${opts.runId}`;
  const types = { directedType: 'INTERACTS', undirectedType: 'UNDIRECTED' };
  const concurrency = int(opts.concurrency ?? 1);
  try {
    Projected.parse(
      (await db.write(loadCypher('analysis/gds/project'), { graph, weights: opts.weights, ...types }))[0],
    );
    await db.write(loadCypher('analysis/gds/to-undirected'), { graph, ...types });
    const louvain = LouvainRow.parse(
      (await db.write(loadCypher('analysis/gds/louvain-write'), { graph, concurrency, ...types }))[0],
    );
    const pr = PageRankRow.parse(
      (
        await db.write(loadCypher('analysis/gds/pagerank-write'), {
          graph,
          concurrency,
          maxIterations: int(200),
          tolerance: 1e-10,
          ...types,
        })
      )[0],
    );
    const community = new Map<string, number>();
    const pagerank = new Map<string, number>();
    for (const range of opts.pages) {
      const [row] = await db.read(loadCypher('analysis/gds/read-results'), range);
      const r = Results.parse(row);
      r.ids.forEach((id, i) => {
        community.set(id, r.communities[i]!);
        pagerank.set(id, r.pageranks[i]!);
      });
    }
    return {
      version,
      community,
      pagerank,
      communityCount: louvain.communityCount,
      modularity: louvain.modularity,
      pagerankIterations: pr.ranIterations,
    };
  } finally {
    // A failed drop must not hide the error of the step that failed; a projection left behind
    // only holds memory until the server restarts (each run projects under its own name).
    await db.write(loadCypher('analysis/gds/drop-graph'), { graph }).catch(() => undefined);
  }
}
